// Shared by the check, review and rules tests: run the CLI in-process with captured streams.
import { run } from '../src/cli.js';

export async function runCli(args: string[], cwd = process.cwd(), env: Record<string, string | undefined> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await run(args, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), cwd, env, isTTY: false });
  return { code, stdout, stderr };
}
