// Policy metadata, controller and contact: front matter first (declared), then the text (inferred).
import type { ParsedDocument } from '../parse/markdown.js';
import type { DocumentStructure } from '../parse/structure.js';
import type { Contact, Controller, Evidence, PolicyMeta } from '../model/types.js';
import type { Diagnostic } from '../diagnostics.js';
import { EFFECTIVE_CUE, UPDATED_CUE, parseDate } from './dates.js';
import { makeEvidence } from './evidence.js';
import { trimSpan } from '../parse/sentences.js';
import { eager } from './native-regexp.js';

export function policyId(doc: ParsedDocument, id?: string): string {
  if (id && /^[a-z0-9-]+$/.test(id)) return id;
  const base = (id ?? doc.path).split(/[\\/]/).pop() ?? 'policy';
  const stem = base.replace(/\.[^.]*$/, '');
  const out = stem.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/-+/g, '-').replace(/^-|-$/g, '');
  return out || 'policy';
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
const isoOf = (v: unknown): string | null | undefined => {
  if (v instanceof Date && !Number.isNaN(v.getTime())) return v.toISOString().slice(0, 10);
  const s = str(v);
  if (!s) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return s;
  return parseDate(s.toLowerCase())?.iso ?? null;
};
const list = (v: unknown): string[] | undefined =>
  Array.isArray(v) ? v.map((x) => String(x).trim().toLowerCase()).filter(Boolean) : typeof v === 'string' ? v.split(/[,\s]+/).map((x) => x.toLowerCase()).filter(Boolean) : undefined;

export interface DateFinding {
  iso: string;
  evidence: Evidence;
  partial: boolean;
}

/** Effective and last-updated dates stated in the text (the archive header is already blanked). */
export function findDates(doc: ParsedDocument, st: DocumentStructure): { effective?: DateFinding; updated?: DateFinding } {
  const out: { effective?: DateFinding; updated?: DateFinding } = {};
  const mask = st.mask;
  // scan line by line (dates often sit in headings, bold lines or table cells)
  const starts = doc.lines.starts;
  for (let l = 0; l < starts.length; l++) {
    const ls = starts[l]!;
    const le = l + 1 < starts.length ? starts[l + 1]! - 1 : mask.length;
    const line = mask.slice(ls, le);
    if (!/\d/.test(line)) continue;
    const cues: [RegExp, 'effective' | 'updated'][] = [
      [UPDATED_CUE, 'updated'],
      [EFFECTIVE_CUE, 'effective'],
    ];
    for (const [re, kind] of cues) {
      if (out[kind]) continue;
      const m = re.exec(line);
      if (!m) continue;
      // the date must follow the cue closely, or precede it ("June 1, 2015 (effective)")
      const after = line.slice(m.index + m[0].length, m.index + m[0].length + 60);
      const d = parseDate(after);
      if (!d || d.index > 25) continue;
      // a period that ended ("effective from June 6, 2014 until May 24, 2018") dates an earlier version
      if (/^\s*(?:until|till|to|through|[-–])\s+\S/.test(after.slice(d.index + d.length)) && parseDate(after.slice(d.index + d.length))) continue;
      const s = ls + m.index + m[0].length + d.index;
      const span = trimSpan(mask, ls + m.index, s + d.length) ?? { start: s, end: s + d.length };
      out[kind] = { iso: d.iso, partial: d.partial, evidence: makeEvidence(doc, span.start, span.end, [], `meta.${kind}-date`) };
    }
  }
  // "Effective date" alone is often the last-updated date and vice versa: keep them separate.
  return out;
}

