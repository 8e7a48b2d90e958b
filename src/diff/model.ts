// The semantic side of a diff: per facet, the items added, removed and changed, matched by their
// key (id, plus name where ids repeat), each classified (issue 4 §3) with the rule that decided.
// Pure: the vocabulary is read once through loadVocabulary.
import type { Evidence, ItemBase, PolicyModel, RetentionItem } from '../model/types.js';
import { ITEM_FACETS, itemKey, type ItemFacet } from '../model/types.js';
import { lookupTerm, type VocabularySection } from '../model/vocabulary.js';
import type { Change, ChangeClass } from './types.js';
import { normalizeText } from './text.js';

const SECTION_OF: Record<ItemFacet, VocabularySection> = {
  data_categories: 'data_categories',
  purposes: 'purposes',
  recipients: 'recipients',
  rights: 'rights',
  retention: 'retention_kinds',
  transfers: 'transfers',
  security: 'security_measures',
  sources: 'sources',
  automated_decisions: 'automated_decisions',
  special_category_conditions: 'special_category_conditions',
};

export const FACET_TITLES: Record<string, string> = {
  data_categories: 'Data collected',
  purposes: 'Purposes',
  recipients: 'Recipients',
  rights: 'Rights',
  retention: 'Retention',
  transfers: 'Transfers abroad',
  security: 'Security measures',
  sources: 'Sources of data',
  automated_decisions: 'Automated decisions',
  special_category_conditions: 'Special-category conditions',
  cookies: 'Cookies',
  children: 'Children',
  policy_change: 'Notice of changes',
  controller: 'Controller',
  text: 'Text',
};

const NOUN: Record<ItemFacet, string> = {
  data_categories: 'data category',
  purposes: 'purpose',
  recipients: 'recipient',
  rights: 'right',
  retention: 'retention',
  transfers: 'transfer',
  security: 'security measure',
  sources: 'source',
  automated_decisions: 'automated decision',
  special_category_conditions: 'special-category condition',
};

export function termText(section: VocabularySection, id: string): string {
  const term = lookupTerm(section, id);
  if (term?.label && term.id === id) return term.label;
  const own = id.replace(/^x\./, '').replace(/[._]/g, ' ');
  if (term?.label) return `${term.label} (${id.slice(term.id.length + 1).replace(/[._]/g, ' ')})`;
  return own.charAt(0).toUpperCase() + own.slice(1);
}

function itemLabel(facet: ItemFacet, item: ItemBase): string {
  const base = termText(SECTION_OF[facet], item.id);
  if (facet === 'retention') {
    const r = item as RetentionItem;
    return r.period ? `${base}: ${r.period}` : base;
  }
  return item.name ? `${base}: ${item.name}` : base;
}

const isSpecial = (id: string) => lookupTerm('data_categories', id)?.special === true;

// ---------------------------------------------------------------------------------------------
// Durations.

/** Approximate days of an ISO 8601 duration; NaN when it cannot be read. */
export function durationDays(iso: string | null | undefined): number {
  if (!iso) return NaN;
  const m = /^P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(iso);
  if (!m || iso === 'P' || iso.endsWith('T')) return NaN;
  const n = (i: number) => Number(m[i] ?? 0);
  return n(1) * 365.25 + n(2) * 30.44 + n(3) * 7 + n(4) + n(5) / 24 + n(6) / 1440 + n(7) / 86400;
}

/** How long a retention item keeps data: Infinity for indefinite, NaN where unknown. */
export function retentionDays(item: Pick<RetentionItem, 'kind' | 'period' | 'polarity'>): number {
  if (item.polarity === 'negative') return NaN;
  if (item.kind === 'indefinite') return Infinity;
  return durationDays(item.period);
}

// ---------------------------------------------------------------------------------------------
// Matching.

type AnyItem = ItemBase & Record<string, unknown>;

const SUBSTANTIVE = ['polarity', 'modality', 'condition', 'exception', 'data_categories', 'purposes', 'legal_basis', 'sold', 'shared_for_ads', 'via', 'period', 'kind', 'countries', 'safeguards', 'identifiability', 'legitimate_interest'];

const signature = (item: AnyItem) => JSON.stringify(SUBSTANTIVE.map((f) => normalizeValue(item[f])));

function normalizeValue(v: unknown): unknown {
  if (Array.isArray(v)) return [...v].map(String).sort();
  if (typeof v === 'string') return normalizeText(v);
  return v ?? null;
}

