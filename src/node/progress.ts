// A progress bar for long runs, on stderr, only where a person watches it: stderr is a TTY and CI
// is not set (CI logs would fill with carriage returns). It appears only once a run has lasted
// `delayMs`, redraws at most every `intervalMs`, and erases itself at the end, so short runs and
// every captured output look exactly as without it. Display only: nothing it reads reaches an output.
import type { Io } from '../io.js';

export interface Progress {
  /** `done` of `total` items finished; `label` names the last one. */
  update(done: number, total: number, label?: string): void;
  /** Erase the bar (call once, when the run ends, also on failure). */
  end(): void;
}

export interface ProgressOptions {
  delayMs?: number;
  intervalMs?: number;
  width?: number;
  /** Clock (tests pass a fake one). */
  now?: () => number;
}

const silent: Progress = { update() {}, end() {} };

/** Whether a progress bar may be drawn for this Io. */
export function progressWanted(io: Pick<Io, 'isTTY' | 'env'>): boolean {
  const ci = io.env.CI;
  return io.isTTY && !(ci && ci !== 'false' && ci !== '0') && !io.env.POLICYC_NO_PROGRESS;
}

export function createProgress(io: Pick<Io, 'isTTY' | 'env' | 'stderr'>, what: string, options: ProgressOptions = {}): Progress {
  if (!progressWanted(io)) return silent;
  const now = options.now ?? Date.now;
  const delay = options.delayMs ?? 400;
  const interval = options.intervalMs ?? 100;
  const width = options.width ?? 28;
  const started = now();
  let last = -Infinity;
  let shown = false;
  return {
    update(done, total, label = '') {
      const t = now();
      if (t - started < delay || (t - last < interval && done < total)) return;
      last = t;
      shown = true;
      const ratio = total > 0 ? Math.min(1, done / total) : 0;
      const filled = Math.round(ratio * width);
      const name = label.length > 32 ? '…' + label.slice(-31) : label;
      io.stderr(`\r\x1b[2K${what} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${name}`);
    },
    end() {
      if (shown) io.stderr('\r\x1b[2K');
      shown = false;
    },
  };
}
