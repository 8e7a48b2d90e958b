// Node I/O: reading policy and model files. Refuses what is not text, with a position.
import { readFile, stat } from 'node:fs/promises';
import { InputError } from '../errors.js';

/** Largest input accepted. Past it, policyc refuses the file rather than risk memory or time. */
// 12 MiB: a 10 MB policy compiles in about 1.5 GB today (docs/robustness.md); past this a compile could
// exhaust the default V8 heap of a laptop (2-4 GB) and crash, so the file is refused from its size alone.
export const MAX_INPUT_BYTES = 12 * 1024 * 1024;

export async function readTextFile(path: string): Promise<string> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? `No such file: ${path}` : `Cannot read ${path}: ${code ?? error}`, path, 'input/unreadable');
  }
  if (info.isDirectory()) throw new InputError(`${path} is a folder, not a file`, path, 'input/unreadable');
  if (info.size > MAX_INPUT_BYTES)
    throw new InputError(
      `${path} is ${(info.size / 1048576).toFixed(1)} MB; the largest input accepted is ${MAX_INPUT_BYTES / 1048576} MB`,
      path,
      'input/too-large',
    );
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new InputError(`Cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? error}`, path, 'input/unreadable');
  }
  return decodeText(bytes, path);
}

/** Decode UTF-8 (UTF-16 with a BOM too); refuse binary and invalid UTF-8 with file:line:column. */
export function decodeText(bytes: Uint8Array, path: string): string {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes);
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    const { line, column } = positionOfByte(bytes, nul);
    const reason = 'binary file (NUL byte); a policy must be UTF-8 text';
    throw new InputError(`${path}:${line}:${column}: ${reason}`, path, 'input/binary', { line, column, reason });
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const { line, column } = positionOfByte(bytes, bad);
    const reason = `not valid UTF-8 (byte 0x${bytes[bad]?.toString(16).padStart(2, '0')}); save the file as UTF-8`;
    throw new InputError(`${path}:${line}:${column}: ${reason}`, path, 'input/encoding', { line, column, reason });
  }
}

function positionOfByte(bytes: Uint8Array, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < index; i++) if (bytes[i] === 0x0a) {
    line++;
    lineStart = i + 1;
  }
  // Column in characters: decode the line prefix leniently.
  const prefix = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, index));
  return { line, column: [...prefix].length + 1 };
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return 0;
}