/** Pairs of items by key; where a key repeats (two retention periods), identical items pair first. */
function matchItems(before: AnyItem[], after: AnyItem[]): { key: string; a?: AnyItem; b?: AnyItem }[] {
  const group = (items: AnyItem[]) => {
    const m = new Map<string, AnyItem[]>();
    for (const i of items) {
      const k = itemKey(i);
      const list = m.get(k);
      if (list) list.push(i);
      else m.set(k, [i]);
    }
    return m;
  };
  const ga = group(before);
  const gb = group(after);
  const keys = [...new Set([...ga.keys(), ...gb.keys()])];
  const out: { key: string; a?: AnyItem; b?: AnyItem }[] = [];
  for (const key of keys) {
    const as = [...(ga.get(key) ?? [])];
    const bs = [...(gb.get(key) ?? [])];
    const pairs: { a?: AnyItem; b?: AnyItem }[] = [];
    // Identical substance first, then what is left in order.
    for (let i = 0; i < as.length; i++) {
      const j = bs.findIndex((b) => signature(b) === signature(as[i]!));
      if (j >= 0) {
        pairs.push({ a: as[i]!, b: bs[j]! });
        as.splice(i--, 1);
        bs.splice(j, 1);
      }
    }
    while (as.length || bs.length) pairs.push({ a: as.shift(), b: bs.shift() });
    pairs.forEach((p, n) => out.push({ key: n ? `${key}~${n + 1}` : key, ...p }));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Classification.

interface Ctx {
  before: PolicyModel;
  after: PolicyModel;
  changes: Change[];
}

function add(ctx: Ctx, c: Omit<Change, 'evidenceBefore' | 'evidenceAfter'> & { evidenceBefore?: Evidence[]; evidenceAfter?: Evidence[] }): void {
  ctx.changes.push({ ...c, evidenceBefore: c.evidenceBefore ?? [], evidenceAfter: c.evidenceAfter ?? [] });
}

const PRACTICE_FACETS = new Set<ItemFacet>(['data_categories', 'purposes', 'recipients', 'transfers', 'retention', 'sources', 'automated_decisions']);

function classifyAdded(ctx: Ctx, facet: ItemFacet, item: AnyItem): { cls: ChangeClass; summary: string; reason: string } {
  const label = itemLabel(facet, item);
  const noun = NOUN[facet];
  if (item.polarity === 'negative')
    return { cls: 'minor', summary: `New statement that it does not: ${noun} ${label}`, reason: 'A new negative statement adds no use of data' };
  switch (facet) {
    case 'purposes':
      return { cls: 'material', summary: `New purpose: ${label}`, reason: 'A new purpose needs notice or consent' };
    case 'recipients': {
      const r = item as AnyItem & { sold?: boolean; shared_for_ads?: boolean };
      if (r.sold || r.shared_for_ads) return { cls: 'material', summary: `New recipient, with data ${r.sold ? 'sold' : 'shared for advertising'}: ${label}`, reason: 'New sale or sharing of data' };
      const typeKnown = ctx.before.recipients.some((o) => o.id === item.id && o.polarity !== 'negative');
      return typeKnown
        ? { cls: 'minor', summary: `Recipient named: ${label}`, reason: 'A named recipient of a type already disclosed adds no new use' }
        : { cls: 'material', summary: `New recipient type: ${label}`, reason: 'A new recipient type needs notice' };
    }
    case 'data_categories':
      return isSpecial(item.id)
        ? { cls: 'material', summary: `New special-category data: ${label}`, reason: 'New special-category data (GDPR Art. 9) needs notice or consent' }
        : { cls: 'minor', summary: `New data category disclosed: ${label}`, reason: 'A new data category adds no new use by itself (a new use shows as a new purpose or recipient)' };
    case 'transfers':
      return { cls: 'material', summary: `New transfer abroad: ${label}`, reason: 'A new transfer abroad needs notice' };
    case 'retention': {
      const days = retentionDays(item as unknown as RetentionItem);
      const oldMax = maxRetention(ctx.before.retention);
      if (days > oldMax || (days === Infinity && oldMax !== Infinity))
        return { cls: 'material', summary: `Longer retention: ${label}`, reason: `Keeps data longer than before (${describeMax(oldMax)})` };
      return { cls: 'minor', summary: `New retention statement: ${label}`, reason: 'No longer than the longest retention already stated' };
    }
    case 'automated_decisions':
      return { cls: 'material', summary: `New automated decision-making: ${label}`, reason: 'A new use of data (profiling or automated decisions)' };
    case 'rights':
      return { cls: 'minor', summary: `New right: ${label}`, reason: 'A new right adds no new use' };
    case 'security':
      return { cls: 'minor', summary: `New security measure: ${label}`, reason: 'A new disclosure that adds no new use' };
    default:
      return { cls: 'minor', summary: `New ${noun}: ${label}`, reason: 'A new disclosure that adds no new use' };
  }
}

function maxRetention(items: RetentionItem[]): number {
  let max = -Infinity;
  for (const r of items) {
    const d = retentionDays(r);
    if (!Number.isNaN(d) && d > max) max = d;
  }
  return max;
}

function describeMax(days: number): string {
  if (days === -Infinity) return 'no period was stated';
  if (days === Infinity) return 'already indefinite';
  return `longest stated before: about ${Math.round(days)} days`;
}

function classifyRemoved(facet: ItemFacet, item: AnyItem): { cls: ChangeClass; summary: string; reason: string } {
  const label = itemLabel(facet, item);
  const noun = NOUN[facet];
  if (facet === 'rights' && item.polarity !== 'negative') return { cls: 'material', summary: `Right removed: ${label}`, reason: 'A right removed needs notice' };
  if (item.polarity === 'negative' && PRACTICE_FACETS.has(facet))
    return { cls: 'material', summary: `Commitment withdrawn: no longer says it does not: ${noun} ${label}`, reason: 'A statement that it does not do something was withdrawn' };
  return { cls: 'minor', summary: `No longer disclosed: ${noun} ${label}`, reason: 'A practice no longer disclosed adds no new use' };
}

const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);
const str = (v: unknown): string => (typeof v === 'string' ? normalizeText(v) : '');

function compareChanged(ctx: Ctx, facet: ItemFacet, key: string, a: AnyItem, b: AnyItem): void {
  const label = itemLabel(facet, b);
  const ev = { evidenceBefore: a.evidence ?? [], evidenceAfter: b.evidence ?? [] };
  const k = `${facet}/${key}`;
  const before = ctx.changes.length;
  const push = (field: string, cls: ChangeClass, summary: string, reason: string, from: unknown, to: unknown) =>
    add(ctx, { key: `${k}:${field}`, facet, kind: 'changed', class: cls, summary, reason, before: from, after: to, ...ev });

  // Polarity.
  if (a.polarity !== b.polarity) {
    if (facet === 'rights')
      push('polarity', b.polarity === 'negative' ? 'material' : 'minor', b.polarity === 'negative' ? `Right withdrawn (now stated as not given): ${label}` : `Right now granted: ${label}`, b.polarity === 'negative' ? 'A right removed needs notice' : 'A new right adds no new use', a.polarity, b.polarity);
    else if (b.polarity === 'positive' && PRACTICE_FACETS.has(facet))
      push('polarity', 'material', `Now does what it said it did not: ${NOUN[facet]} ${label}`, 'A negative statement became positive: a new practice', a.polarity, b.polarity);
    else push('polarity', 'minor', `Now states it does not: ${NOUN[facet]} ${label}`, 'A practice stopped adds no new use', a.polarity, b.polarity);
  }
  // Modality.
  if (a.modality !== b.modality) {
    const narrowed = facet === 'rights' && a.modality === 'asserted';
    push('modality', narrowed ? 'material' : 'minor', `${capital(NOUN[facet])} now ${b.modality === 'asserted' ? 'stated outright' : b.modality === 'hedged' ? 'hedged ("may")' : 'conditional'}: ${label}`, narrowed ? 'A right narrowed (no longer stated outright)' : 'Same practice, stated with a different certainty', a.modality, b.modality);
  }
  // Conditions and exceptions.
  for (const field of ['condition', 'exception'] as const) {
    if (str(a[field]) === str(b[field])) continue;
    if (facet === 'rights') push(field, 'material', `Right's ${field} changed: ${label}`, `A right narrowed or qualified (its ${field} changed)`, a[field] ?? null, b[field] ?? null);
    else push(field, 'needs_review', `${capital(NOUN[facet])}'s ${field} changed: ${label}`, `A changed ${field} may widen or narrow the practice: the model cannot tell which`, a[field] ?? null, b[field] ?? null);
  }
  // Lists.
  const gained = (f: string) => list(b[f]).filter((x) => !list(a[f]).includes(x)).sort();
  const lost = (f: string) => list(a[f]).filter((x) => !list(b[f]).includes(x)).sort();
  const cats = (ids: string[]) => ids.map((id) => termText('data_categories', id)).join(', ');
  if (facet === 'purposes' || facet === 'recipients' || facet === 'retention') {
    const g = gained('data_categories');
    const l = lost('data_categories');
    if (g.length) {
      const special = g.some(isSpecial);
      const cls: ChangeClass = facet === 'retention' ? (special ? 'material' : 'minor') : 'material';
      push('data_categories', cls, `${capital(NOUN[facet])} ${label} gained data: ${cats(g)}`, facet === 'retention' ? (special ? 'Special-category data kept' : 'A retention statement covering more data adds no new use') : facet === 'purposes' ? 'Data used for a purpose it was not used for before' : 'Data shared with a recipient it was not shared with before', list(a.data_categories), list(b.data_categories));
    } else if (l.length) push('data_categories', 'minor', `${capital(NOUN[facet])} ${label} no longer covers: ${cats(l)}`, 'Less data covered adds no new use', list(a.data_categories), list(b.data_categories));
  }
  if (facet === 'recipients') {
    const g = gained('purposes');
    const l = lost('purposes');
    if (g.length) push('purposes', 'material', `Recipient ${label} gained purposes: ${g.map((id) => termText('purposes', id)).join(', ')}`, 'A recipient that uses data for a new purpose', list(a.purposes), list(b.purposes));
    else if (l.length) push('purposes', 'minor', `Recipient ${label} no longer for: ${l.map((id) => termText('purposes', id)).join(', ')}`, 'Fewer purposes add no new use', list(a.purposes), list(b.purposes));
    for (const f of ['sold', 'shared_for_ads'] as const) {
      if (Boolean(a[f]) === Boolean(b[f])) continue;
      const what = f === 'sold' ? 'sold to' : 'shared for advertising with';
      push(f, b[f] ? 'material' : 'minor', b[f] ? `Data now ${what} ${label}` : `Data no longer ${what} ${label}`, b[f] ? 'New sale or sharing of data' : 'Sale or sharing stopped', Boolean(a[f]), Boolean(b[f]));
    }
  }
  if (facet === 'purposes' && str(a.legal_basis) !== str(b.legal_basis))
    push('legal_basis', 'material', `Legal basis of ${label} changed: ${a.legal_basis ?? 'none'} → ${b.legal_basis ?? 'none'}`, 'A different legal basis changes what people can do about the processing', a.legal_basis ?? null, b.legal_basis ?? null);
  if (facet === 'rights') {
    const l = lost('via');
    const g = gained('via');
    if (l.length) push('via', 'material', `Right ${label} can no longer be exercised via: ${l.join(', ')}`, 'A right narrowed (a way to exercise it removed)', list(a.via), list(b.via));
    else if (g.length) push('via', 'minor', `Right ${label} can now also be exercised via: ${g.join(', ')}`, 'A new way to exercise a right adds no new use', list(a.via), list(b.via));
  }
  if (facet === 'retention') {
    const da = retentionDays(a as unknown as RetentionItem);
    const db = retentionDays(b as unknown as RetentionItem);
    if (str(a.period) !== str(b.period) || a.kind !== b.kind) {
      const from = a.period ?? a.kind;
      const to = b.period ?? b.kind;
      const longer = db > da || (db === Infinity && da !== Infinity);
      const shorter = db < da;
      push(
        'period',
        longer ? 'material' : shorter ? 'minor' : 'needs_review',
        `Retention ${longer ? 'longer' : shorter ? 'shorter' : 'changed'}: ${from} → ${to}`,
        longer ? 'Longer retention needs notice' : shorter ? 'Shorter retention adds no new use' : 'The periods cannot be compared: a person must judge',
        from,
        to,
      );
    }
  }
  if (facet === 'transfers') {
    const g = gained('countries');
    if (g.length) push('countries', 'material', `Transfer ${label} to new countries: ${g.join(', ')}`, 'A new transfer abroad needs notice', list(a.countries), list(b.countries));
    else if (lost('countries').length) push('countries', 'minor', `Transfer ${label} no longer to: ${lost('countries').join(', ')}`, 'Fewer destinations add no new use', list(a.countries), list(b.countries));
    const ls = lost('safeguards');
    if (ls.length) push('safeguards', 'material', `Transfer ${label} lost safeguards: ${ls.join(', ')}`, 'A transfer with fewer safeguards needs notice', list(a.safeguards), list(b.safeguards));
    else if (gained('safeguards').length) push('safeguards', 'minor', `Transfer ${label} gained safeguards: ${gained('safeguards').join(', ')}`, 'A new safeguard adds no new use', list(a.safeguards), list(b.safeguards));
  }
  if ((a.identifiability ?? null) !== (b.identifiability ?? null))
    push('identifiability', 'needs_review', `${capital(NOUN[facet])} ${label}: data now described as ${b.identifiability ?? 'identifiable'}`, 'A claim about identifiability changed', a.identifiability ?? null, b.identifiability ?? null);

  // Wording only: the same substance, stated in other words.
  if (ctx.changes.length === before && !sameQuotes(a.evidence ?? [], b.evidence ?? []))
    add(ctx, { key: `${k}:wording`, facet, kind: 'changed', class: 'editorial', summary: `Reworded: ${NOUN[facet]} ${label}`, reason: 'Polarity, modality, conditions, exceptions, data, recipients and retention are unchanged', ...ev });
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function sameQuotes(a: Evidence[], b: Evidence[]): boolean {
  const qa = [...new Set(a.map((e) => normalizeText(e.quote)))].sort();
  const qb = [...new Set(b.map((e) => normalizeText(e.quote)))].sort();
  return qa.length === qb.length && qa.every((q, i) => q === qb[i]);
}

function diffFacet(ctx: Ctx, facet: ItemFacet): void {
  const pairs = matchItems((ctx.before[facet] ?? []) as AnyItem[], (ctx.after[facet] ?? []) as AnyItem[]);
  pairs.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
  for (const { key, a, b } of pairs) {
    if (a && b) compareChanged(ctx, facet, key, a, b);
    else if (b) {
      const c = classifyAdded(ctx, facet, b);
      add(ctx, { key: `${facet}/${key}`, facet, kind: 'added', class: c.cls, summary: c.summary, reason: c.reason, after: summaryOf(b), evidenceAfter: b.evidence ?? [] });
    } else if (a) {
      const c = classifyRemoved(facet, a);
      add(ctx, { key: `${facet}/${key}`, facet, kind: 'removed', class: c.cls, summary: c.summary, reason: c.reason, before: summaryOf(a), evidenceBefore: a.evidence ?? [] });
    }
  }
}

/** An item without its evidence and provenance, for before/after. */
function summaryOf(item: AnyItem): Record<string, unknown> {
  const out: Record<string, unknown> = { id: item.id };
  if (item.name) out.name = item.name;
  for (const f of SUBSTANTIVE) if (item[f] !== undefined && !(Array.isArray(item[f]) && (item[f] as unknown[]).length === 0)) out[f] = item[f];
  return out;
}

// ---------------------------------------------------------------------------------------------
// The single-valued facets.

function diffCookies(ctx: Ctx): void {
  const a = ctx.before.cookies;
  const b = ctx.after.cookies;
  if (!a || !b) return;
  const ev = { evidenceBefore: a.evidence ?? [], evidenceAfter: b.evidence ?? [] };
  const push = (field: string, cls: ChangeClass, summary: string, reason: string, from: unknown, to: unknown) =>
    add(ctx, { key: `cookies:${field}`, facet: 'cookies', kind: 'changed', class: cls, summary, reason, before: from, after: to, ...ev });
  if (a.used !== b.used) push('used', b.used ? 'material' : 'minor', b.used ? 'Now uses cookies' : 'No longer says it uses cookies', b.used ? 'New tracking of people' : 'Less tracking', a.used, b.used);
  if (a.third_party !== b.third_party) push('third_party', b.third_party ? 'material' : 'minor', b.third_party ? 'Now allows third-party cookies' : 'No longer allows third-party cookies', b.third_party ? 'New sharing with third parties through cookies' : 'Less sharing', a.third_party, b.third_party);
  const gained = (b.kinds ?? []).filter((k) => !(a.kinds ?? []).includes(k)).sort();
  const lost = (a.kinds ?? []).filter((k) => !(b.kinds ?? []).includes(k)).sort();
  if (gained.length || lost.length) push('kinds', 'minor', `Tracking technologies ${[gained.length ? `added: ${gained.join(', ')}` : '', lost.length ? `removed: ${lost.join(', ')}` : ''].filter(Boolean).join('; ')}`, 'A new disclosure of how tracking works adds no new use', a.kinds, b.kinds);
  if (a.do_not_track !== b.do_not_track)
    push('do_not_track', a.do_not_track === 'honored' ? 'material' : 'minor', `Do Not Track: ${a.do_not_track} → ${b.do_not_track}`, a.do_not_track === 'honored' ? 'A choice people had (Do Not Track) is no longer honoured' : 'A new disclosure about Do Not Track', a.do_not_track, b.do_not_track);
}

function diffChildren(ctx: Ctx): void {
  const a = ctx.before.children;
  const b = ctx.after.children;
  if (!a || !b) return;
  const ev = { evidenceBefore: a.evidence ?? [], evidenceAfter: b.evidence ?? [] };
  if (a.min_age !== b.min_age) {
    const lower = b.min_age === null || (a.min_age !== null && b.min_age < a.min_age);
    add(ctx, { key: 'children:min_age', facet: 'children', kind: 'changed', class: lower && a.min_age !== null ? 'material' : 'minor', summary: `Minimum age: ${a.min_age ?? 'not stated'} → ${b.min_age ?? 'not stated'}`, reason: lower && a.min_age !== null ? 'Younger children may now use the service' : 'A new or higher minimum age adds no new use', before: a.min_age, after: b.min_age, ...ev });
  }
  if (a.collects_knowingly !== b.collects_knowingly) {
    const now = b.collects_knowingly === true;
    add(ctx, { key: 'children:collects_knowingly', facet: 'children', kind: 'changed', class: now ? 'material' : 'minor', summary: now ? 'Now knowingly collects data from children' : `Knowingly collects data from children: ${a.collects_knowingly ?? 'not stated'} → ${b.collects_knowingly ?? 'not stated'}`, reason: now ? 'New collection of children\'s data' : 'Adds no new use', before: a.collects_knowingly, after: b.collects_knowingly, ...ev });
  }
}

const NOTICE_RANK: Record<string, number> = { none: 0, policy_page: 1, website: 2, personal: 3 };

function diffPolicyChange(ctx: Ctx): void {
  const a = ctx.before.policy_change;
  const b = ctx.after.policy_change;
  if (!a || !b || a.notice === b.notice) return;
  const weaker = (NOTICE_RANK[b.notice] ?? 0) < (NOTICE_RANK[a.notice] ?? 0) && b.notice !== 'none';
  add(ctx, { key: 'policy_change:notice', facet: 'policy_change', kind: 'changed', class: 'minor', summary: `Notice of changes: ${a.notice} → ${b.notice}`, reason: weaker ? 'Less notice of future changes (no new use of data now)' : 'A new disclosure about notice of changes', before: a.notice, after: b.notice, evidenceBefore: a.evidence ?? [], evidenceAfter: b.evidence ?? [] });
}

function diffController(ctx: Ctx): void {
  const a = ctx.before.controller ?? {};
  const b = ctx.after.controller ?? {};
  const fields: [string, unknown, unknown][] = [
    ['name', a.name, b.name],
    ['contact', a.contact, b.contact],
    ['dpo', a.dpo && { name: a.dpo.name, contact: a.dpo.contact }, b.dpo && { name: b.dpo.name, contact: b.dpo.contact }],
    ['representative', a.representative && { name: a.representative.name, contact: a.representative.contact }, b.representative && { name: b.representative.name, contact: b.representative.contact }],
  ];
  for (const [field, x, y] of fields) {
    if (stable(x) === stable(y)) continue;
    add(ctx, { key: `controller:${field}`, facet: 'controller', kind: 'changed', class: field === 'name' && x !== undefined && y !== undefined ? 'material' : 'minor', summary: `Controller ${field === 'contact' ? 'contact details' : field} changed`, reason: field === 'name' && x !== undefined && y !== undefined ? 'A different controller is responsible for the data' : 'New contact details add no new use', before: x ?? null, after: y ?? null, evidenceBefore: a.evidence ?? [], evidenceAfter: b.evidence ?? [] });
  }
}

/** JSON with sorted keys: a stable form for comparing and printing. */
export function stable(v: unknown): string {
  return JSON.stringify(v, (_k, val: unknown) =>
    val && typeof val === 'object' && !Array.isArray(val) ? Object.fromEntries(Object.entries(val as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) : val,
  ) ?? 'null';
}

/** Every change in substance between two models, in facet order, then by key. */
export function diffModels(before: PolicyModel, after: PolicyModel): Change[] {
  const ctx: Ctx = { before, after, changes: [] };
  diffController(ctx);
  for (const facet of ITEM_FACETS) diffFacet(ctx, facet);
  diffCookies(ctx);
  diffChildren(ctx);
  diffPolicyChange(ctx);
  return ctx.changes;
}
