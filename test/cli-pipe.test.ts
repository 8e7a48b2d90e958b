// A reader that stops early (`policyc extract big.md --format json | head`) closes the pipe under
// policyc: it must finish quietly with its own exit code, not crash on EPIPE with a stack trace
// (src/io.ts). Runs the built CLI (the bundle when present, else lib/); skipped without lib/.
import { test, expect } from '@jest/globals';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const bin = resolve('bin/policyc.js');
const built = existsSync('lib/cli.js');

test('a reader that closes the pipe early: exit 0, no EPIPE crash', async () => {
  if (!built) {
    console.warn('skipped: lib/ is absent (run npm run build)');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'policyc-pipe-'));
  try {
    // JSON output far beyond a pipe's buffer (64 KB), so writes go on after the reader is gone
    const seed = readFileSync('policies/kaspersky-uk/policy.md', 'utf8').replace(/^---[\s\S]*?---\n/, '');
    writeFileSync(join(dir, 'big.md'), Array.from({ length: 30 }, (_, i) => `# Part ${i + 1}\n\n${seed}`).join('\n\n'));
    const child = spawn(process.execPath, [bin, 'extract', join(dir, 'big.md'), '--format', 'json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    let first = 0;
    child.stdout.once('data', (d: Buffer) => {
      first = d.length;
      child.stdout.destroy(); // the reader goes away after its first chunk, as head does
    });
    const code = await new Promise<number | null>((done) => child.on('close', (c) => done(c)));
    expect(first).toBeGreaterThan(0);
    expect({ code, crashed: /EPIPE|Unhandled 'error'/.test(stderr) }).toEqual({ code: 0, crashed: false });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);
