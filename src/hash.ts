// The one content hash of the project (release manifests, data copies, the precompiled schema).
import { createHash } from 'node:crypto';

/** sha256 of a string's UTF-8 bytes, as lower-case hex. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
