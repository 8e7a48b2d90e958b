// A worker thread of src/node/workers.ts: reads a policy (and its reviewed policy.yaml) and runs
// the pure pipeline on it, exactly as src/node/compile.ts does in the main thread.
import { parentPort } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { readTextFile } from '../io/read.js';
import { extractPolicy } from '../pipeline.js';
import type { ExtractTask, ExtractReply } from './workers.js';

parentPort?.on('message', async (task: ExtractTask) => {
  let reply: ExtractReply;
  try {
    const text = await readTextFile(task.file);
    const reviewed = task.reviewedFile && existsSync(task.reviewedFile) ? { path: task.reviewedShown!, text: await readTextFile(task.reviewedFile) } : undefined;
    const result = extractPolicy({ id: task.id, path: task.shown, text, ...(reviewed ? { reviewed } : {}) });
    reply = { file: task.file, result };
  } catch (error) {
    // Unreadable input and the like: the main thread reads the file again and reports it.
    reply = { file: task.file, error: String((error as Error)?.message ?? error) };
  }
  parentPort!.postMessage(reply);
});
