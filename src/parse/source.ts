// Source text normalisation and line arithmetic. Everything downstream sees this text, so hashes,
// quotes and outputs do not depend on CRLF or a BOM (../shared/reference/model.md: hashes).

/** Normalise a policy's text: drop a leading BOM, turn CRLF and lone CR into LF. */
export function normalizeSource(text: string): string {
  let out = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (out.includes('\r')) out = out.replace(/\r\n?/g, '\n');
  return out;
}

/** Offsets of the first character of each line; lineStarts[0] === 0. */
export class LineIndex {
  readonly starts: number[];
  constructor(readonly text: string) {
    const starts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    this.starts = starts;
  }

  /** 1-based line of a 0-based offset. */
  lineOf(offset: number): number {
    const s = this.starts;
    let lo = 0;
    let hi = s.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  /** 1-based line and column of a 0-based offset. */
  pointOf(offset: number): { line: number; column: number; offset: number } {
    const line = this.lineOf(offset);
    return { line, column: offset - this.starts[line - 1]! + 1, offset };
  }

  /** Smallest 1-based [first, last] line span containing text[start, end). */
  span(start: number, end: number): [number, number] {
    const last = end > start ? end - 1 : start;
    return [this.lineOf(start), this.lineOf(last)];
  }

  get lineCount(): number {
    return this.starts.length;
  }
}
