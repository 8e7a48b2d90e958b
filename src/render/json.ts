// policy.json: the model as JSON, two-space indented, trailing newline. Key order is the model's.
import type { PolicyModel } from '../model/types.js';

export function renderJson(model: PolicyModel): string {
  return JSON.stringify(model, null, 2) + '\n';
}
