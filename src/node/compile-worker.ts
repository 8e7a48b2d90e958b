// A worker thread of src/node/workers.ts: compiles whole policies, exactly as src/node/compile.ts
// does in the main thread, writing into the staging folder the main thread opened.
import { parentPort } from 'node:worker_threads';
import { compilePolicy } from './compile.js';
import { StagedOutput } from './write.js';
import { InputError } from '../errors.js';
import { installSettle } from './memory.js';
import type { WorkerTask, WorkerReply } from './workers.js';

installSettle();

parentPort?.on('message', async (task: WorkerTask) => {
  let reply: WorkerReply;
  try {
    const out = StagedOutput.at(task.stagingDir);
    const outcome = await compilePolicy(task.loc, task.job, async () => (path, content) => out.put(path, content));
    reply = { index: task.index, outcome };
  } catch (error) {
    // An input error (say, an output folder that cannot be written) is re-raised as one in the main thread.
    const input = error instanceof InputError ? { file: error.file, ruleId: error.ruleId, at: error.at } : undefined;
    reply = { index: task.index, error: input ? (error as Error).message : String((error as Error)?.stack ?? error), ...(input ? { input } : {}) };
  }
  parentPort!.postMessage(reply);
});
