// Compiling many policies on every core: a pool of worker threads, each compiling whole policies
// (src/node/compile.ts compilePolicy: releases, extraction, checks, rendering) and writing their
// folders of the site straight into the staging folder. The main thread gets back only reports and
// the index's summaries, so memory holds a policy per thread, never the site. Output is
// byte-identical with or without workers (test/perf-scale.test.ts checks it).
// Workers pay for themselves from about MIN_POLICIES_FOR_WORKERS policies: each one loads the
// pipeline afresh (~100-200 ms). POLICYC_JOBS=N sets the number of threads (1: no workers).
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import type { PolicyLocation } from './discover.js';
import type { PolicyJob, PolicyOutcome } from './compile.js';
import { InputError } from '../errors.js';

export const MIN_POLICIES_FOR_WORKERS = 16;

/** A message to a worker: compile this policy into that staging folder. */
export interface WorkerTask {
  index: number;
  loc: PolicyLocation;
  job: PolicyJob;
  stagingDir: string;
}

export type WorkerReply =
  | { index: number; outcome: PolicyOutcome; error?: undefined }
  | { index: number; error: string; input?: { file?: string; ruleId: string; at?: InputError['at'] }; outcome?: undefined };

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
  const url = new URL('./compile-worker.js', import.meta.url);
  return existsSync(fileURLToPath(url)) ? url : null;
}

/**
 * Compile every policy on `jobs` worker threads, writing into `stagingDir`. Resolves to the
 * outcomes in policy order, or null when workers cannot run here (no worker script: the caller
 * compiles in the main thread). A worker that fails (a bug, not a bad input) fails the compile.
 */
export async function compileInWorkers(
  policies: PolicyLocation[],
  job: PolicyJob,
  stagingDir: string,
  jobs: number,
  onProgress?: (done: number, total: number, label: string) => void,
): Promise<PolicyOutcome[] | null> {
  const script = workerScript();
  if (!script || jobs < 1 || !policies.length) return null;
  // loaded here, not at start: a compile of a few policies never starts a thread (~2 ms saved).
  // (Not import(): commands.cjs runs as a vm.Script, which has no dynamic import.)
  const { Worker } = process.getBuiltinModule('node:worker_threads');
  const outcomes: PolicyOutcome[] = new Array(policies.length);
  let next = 0;
  let done = 0;
  const workers: Worker[] = [];
  try {
    await new Promise<void>((resolvePool, rejectPool) => {
      const feed = (worker: Worker): void => {
        if (next < policies.length) {
          const index = next++;
          worker.postMessage({ index, loc: policies[index]!, job, stagingDir } satisfies WorkerTask);
        }
      };
      for (let i = 0; i < Math.min(jobs, policies.length); i++) {
        const worker = new Worker(script);
        workers.push(worker);
        worker.on('message', (reply: WorkerReply) => {
          if (reply.error !== undefined)
            return rejectPool(reply.input ? new InputError(reply.error, reply.input.file, reply.input.ruleId, reply.input.at) : new Error(`compiling ${policies[reply.index]!.file} failed in a worker: ${reply.error}`));
          outcomes[reply.index] = reply.outcome;
          done++;
          onProgress?.(done, policies.length, policies[reply.index]!.id);
          if (done === policies.length) resolvePool();
          else feed(worker);
        });
        worker.on('error', rejectPool);
        worker.on('exit', (code) => {
          if (done < policies.length && code !== 0) rejectPool(new Error(`a compile worker exited with code ${code}`));
        });
        feed(worker);
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return outcomes;
}
