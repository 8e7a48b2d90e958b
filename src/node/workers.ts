// Compiling many policies on every core: a pool of worker threads runs the pure pipeline
// (parse -> extract -> pins -> review -> validate, the bulk of a compile) for each draft, while
// src/node/compile.ts keeps everything else (releases, checks, rendering, writing) in order in the
// main thread. A result is used only for the very text that compile reads, so the output is
// byte-identical with or without workers (test/perf.test.ts checks it).
// Workers pay for themselves from about MIN_POLICIES_FOR_WORKERS policies: each one loads the
// pipeline afresh (~100-200 ms). POLICYC_JOBS=N sets the number of threads (1: no workers).
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ExtractedPolicy, PolicyInput } from '../pipeline.js';
import { LineIndex } from '../parse/source.js';

export const MIN_POLICIES_FOR_WORKERS = 16;

export interface ExtractTask {
  id: string;
  /** Absolute path of policy.md, and as shown in messages. */
  file: string;
  shown: string;
  /** The reviewed policy.yaml beside it, when compile would read one. */
  reviewedFile?: string;
  reviewedShown?: string;
}

export type ExtractReply = { file: string; result: ExtractedPolicy; error?: undefined } | { file: string; error: string; result?: undefined };

/** How many worker threads to use for `count` policies (0: run in the main thread). */
export function workerCount(count: number, env: Record<string, string | undefined> = {}): number {
  const asked = env.POLICYC_JOBS ? Number(env.POLICYC_JOBS) : NaN;
  const cores = Number.isInteger(asked) && asked > 0 ? asked : availableParallelism();
  if (cores <= 1) return 0;
  if (!(Number.isInteger(asked) && asked > 1) && count < MIN_POLICIES_FOR_WORKERS) return 0;
  return Math.min(cores, count);
}

/** The worker script beside this module (lib/node/ or lib/bundle/); absent when run from src/. */
export function workerScript(): URL | null {
  const url = new URL('./extract-worker.js', import.meta.url);
  return existsSync(fileURLToPath(url)) ? url : null;
}

/**
 * Run the pipeline for every task on `jobs` worker threads. Resolves to results by file (absent
 * for files a worker could not read: the caller reads and reports them), or null when workers
 * cannot run here (no worker script). `onDone` is called as each task finishes.
 */
export async function extractInWorkers(tasks: ExtractTask[], jobs: number, onDone?: (done: number, total: number, task: ExtractTask) => void): Promise<Map<string, ExtractedPolicy> | null> {
  const script = workerScript();
  if (!script || jobs < 1 || !tasks.length) return null;
  const results = new Map<string, ExtractedPolicy>();
  const byFile = new Map(tasks.map((t) => [t.file, t]));
  let next = 0;
  let done = 0;
  const workers: Worker[] = [];
  try {
    await new Promise<void>((resolvePool, rejectPool) => {
      const feed = (worker: Worker): void => {
        if (next < tasks.length) worker.postMessage(tasks[next++]);
      };
      for (let i = 0; i < Math.min(jobs, tasks.length); i++) {
        const worker = new Worker(script);
        workers.push(worker);
        worker.on('message', (reply: ExtractReply) => {
          if (reply.result) results.set(reply.file, revive(reply.result));
          done++;
          onDone?.(done, tasks.length, byFile.get(reply.file)!);
          if (done === tasks.length) resolvePool();
          else feed(worker);
        });
        worker.on('error', rejectPool);
        worker.on('exit', (code) => {
          if (done < tasks.length && code !== 0) rejectPool(new Error(`a compile worker exited with code ${code}`));
        });
        feed(worker);
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}

/** Classes do not survive the trip between threads: rebuild the line index. */
function revive(result: ExtractedPolicy): ExtractedPolicy {
  result.doc.lines = new LineIndex(result.doc.text);
  return result;
}

/** The prefetched result for this input, if it was computed from exactly the same texts. */
export function takeExtracted(prefetched: Map<string, ExtractedPolicy> | undefined | null, file: string, input: PolicyInput): ExtractedPolicy | undefined {
  const hit = prefetched?.get(file);
  if (!hit) return undefined;
  prefetched!.delete(file);
  const same = hit.input.text === input.text && hit.input.path === input.path && hit.input.id === input.id && hit.input.reviewed?.text === input.reviewed?.text && hit.input.reviewed?.path === input.reviewed?.path;
  return same ? hit : undefined;
}

/**
 * compile's hook: when there are enough policies, run the pipeline for every draft on worker
 * threads ahead of the (ordered) main loop. Null when it runs in the main thread instead.
 */
export async function prefetchExtractions(
  policies: { id: string; file: string; dir: string }[],
  display: (path: string) => string,
  env: Record<string, string | undefined> = {},
  onProgress?: (done: number, total: number, label: string) => void,
): Promise<Map<string, ExtractedPolicy> | null> {
  const jobs = workerCount(policies.length, env);
  if (!jobs) return null;
  const tasks: ExtractTask[] = policies.map((loc) => {
    const yaml = `${loc.dir}/policy.yaml`;
    const reviewed = /(^|[\\/])policy\.md$/.test(loc.file) ? { reviewedFile: yaml, reviewedShown: display(yaml) } : {};
    return { id: loc.id, file: loc.file, shown: display(loc.file), ...reviewed };
  });
  return extractInWorkers(tasks, jobs, (done, total, task) => onProgress?.(done, total, task.id));
}
