// A fast printer for the model's YAML, giving exactly the text the yaml package prints with
// OPTIONS (src/render/yaml.ts) for the values a model holds: block mappings and sequences,
// numbers, booleans, null, and single-line strings (plain or double-quoted, decided by the yaml
// package's own rules, copied below). The yaml package builds a document
// node per scalar first (~a third of a corpus compile went there). Any string the printer is not
// sure of (escapes, several lines) makes it return null for that top-level entry, and
// the caller prints that entry with the yaml package as before. test/yaml-fast.test.ts checks
// equality on every corpus model and on arbitrary strings (fast-check).

// The yaml package's own tests (stringify/stringifyString.js plainString, schema/core): a
// single-line string prints plain unless one of these holds, and then double-quoted (as JSON).
const NOT_PLAIN = /^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/;
const CORE_TAGS = [
  /^(?:~|[Nn]ull|NULL)?$/,
  /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
  /^0o[0-7]+$/,
  /^[-+]?[0-9]+$/,
  /^0x[0-9a-fA-F]+$/,
  /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
];
// Left to the yaml package: line breaks and control characters (block scalars, escapes), the
// characters it escapes specially, lone surrogates, document markers, the empty string.
const UNSURE = /[\x00-\x1f\x7f-\x9f\u00a0\u2028\u2029\ufeff\ud800-\udfff]|^(?:%|---|\.\.\.)|^$/;

// Every core tag above matches only a string that starts with one of these (or the empty string):
// most strings (quotes, ids, names) skip the eight tests.
const CORE_TAG_START = /^(?:[~nNtTfF0-9+.-]|$)/;
const coreTag = (s: string) => CORE_TAG_START.test(s) && CORE_TAGS.some((re) => re.test(s));

/** A string as the yaml package prints it in a block mapping or sequence (not as a key). */
function str(s: string): string {
  if (UNSURE.test(s)) throw new Unsure();
  return NOT_PLAIN.test(s) || coreTag(s) ? JSON.stringify(s) : s;
}

// A model has a few dozen distinct keys, printed thousands of times.
const plainKeys = new Map<string, boolean>();

/** A key the yaml package prints plain (the model's keys all are). */
function plainKey(s: string): boolean {
  let plain = plainKeys.get(s);
  if (plain === undefined) {
    plain = !UNSURE.test(s) && !NOT_PLAIN.test(s) && !coreTag(s);
    if (plainKeys.size < 1024) plainKeys.set(s, plain);
  }
  return plain;
}

class Unsure extends Error {}

function scalar(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') {
    if (!Number.isFinite(v) || Object.is(v, -0)) throw new Unsure();
    return JSON.stringify(v);
  }
  if (typeof v === 'string') return str(v);
  throw new Unsure();
}

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Lines of `value` as the entry value of `key` at indent `pad`. */
function entry(out: string[], pad: string, key: string, value: unknown): void {
  if (!plainKey(key)) throw new Unsure();
  if (Array.isArray(value)) {
    if (!value.length) return void out.push(`${pad}${key}: []`);
    out.push(`${pad}${key}:`);
    seq(out, `${pad}  `, value);
  } else if (isMap(value)) {
    const keys = Object.keys(value).filter((k) => value[k] !== undefined);
    if (!keys.length) return void out.push(`${pad}${key}: {}`);
    out.push(`${pad}${key}:`);
    for (const k of keys) entry(out, `${pad}  `, k, value[k]);
  } else out.push(`${pad}${key}: ${scalar(value)}`);
}

function seq(out: string[], pad: string, items: unknown[]): void {
  for (const item of items) {
    if (Array.isArray(item)) {
      if (!item.length) out.push(`${pad}- []`);
      else {
        // "- - a": the first nested item shares the line
        const inner: string[] = [];
        seq(inner, `${pad}  `, item);
        out.push(`${pad}- ${inner[0]!.slice(pad.length + 2)}`, ...inner.slice(1));
      }
    } else if (isMap(item)) {
      const keys = Object.keys(item).filter((k) => item[k] !== undefined);
      if (!keys.length) {
        out.push(`${pad}- {}`);
        continue;
      }
      const inner: string[] = [];
      for (const k of keys) entry(inner, `${pad}  `, k, item[k]);
      out.push(`${pad}- ${inner[0]!.slice(pad.length + 2)}`, ...inner.slice(1));
    } else out.push(`${pad}- ${scalar(item)}`);
  }
}

/** `{ [key]: value }` as the yaml package prints it, or null when a value needs its judgement. */
export function fastEntry(key: string, value: unknown): string | null {
  try {
    const out: string[] = [];
    entry(out, '', key, value);
    return out.join('\n') + '\n';
  } catch (error) {
    if (error instanceof Unsure) return null;
    throw error;
  }
}
