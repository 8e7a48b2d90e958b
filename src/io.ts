// The outside world, injected (style.md principle 11): tests run commands in-process with
// captured output; the bin passes the real process streams.

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  env: Record<string, string | undefined>;
  /** Whether stderr is an interactive terminal (colours, progress bars). */
  isTTY: boolean;
}

// A reader that stops early (`policyc diff a b | head`) closes the pipe: writing on would raise
// EPIPE and crash with a stack trace. Like git or ripgrep, policyc then stops writing to stdout and
// finishes quietly, with its exit code.
let stdoutClosed = false;
let watching = false;
function watchStdout(): void {
  if (watching) return;
  watching = true;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    stdoutClosed = true;
  });
}

export function processIo(): Io {
  watchStdout();
  return {
    stdout: (t) => void (stdoutClosed || process.stdout.write(t)),
    stderr: (t) => void process.stderr.write(t),
    cwd: process.cwd(),
    env: process.env,
    isTTY: Boolean(process.stderr.isTTY),
  };
}

/** Options every command shares. */
export interface CommonOptions {
  reporter?: string;
  color?: boolean;
  quiet?: boolean;
}
