// YAML data files (schemas/vocabulary.yaml, src/lexicons/lexicon.yaml) stay the source of truth;
// scripts/build.mjs also writes each as JSON (lib/data/<name>.json, with the YAML's sha256), since
// JSON.parse is 50-130x faster than the yaml parser and this runs on every start.
// A JSON copy is used only when its hash matches the YAML text read now; otherwise (tests run from
// src/, or the YAML was edited after the build) the YAML is parsed. Same value either way
// (test/perf-build.test.ts checks it).
import { readFileSync } from 'node:fs';
import { sha256Hex } from '../hash.js';
import { basename } from 'node:path';
import { parse } from 'yaml';

export { sha256Hex };

/** The data of a YAML file, from its build-time JSON copy (lib/data/<name>.json) when that is current. */
export function readYamlData(yamlPath: string): unknown {
  return readDerivedData(yamlPath, basename(yamlPath).replace(/\.ya?ml$/, ''), (data) => data);
}

/**
 * Data derived from a YAML file by `derive`, from the build's stored copy (lib/data/<name>.json,
 * written with derivedCopyOf; the same folder from lib/data/ and lib/bundle/) when that was made
 * from the YAML text read now.
 */
export function readDerivedData<T>(yamlPath: string, name: string, derive: (data: unknown) => T): T {
  const text = readFileSync(yamlPath, 'utf8');
  if (!process.env.POLICYC_NO_DATA_CACHE) {
    let copy: { sha256?: string; data?: T } | undefined;
    try {
      copy = JSON.parse(readFileSync(new URL(`../data/${name}.json`, import.meta.url), 'utf8')) as typeof copy;
    } catch {
      copy = undefined; // no copy: derive it now
    }
    if (copy && copy.sha256 === sha256Hex(text)) return copy.data as T;
  }
  return derive(parse(text) as unknown);
}

/** What the build writes for data derived from a YAML file (see readDerivedData). */
export function derivedCopyOf(yamlText: string, derive: (data: unknown) => unknown): string {
  return JSON.stringify({ sha256: sha256Hex(yamlText), data: derive(parse(yamlText) as unknown) });
}

/** What the build writes for a YAML file: its data and the sha256 of its text. */
export function jsonCopyOf(yamlText: string): string {
  return derivedCopyOf(yamlText, (data) => data);
}
