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

export function processIo(): Io {
  return {
    stdout: (t) => void process.stdout.write(t),
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
