// Shared by the robustness tests (bad-input, xss, atomic, property): run the CLI in-process,
// build throwaway projects, read a whole output tree. Not a test file itself.
import { mkdtempSync, mkdirSync, writeFileSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { run } from '../src/cli.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(args: string[], cwd = process.cwd(), env: Record<string, string> = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), cwd, env, isTTY: false });
  return { code, stdout, stderr };
}

/** A V8 stack frame line, as printed by an uncaught error: must never reach the user. */
export const STACK_FRAME = /^\s{4}at /m;

export function tempDir(prefix = 'policyc-robust-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Write files (path -> content) under a new temporary folder; returns the folder. */
export function project(files: Record<string, string | Uint8Array>): string {
  const dir = tempDir();
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

/** Every file under a folder, relative path -> bytes (hex-free compare via Buffer.equals). */
export function readTree(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (rel: string) => {
    for (const name of readdirSync(join(dir, rel)).sort()) {
      const path = rel ? `${rel}/${name}` : name;
      if (statSync(join(dir, path)).isDirectory()) walk(path);
      else out.set(path, readFileSync(join(dir, path)));
    }
  };
  walk('');
  return out;
}

/** Assert-friendly view of a tree: path -> sha-free summary, so failures print readable diffs. */
export function treeText(tree: Map<string, Buffer>): Record<string, string> {
  return Object.fromEntries([...tree].map(([k, v]) => [k, v.toString('utf8')]));
}

export const POLICY = (title = 'Acme', version = '1.0.0', body = 'We collect your email address.\n') =>
  `---\ntitle: ${title}\nversion: ${version}\neffective_date: 2024-01-01\n---\n# ${title} privacy\n\n${body}`;