export function buildMeta(
  doc: ParsedDocument,
  st: DocumentStructure,
  fm: Record<string, unknown>,
  id: string | undefined,
  diagnostics: Diagnostic[],
  fmLine: (k: string) => number | undefined,
): PolicyMeta {
  const at = (key?: string) => ({ line: (key && fmLine(key)) || doc.frontMatter?.line || 1, column: 1 });
  const title = str(fm.title) ?? st.firstHeading ?? policyId(doc, id);
  let version = str(fm.version) ?? (typeof fm.version === 'number' ? String(fm.version) : undefined);
  if (!version) {
    version = '1.0.0';
    diagnostics.push({ ruleId: 'meta/missing-version', severity: 'warning', message: 'No version in front matter; using 1.0.0', start: at(), source: 'extract' });
  }
  const dates = findDates(doc, st);
  let effective = isoOf(fm.effective_date) ?? null;
  let updated = isoOf(fm.last_updated) ?? null;
  if (!effective && dates.effective) effective = dates.effective.iso;
  if (!updated && dates.updated) updated = dates.updated.iso;
  for (const d of [dates.effective, dates.updated])
    if (d?.partial)
      diagnostics.push({ ruleId: 'meta/partial-date', severity: 'info', message: `Date "${d.evidence.quote}" names no day; read as ${d.iso}`, start: { line: d.evidence.lines[0], column: 1 }, source: 'extract' });
  if (!effective && !updated)
    diagnostics.push({ ruleId: 'meta/missing-effective-date', severity: 'warning', message: 'The policy states no effective or last-updated date', start: at('effective_date'), source: 'extract' });
  else if (!effective)
    diagnostics.push({ ruleId: 'meta/missing-effective-date', severity: 'info', message: 'The policy states a last-updated date but no effective date', start: at('effective_date'), source: 'extract' });
  const meta: PolicyMeta = {
    id: policyId(doc, id),
    title,
    version,
    effective_date: effective,
    last_updated: updated,
    languages: list(fm.languages) ?? (str(fm.language) ? [str(fm.language)!.toLowerCase()] : ['en']),
    jurisdictions: list(fm.jurisdictions) ?? [],
  };
  if (st.archive) {
    meta.source = { site: st.archive.site, archived_on: st.archive.archived_on, ...(st.archive.snapshot_url ? { snapshot_url: st.archive.snapshot_url } : {}) };
  }
  return meta;
}

/** A name as found: cut at a sentence end ("Company. A"), trailing punctuation removed. */
function cleanName(raw: string): string {
  const cut = raw.replace(/(?<!\b(?:Inc|Ltd|Co|Corp|L\.L\.C|S\.A|N\.V|Jr))\.\s+.*$/, '');
  // the period of an abbreviated legal form is part of the name ("Bitwarden Inc.")
  return cut.replace(/[,;:\s]+$/, '').replace(/(?<!\b(?:Inc|Ltd|Co|Corp|L\.L\.C|S\.A|N\.V|B\.V|Jr))[.,;:\s]+$/, '').trim();
}
const LEGAL_FORM = /(?:,? (?:Inc\.|LLC|L\.L\.C\.|Ltd\.|Limited|Corp\.|Corporation|GmbH|S\.A\.|B\.V\.|plc|AB))$/;

