// policyc diff <a> [b] [--base REV] [--format text|md|html|json] [--fail-on material|minor|any]
import type { Io, CommonOptions } from '../io.js';
import { UsageError } from '../errors.js';
import { loadSide, loadSideAtRevision } from '../node/sides.js';
import { diffPolicies, renderDiffHtml, renderDiffJson, renderDiffMarkdown, renderDiffText, type Override, type PolicyDiff } from '../diff/index.js';
import type { ChangeClass } from '../diff/types.js';
import { printReport, displayPath } from './report.js';

export interface DiffCommandOptions extends CommonOptions {
  base?: string;
  format?: string;
  layout?: string;
  failOn?: string;
  override?: string[];
}

const CLASSES: ChangeClass[] = ['material', 'minor', 'editorial', 'needs_review'];

/** "recipients/third_party=minor:only a renamed vendor" -> an override. */
export function parseOverride(text: string): Override {
  const m = /^([^=]+)=([a-z_ ]+):(.+)$/s.exec(text);
  const cls = m?.[2]?.trim().replace(' ', '_') as ChangeClass | undefined;
  if (!m || !cls || !CLASSES.includes(cls)) throw new UsageError(`--override "${text}": use KEY=CLASS:REASON, CLASS one of ${CLASSES.join(', ')}`);
  return { key: m[1]!.trim(), class: cls, reason: m[3]!.trim() };
}

/** Whether the diff trips the gate. needs_review counts as material: one extraction miss must not let a change through. */
export function failsGate(diff: PolicyDiff, failOn: string | undefined): boolean {
  const n = diff.counts;
  switch (failOn) {
    case undefined:
      return false;
    case 'material':
      return n.material + n.needs_review > 0;
    case 'minor':
      return n.material + n.needs_review + n.minor > 0;
    case 'any':
      return diff.changes.length > 0;
    default:
      throw new UsageError(`--fail-on "${failOn}": use material, minor or any`);
  }
}

export default async function diffCommand(io: Io, refs: string[], options: DiffCommandOptions): Promise<number> {
  if (options.base ? refs.length !== 1 : refs.length !== 2)
    throw new UsageError(options.base ? 'with --base, give one file: policyc diff policies/acme/policy.md --base main' : 'give two versions: policyc diff <a> <b>');
  if (options.failOn !== undefined && !['material', 'minor', 'any'].includes(options.failOn)) throw new UsageError(`--fail-on "${options.failOn}": use material, minor or any`);
  const overrides = (options.override ?? []).map(parseOverride);
  const [a, b] = options.base ? await Promise.all([loadSideAtRevision(refs[0]!, options.base, io.cwd), loadSide(refs[0]!, io.cwd)]) : await Promise.all([loadSide(refs[0]!, io.cwd), loadSide(refs[1]!, io.cwd)]);
  const errors = [a, b].flatMap((s) => s.diagnostics.filter((d) => d.severity === 'error').length ? [{ path: displayPath(io, s.file), diagnostics: s.diagnostics.filter((d) => d.severity === 'error') }] : []);
  if (errors.length) {
    await printReport(io, errors, options);
    return 1;
  }
  if (!a.doc || !b.doc) io.stderr('policyc: no markdown source beside a model: comparing the models only, without a text redline\n');
  const diff = diffPolicies(a.doc && b.doc ? a : { ...a, doc: undefined }, a.doc && b.doc ? b : { ...b, doc: undefined }, { overrides });
  const format = options.format ?? 'text';
  switch (format) {
    case 'json':
      io.stdout(renderDiffJson(diff));
      break;
    case 'md':
      io.stdout(renderDiffMarkdown(diff));
      break;
    case 'html':
      io.stdout(renderDiffHtml(diff, { layout: options.layout === 'side-by-side' ? 'side-by-side' : 'inline' }));
      break;
    case 'text':
      io.stdout(renderDiffText(diff, { color: io.isTTY && !io.env.NO_COLOR }));
      break;
    default:
      throw new UsageError(`Unknown format "${format}": use text, md, html or json`);
  }
  if (failsGate(diff, options.failOn)) {
    io.stderr(`policyc: --fail-on ${options.failOn}: ${diff.counts.material} material, ${diff.counts.needs_review} needing review, ${diff.counts.minor} minor\n`);
    return 1;
  }
  return 0;
}
