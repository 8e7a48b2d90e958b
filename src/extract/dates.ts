// Dates stated in a policy ("Last updated: June 23, 2015", "Effective as of 1 May 2018") -> ISO.

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11,
  november: 11, dec: 12, december: 12,
};
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';

/** One date pattern; the source text is lower-case (the mask). */
export const DATE_SOURCE = [
  `${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})`, // june 23, 2015
  `(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH},?\\s+(\\d{4})`, // 23 june 2015
  `(\\d{4})-(\\d{1,2})-(\\d{1,2})`, // 2015-06-23
  `(\\d{1,2})[/.](\\d{1,2})[/.](\\d{2,4})`, // 06/23/2015 (US order) or 23.06.2015
  `${MONTH},?\\s+(\\d{4})`, // june 2015
].join('|');

const pad = (n: number) => String(n).padStart(2, '0');
function iso(y: number, m: number, d: number): string | null {
  if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** Parse the first date in `text` (lower-case). Month-year dates become the first of the month. */
export function parseDate(text: string): { iso: string; index: number; length: number; partial: boolean } | null {
  const re = new RegExp(DATE_SOURCE, 'i');
  const m = re.exec(text);
  if (!m) return null;
  const g = m.slice(1);
  let out: string | null = null;
  let partial = false;
  if (g[0] && g[1] && g[2]) out = iso(+g[2], MONTHS[g[0].toLowerCase().replace('.', '')] ?? 0, +g[1]);
  else if (g[3] && g[4] && g[5]) out = iso(+g[5], MONTHS[g[4].toLowerCase().replace('.', '')] ?? 0, +g[3]);
  else if (g[6] && g[7] && g[8]) out = iso(+g[6], +g[7], +g[8]);
  else if (g[9] && g[10] && g[11]) {
    let y = +g[11];
    if (g[11].length === 2) y += y < 70 ? 2000 : 1900;
    const a = +g[9];
    const b = +g[10];
    out = m[0].includes('.') && a <= 31 && b <= 12 ? iso(y, b, a) : a <= 12 ? iso(y, a, b) : iso(y, b, a);
  } else if (g[12] && g[13]) {
    out = iso(+g[13], MONTHS[g[12].toLowerCase().replace('.', '')] ?? 0, 1);
    partial = true;
  }
  return out ? { iso: out, index: m.index, length: m[0].length, partial } : null;
}

export const EFFECTIVE_CUE = /\b(?:effective(?:\s+date)?|in effect|(?:went|goes|came|comes) into effect(?:\s+on)?|takes? effect|became effective|effective as of|effective from|effective on)\b/;
export const UPDATED_CUE =
  /\b(?:last\s+(?:updated|revised|modified|amended|changed|reviewed)|(?:updated|revised|modified|amended)(?:\s+(?:on|as of))?|date of (?:last )?(?:revision|update)|revision date|version date|updated)\b/;