const EMAIL_RE = /(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![\w-])/g;
const PHONE_RE = /(?<![\w.])(?:\+\d{1,3}[ .-]?)?(?:\(\d{2,4}\)[ .-]?|\d{3}[ .-])\d{3}[ .-]\d{3,4}(?![\w])|(?<![\w])1[ .-]?8[0-9]{2}[ .-][0-9A-Z]{3}[ .-][0-9A-Z]{4}(?![\w])/g;
const STREET_RE = eager(/\b\d+[A-Za-z]?\s+(?:[A-Z][\w.'-]*\s+){1,4}(?:Street|St\.?|Avenue|Ave\.?|Road|Rd\.?|Boulevard|Blvd\.?|Drive|Dr\.?|Lane|Ln\.?|Way|Place|Pl\.?|Square|Parkway|Pkwy\.?|Court|Ct\.?|Highway|Plaza|Circle|Terrace)\b|\bP\.?\s?O\.?\s+Box\s+\d+/);

/** Controller name and contact details, inferred from the text. */
export function findController(doc: ParsedDocument, st: DocumentStructure, fm: Record<string, unknown>): Controller {
  const controller: Controller = {};
  const evidence: Evidence[] = [];
  const text = doc.text;
  const fc = fm.controller;
  if (typeof fc === 'string' && fc.trim()) controller.name = fc.trim();
  else if (fc && typeof fc === 'object') {
    const o = fc as Record<string, unknown>;
    if (str(o.name)) controller.name = str(o.name)!;
    const c: Contact = {};
    for (const k of ['email', 'url', 'postal_address', 'phone'] as const) if (str(o[k])) c[k] = str(o[k])!;
    const oc = o.contact as Record<string, unknown> | undefined;
    if (oc && typeof oc === 'object') for (const k of ['email', 'url', 'postal_address', 'phone'] as const) if (str(oc[k])) c[k] = str(oc[k])!;
    if (Object.keys(c).length) controller.contact = c;
  }

  const blocks = st.blocks.filter((b) => !b.toc);
  const contactBlocks = blocks.filter((b) => b.section.some((s) => /contact|questions|reach us|how to reach|comments/i.test(s)) || (b.kind === 'heading' && /contact/i.test(text.slice(b.start, b.end))));

  // name
  if (!controller.name) {
    const patterns: [RegExp, string, RegExp][] = [
      // the policy names its controller: "Spotify USA Inc. is the data controller of personal data processed under this Policy"
      [/((?:[A-Z][\w&'’.-]*)(?:,? (?:[A-Z][\w&'’.-]*|Inc\.|LLC|Ltd\.?|&)){0,5}) (?:\([^)]{0,40}\) )?is the (?:data )?controller\b/, 'meta.controller.is-controller', /is the (?:data )?controller\b/],
      [/\b[Ww]e at ((?:[A-Z][\w&'’.-]*)(?:\s+(?:[A-Z][\w&'’.-]*|&|of|and)){0,4})/, 'meta.controller.we-at', /\bwe at\b/i],
      [/^At ((?:[A-Z][\w&'’.-]*)(?:\s+(?:[A-Z][\w&'’.-]*|&)){0,3}),\s+(?:we|our|it's our|it is our)\b/, 'meta.controller.at-x-we', /^At /],
      [/((?:[A-Z][\w&'’.,-]*\s+){0,4}[A-Z][\w&'’.-]*)\s*\(\s*(?:collectively,?\s*)?(?:hereinafter\s*)?["“]?\s*(?:we|us|our|the company|company)\b/, 'meta.controller.alias', /\(\s*(?:collectively,?\s*)?(?:hereinafter\s*)?["“]?\s*(?:we|us|our|the company|company)\b/i],
      // "the Wikimedia Foundation, the non-profit organization that hosts the Wikimedia Sites"
      [/((?:[A-Z][\w&'’.-]*)(?:\s+(?:[A-Z][\w&'’.-]*|&|of|and)){0,4}), (?:a|an|the) (?:[\w-]+ ){0,2}(?:organi[sz]ation|company|corporation) that (?:operates|hosts|runs|owns|provides|maintains)\b/, 'meta.controller.appositive', /(?:organi[sz]ation|company|corporation) that (?:operates|hosts|runs|owns|provides|maintains)\b/],
      [/\b(?:site|website|web site|service|services|app|application)s? (?:is|are) (?:operated|owned|provided|maintained) by ((?:[A-Z][\w&'’.-]*)(?:,? (?:[A-Z][\w&'’.-]*|Inc\.?|LLC|Ltd\.?|&)){0,5})/, 'meta.controller.operated-by', /\b(?:operated|owned|provided|maintained) by [A-Z]/],
    ];
    for (const [re, rule, pre] of patterns) {
      for (const b of blocks) {
        if (b.kind === 'heading') continue;
        const raw = text.slice(b.start, b.end);
        if (!pre.test(raw)) continue;
        const m = re.exec(raw);
        if (!m || !m[1]) continue;
        // the controller for some users only ("If you live in the EEA, Reddit Netherlands B.V. is the controller")
        if (rule === 'meta.controller.is-controller' && /\b(?:if|when|where|for (?:users|residents|individuals|people|those))\b[^.]*$/i.test(raw.slice(0, m.index))) continue;
        const name = cleanName(m[1].replace(/[’']s$/, ''));
        if (name.length < 2 || /^(?:The|This|We|Our|Please|If|You|In|For|A|An|Privacy|Policy|Site|Services?)$/.test(name)) continue;
        controller.name = name;
        const s = b.start + m.index;
        evidence.push(makeEvidence(doc, s, s + m[0].length, b.section, rule));
        break;
      }
      if (controller.name) break;
    }
  }
  if (!controller.name && st.firstHeading) {
    const m = /^(.*?)(?:'s|’s)?\s+(?:online\s+|website\s+|web site\s+|global\s+)?privacy\s+(?:policy|statement|notice|pledge)/i.exec(st.firstHeading);
    const name = m?.[1] ? cleanName(m[1].split(/\s*[:|>»]\s*|\s[-–]\s/)[0]!) : undefined;
    if (name && name.length >= 2 && !/^(?:our|the|this|online|website)$/i.test(name)) {
      controller.name = name;
      const h = st.blocks.find((b) => b.kind === 'heading' && !b.pseudoHeading);
      if (h) evidence.push(makeEvidence(doc, h.start, h.end, [], 'meta.controller.title'));
    }
  }
  if (!controller.name && st.firstHeading && /\s\|\s/.test(st.firstHeading)) {
    // "Privacy policy - Guides | Mullvad VPN": the site name after the last bar
    const parts = st.firstHeading.split(/\s\|\s/).map((x) => x.trim());
    const label = st.archive?.site.replace(/^www\./, '').split('.')[0]?.toLowerCase();
    const name = (label && parts.find((x) => x.toLowerCase().replace(/\s+/g, '').includes(label))) || parts[parts.length - 1]!;
    if (name && !/privacy|policy|terms|guide|home|statement/i.test(name) && name.split(/\s+/).length <= 4) {
      controller.name = name;
      const h = st.blocks.find((b) => b.kind === 'heading' && !b.pseudoHeading);
      if (h) evidence.push(makeEvidence(doc, h.start, h.end, [], 'meta.controller.title'));
    }
  }
  if (!controller.name) {
    for (const b of blocks) {
      if (!/©|\(c\)|copyright/i.test(text.slice(b.start, b.end))) continue;
      const m = /(?:©|\([Cc]\)(?=\s*\d{4})|[Cc]opyright|COPYRIGHT)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?,?\s*)?((?:[A-Z][\w&'’.-]*)(?:,? (?:[A-Z][\w&'’.-]*|Inc\.?|LLC|Ltd\.?|&)){0,5})/.exec(text.slice(b.start, b.end));
      if (m?.[1] && /^[A-Z]/.test(m[1])) {
        controller.name = cleanName(m[1]);
        const s = b.start + m.index;
        evidence.push(makeEvidence(doc, s, s + m[0].length, b.section, 'meta.controller.copyright'));
        break;
      }
    }
  }

  // the addressee line of the contact address, when it is a legal entity ("npm, Inc." above "1999 Harrison Street")
  if (!controller.name) {
    for (const b of contactBlocks) {
      const raw = text.slice(b.start, b.end);
      const m = STREET_RE.exec(raw);
      if (!m) continue;
      const lineStart = raw.lastIndexOf('\n', m.index) + 1;
      if (lineStart < 2) continue;
      const prevStart = raw.lastIndexOf('\n', lineStart - 2) + 1;
      const prev = raw.slice(prevStart, lineStart - 1);
      const name = prev.trim();
      if (!LEGAL_FORM.test(name) || name.length > 60 || !/^[\w&'’.-]+(?:,? [\w&'’.-]+){0,5}$/.test(name)) continue;
      controller.name = name;
      const s = b.start + prevStart + prev.indexOf(name);
      evidence.push(makeEvidence(doc, s, s + name.length, b.section, 'meta.controller.address-line'));
      break;
    }
  }

  // contact: prefer the contact section, then the whole text
  const contact: Contact = { ...(controller.contact ?? {}) };
  const scan = (bs: typeof blocks, contactSection: boolean) => {
    for (const b of bs) {
      const raw = text.slice(b.start, b.end);
      if (!contact.email) {
        EMAIL_RE.lastIndex = 0;
        const all = [...raw.matchAll(EMAIL_RE)];
        const m = all.find((x) => /privacy|dpo|data|legal|support|help|info|contact/i.test(x[0])) ?? all[0];
        if (m) {
          contact.email = m[0];
          evidence.push(makeEvidence(doc, b.start + m.index, b.start + m.index + m[0].length, b.section, 'meta.contact.email'));
        }
      }
      if (!contact.phone) {
        PHONE_RE.lastIndex = 0;
        const m = PHONE_RE.exec(raw);
        if (m && /\b(?:call|phone|telephone|tel|toll[- ]free|fax)\b|contact/i.test(raw + b.section.join(' '))) {
          contact.phone = m[0].trim();
          evidence.push(makeEvidence(doc, b.start + m.index, b.start + m.index + m[0].length, b.section, 'meta.contact.phone'));
        }
      }
      // a labelled address line in the contact section, whatever its street word ("Address: 1 North Calle Cesar Chavez, Suite 102, ...")
      if (!contact.postal_address && contactSection && /address:/i.test(raw)) {
        const m = /(?:^|\n)[*_]*(?:postal |mailing |street |our )?address:[*_]*[ \t]*(\d+[A-Za-z]?[ \t]+[A-Z][^\n@]{5,150}?)[ \t]*(?=\n|$)/i.exec(raw);
        if (m && /\d{4,5}\b|,/.test(m[1]!)) {
          const s = b.start + m.index + m[0].indexOf(m[1]!);
          contact.postal_address = m[1]!.trim();
          evidence.push(makeEvidence(doc, s, s + m[1]!.trim().length, b.section, 'meta.contact.address'));
        }
      }
      if (!contact.postal_address) {
        const m = STREET_RE.exec(raw);
        if (m) {
          // the address: from the line holding the street to the end of the block (at most 4 lines)
          let lineStart = raw.lastIndexOf('\n', m.index) + 1;
          // a lead-in that ends in a colon is not part of the address ("write to us at: Acme Inc., 1 Main St")
          const colon = raw.lastIndexOf(': ', m.index);
          if (colon >= lineStart) lineStart = colon + 2;
          const lines = raw.slice(lineStart).split('\n').slice(0, 4);
          // nor is a line that gives an e-mail or a web address after it
          const other = lines.findIndex((l, i) => i > 0 && /@|https?:\/\/|\bwww\./i.test(l));
          if (other > 0) lines.length = other;
          let endRel = lineStart + lines.join('\n').length;
          const sp = trimSpan(text, b.start + lineStart, b.start + endRel) ?? { start: b.start + m.index, end: b.start + m.index + m[0].length };
          endRel = sp.end;
          contact.postal_address = text.slice(sp.start, sp.end).replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[*_\\]|<[^>]+>/g, '').replace(/\s*\n\s*/g, ', ').replace(/\s+/g, ' ').trim();
          evidence.push(makeEvidence(doc, sp.start, sp.end, b.section, 'meta.contact.address'));
        }
      }
      if (!contact.url) {
        const m = /\[([^\]]*contact[^\]]*)\]\((https?:\/\/[^\s)]+|(?!#)[^\s)]+)/i.exec(raw) ?? /(https?:\/\/[^\s)\]]*contact[^\s)\]]*)/i.exec(raw);
        if (m) {
          contact.url = (m[2] ?? m[1])!;
          evidence.push(makeEvidence(doc, b.start + m.index, b.start + m.index + m[0].length, b.section, 'meta.contact.url'));
        }
      }
    }
  };
  scan(contactBlocks, true);
  scan(blocks, false);
  if (Object.keys(contact).length) controller.contact = contact;
  if (evidence.length) controller.evidence = evidence;
  return controller;
}
