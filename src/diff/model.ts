// The semantic diff of two models: items matched by key (id, plus name where ids repeat), so a
// moved paragraph is not a change in substance; each change classified by what it does to users.
import type { Evidence, ItemBase, PolicyModel } from '../model/types.js';
import { ITEM_FACETS, itemKey } from '../model/types.js';
import { FACET_SECTION, loadVocabulary, lookupTerm, type VocabularySection } from '../model/vocabulary.js';
import type { Change, ChangeClass } from './types.js';
import { normalizeText } from './normalize.js';

type AnyItem = ItemBase & Record<string, unknown>;

const SECTION: Record<string, VocabularySection> = FACET_SECTION;

const NOUN: Record<string, string> = {
  data_categories: 'data category',
  purposes: 'purpose',
  recipients: 'recipient',
  rights: 'right or choice',
  retention: 'retention statement',
  transfers: 'transfer abroad',
  security: 'security measure',
  sources: 'source of data',
  automated_decisions: 'automated decision',
  special_category_conditions: 'Art. 9 condition',
};

/** List fields compared item by item, and what a gain or loss in each means. */
const LIST_FIELDS = ['data_categories', 'purposes', 'via', 'countries', 'safeguards'] as const;

export function labelOf(facet: string, item: { id: string; name?: string }): string {
  const section = SECTION[facet];
  const term = section ? lookupTerm(section, item.id, loadVocabulary()) : undefined;
  const base = term?.label ?? item.id.replace(/^x\./, '').replace(/[._]/g, ' ');
  return item.name ? `${base} (${item.name})` : base;
}

function isSpecial(id: string): boolean {
  return Boolean(lookupTerm('data_categories', id, loadVocabulary())?.special);
}

const ev = (i?: { evidence?: Evidence[] }) => i?.evidence ?? [];
const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

/** ISO 8601 duration to days (approximate months and years), for comparing retention periods. */
export function durationDays(period: string | null | undefined): number | null {
  if (!period) return null;
  const m = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T.*)?$/.exec(period);
  if (!m) return null;
  const [, y, mo, w, d] = m.map((x) => Number(x ?? 0));
  return y! * 365 + mo! * 30 + w! * 7 + d!;
}

const RETENTION_RANK: Record<string, number> = { stated_period: 1, limited: 2, legal_requirement: 2, indefinite: 3 };

export function diffModels(a: PolicyModel, b: PolicyModel): Change[] {
  const changes: Change[] = [];
  for (const facet of ITEM_FACETS) changes.push(...diffFacet(facet, a[facet] as AnyItem[], b[facet] as AnyItem[], a, b));
  changes.push(...diffCookies(a, b), ...diffChildren(a, b), ...diffNotice(a, b), ...diffController(a, b));
  return changes;
}

/** The matching key of an item. A retention item named by its period ("P12M") is matched by its
 * kind and data instead, so 12 months -> 24 months is one changed period, not a removal plus an addition. */
function matchKey(it: AnyItem): string {
  if (it.name && it.name === it.period) return `${it.id}|${list(it.data_categories).sort().join(',')}`;
  return itemKey(it);
}

function keyed(items: AnyItem[]): Map<string, AnyItem> {
  const m = new Map<string, AnyItem>();
  for (const it of items) {
    const k = `${matchKey(it)}${it.polarity === 'negative' ? '|not' : ''}`;
    if (!m.has(k)) m.set(k, it);
  }
  return m;
}

function diffFacet(facet: string, before: AnyItem[], after: AnyItem[], ma: PolicyModel, mb: PolicyModel): Change[] {
  const A = keyed(before);
  const B = keyed(after);
  const out: Change[] = [];
  const noun = NOUN[facet] ?? facet;
  const positiveTypesBefore = new Set(before.filter((i) => i.polarity !== 'negative').map((i) => i.id));
  for (const [k, item] of B) {
    if (A.has(k)) {
      out.push(...diffItem(facet, A.get(k)!, item));
      continue;
    }
    const flipped = A.get(item.polarity === 'negative' ? matchKey(item) : `${matchKey(item)}|not`);
    if (flipped) {
      const nowDoes = item.polarity !== 'negative';
      out.push(
        change(facet, item, 'changed', nowDoes ? 'material' : 'minor', `${labelOf(facet, item)}: the policy now says it ${nowDoes ? 'does' : 'does not'} do this`, nowDoes ? 'a practice the policy denied is now stated' : 'a stated practice is now denied', flipped, item, 'polarity'),
      );
      continue;
    }
    out.push(addedItem(facet, noun, item, positiveTypesBefore, ma));
  }
  for (const [k, item] of A) {
    if (B.has(k)) continue;
    if (B.has(item.polarity === 'negative' ? matchKey(item) : `${matchKey(item)}|not`)) continue; // reported as a flip
    out.push(removedItem(facet, noun, item, mb));
  }
  return out;
}

function addedItem(facet: string, noun: string, item: AnyItem, typesBefore: Set<string>, before: PolicyModel): Change {
  const label = labelOf(facet, item);
  if (item.polarity === 'negative') return change(facet, item, 'added', 'minor', `New statement that the policy does not: ${label}`, 'a denial adds no use', undefined, item);
  const c = (cls: ChangeClass, reason: string) => change(facet, item, 'added', cls, `New ${noun}: ${label}`, reason, undefined, item);
  switch (facet) {
    case 'data_categories':
      return isSpecial(item.id) ? c('material', 'new special-category data (GDPR Art. 9)') : c('minor', 'a new disclosure that adds no new use');
    case 'purposes':
      return c('material', 'a new purpose needs notice (GDPR Art. 13(3))');
    case 'recipients':
      if (item.sold === true || item.id === 'x.sale' || item.shared_for_ads === true) return c('material', 'new sale or sharing of data');
      return typesBefore.has(item.id) ? c('minor', 'a new named recipient of a type already disclosed') : c('material', 'a new recipient type');
    case 'transfers':
      return c('material', 'a new transfer abroad');
    case 'automated_decisions':
      return c('material', 'new automated decision-making or profiling');
    case 'retention':
      return c(before.retention.length ? 'minor' : 'minor', 'a retention statement adds no use');
    default:
      return c('minor', `a new ${noun} adds no new use`);
  }
}

function removedItem(facet: string, noun: string, item: AnyItem, _after: PolicyModel): Change {
  const label = labelOf(facet, item);
  if (item.polarity === 'negative') return change(facet, item, 'removed', 'material', `The policy no longer says it does not: ${label}`, 'a promise not to do something was withdrawn', item, undefined);
  const c = (cls: ChangeClass, reason: string) => change(facet, item, 'removed', cls, `Removed ${noun}: ${label}`, reason, item, undefined);
  switch (facet) {
    case 'rights':
      return c('material', 'a right or choice was removed');
    case 'security':
      return c('material', 'a stated protection was removed');
    case 'special_category_conditions':
      return c('material', 'an Art. 9 condition was removed');
    case 'retention':
      return c('needs_review', 'a retention limit is no longer stated: data may now be kept longer');
    default:
      return c('minor', `less is disclosed: a ${noun} is no longer mentioned`);
  }
}

function diffItem(facet: string, a: AnyItem, b: AnyItem): Change[] {
  const out: Change[] = [];
  const label = labelOf(facet, b);
  const mk = (field: string, cls: ChangeClass, summary: string, reason: string) => out.push(change(facet, b, 'changed', cls, summary, reason, a, b, field));
  for (const field of LIST_FIELDS) {
    const was = new Set(list(a[field]));
    const now = new Set(list(b[field]));
    const gained = [...now].filter((x) => !was.has(x)).sort();
    const lost = [...was].filter((x) => !now.has(x)).sort();
    if (!gained.length && !lost.length) continue;
    const what = `${gained.length ? `gained ${gained.join(', ')}` : ''}${gained.length && lost.length ? '; ' : ''}${lost.length ? `lost ${lost.join(', ')}` : ''}`;
    if (field === 'via') mk(field, lost.length ? 'material' : 'minor', `${label}: ways to exercise it ${what}`, lost.length ? 'a right was narrowed' : 'a right gained a way to use it');
    else if (field === 'safeguards') mk(field, lost.length ? 'material' : 'minor', `${label}: safeguards ${what}`, lost.length ? 'a transfer safeguard was removed' : 'a safeguard was added');
    else if (field === 'countries') mk(field, gained.length ? 'material' : 'minor', `${label}: countries ${what}`, gained.length ? 'a new transfer abroad' : 'fewer destinations');
    else if (facet === 'purposes' || facet === 'recipients')
      mk(field, gained.length ? 'material' : 'minor', `${label}: ${field.replace('_', ' ')} ${what}`, gained.length ? (facet === 'purposes' ? 'a purpose now uses more data' : 'a recipient now receives more, or for more purposes') : 'narrower use');
    else mk(field, gained.length ? 'minor' : 'minor', `${label}: ${field.replace('_', ' ')} ${what}`, 'scope changed');
  }
  for (const flag of ['sold', 'shared_for_ads'] as const) {
    if (Boolean(a[flag]) === Boolean(b[flag])) continue;
    const now = Boolean(b[flag]);
    mk(flag, now ? 'material' : 'minor', `${label}: ${flag === 'sold' ? 'data sold' : 'shared for advertising'} ${now ? 'now' : 'no longer'}`, now ? 'new sale or sharing of data' : 'less sharing');
  }
  if (facet === 'retention') {
    const da = durationDays(a.period as string | null);
    const db = durationDays(b.period as string | null);
    if (a.period !== b.period) {
      const longer = (da !== null && db !== null && db > da) || (da !== null && db === null);
      mk('period', longer ? 'material' : 'minor', `${label}: retention ${a.period ?? 'unstated'} → ${b.period ?? 'unstated'}`, longer ? 'longer retention' : 'shorter retention');
    }
    if (a.kind !== b.kind) {
      const longer = (RETENTION_RANK[String(b.kind)] ?? 0) > (RETENTION_RANK[String(a.kind)] ?? 0);
      mk('kind', longer ? 'material' : 'minor', `${label}: retention ${a.kind} → ${b.kind}`, longer ? 'longer retention' : 'retention narrowed');
    }
  }
  if (a.legal_basis !== b.legal_basis && (a.legal_basis || b.legal_basis))
    mk('legal_basis', 'material', `${label}: legal basis ${a.legal_basis ?? 'unstated'} → ${b.legal_basis ?? 'unstated'}`, 'a changed legal basis needs notice');
  if (a.modality !== b.modality) {
    // For a right, becoming conditional or hedged narrows it; for a practice, losing its condition widens it.
    const narrowedRight = facet === 'rights' && a.modality === 'asserted';
    const widened = facet !== 'rights' && a.modality !== 'asserted' && b.modality === 'asserted';
    mk('modality', narrowedRight || widened ? 'material' : 'minor', `${label}: ${a.modality} → ${b.modality}`, narrowedRight ? 'a right was narrowed' : widened ? 'a practice is no longer limited or hedged' : 'the practice is stated less firmly');
  }
  for (const field of ['condition', 'exception'] as const) {
    // Case, quote style and spacing of a condition are wording, not substance.
    if (normalizeText(String(a[field] ?? '')).toLowerCase() === normalizeText(String(b[field] ?? '')).toLowerCase()) continue;
    mk(field, 'minor', `${label}: ${field} ${a[field] ? `"${a[field]}"` : 'none'} → ${b[field] ? `"${b[field]}"` : 'none'}`, `its ${field} changed`);
  }
  return out;
}

function change(facet: string, item: { id: string; name?: string }, kind: Change['kind'], cls: ChangeClass, summary: string, reason: string, before?: unknown, after?: unknown, field?: string): Change {
  return {
    key: `${facet}/${itemKey(item)}${field ? `:${field}` : ''}`,
    facet,
    kind,
    class: cls,
    summary,
    reason,
    ...(before !== undefined ? { before: strip(before, field) } : {}),
    ...(after !== undefined ? { after: strip(after, field) } : {}),
    evidenceBefore: ev(before as AnyItem | undefined),
    evidenceAfter: ev(after as AnyItem | undefined),
  };
}

/** The value a reviewer compares: the field that changed, or the item without its evidence. */
function strip(value: unknown, field?: string): unknown {
  if (!value || typeof value !== 'object') return value;
  const v = value as Record<string, unknown>;
  if (field) return v[field] ?? null;
  const { evidence: _e, confidence: _c, rule: _r, ...rest } = v;
  return rest;
}

function diffCookies(a: PolicyModel, b: PolicyModel): Change[] {
  const out: Change[] = [];
  const c = (key: string, cls: ChangeClass, summary: string, reason: string, before: unknown, after: unknown) =>
    out.push({ key: `cookies/${key}`, facet: 'cookies', kind: 'changed', class: cls, summary, reason, before, after, evidenceBefore: a.cookies.evidence, evidenceAfter: b.cookies.evidence });
  if (a.cookies.used !== b.cookies.used) c('used', b.cookies.used ? 'material' : 'minor', `Cookies ${b.cookies.used ? 'now used' : 'no longer mentioned as used'}`, b.cookies.used ? 'new tracking' : 'less tracking', a.cookies.used, b.cookies.used);
  if (a.cookies.third_party !== b.cookies.third_party)
    c('third_party', b.cookies.third_party ? 'material' : 'minor', `Third-party cookies ${b.cookies.third_party ? 'now' : 'no longer'} mentioned`, b.cookies.third_party ? 'new third-party tracking' : 'less tracking', a.cookies.third_party, b.cookies.third_party);
  if (a.cookies.do_not_track !== b.cookies.do_not_track) {
    const worse = a.cookies.do_not_track === 'honored';
    c('do_not_track', worse ? 'material' : 'minor', `Do Not Track: ${a.cookies.do_not_track} → ${b.cookies.do_not_track}`, worse ? 'Do Not Track no longer honoured' : 'Do Not Track stance stated', a.cookies.do_not_track, b.cookies.do_not_track);
  }
  const gained = b.cookies.kinds.filter((k) => !a.cookies.kinds.includes(k));
  const lost = a.cookies.kinds.filter((k) => !b.cookies.kinds.includes(k));
  if (gained.length || lost.length) c('kinds', 'minor', `Tracking technologies: ${[...gained.map((g) => `+${g}`), ...lost.map((l) => `-${l}`)].join(', ')}`, 'a new disclosure that adds no new use', a.cookies.kinds, b.cookies.kinds);
  return out;
}

function diffChildren(a: PolicyModel, b: PolicyModel): Change[] {
  const out: Change[] = [];
  const x = a.children;
  const y = b.children;
  const c = (key: string, cls: ChangeClass, summary: string, reason: string, before: unknown, after: unknown) =>
    out.push({ key: `children/${key}`, facet: 'children', kind: 'changed', class: cls, summary, reason, before, after, evidenceBefore: x.evidence, evidenceAfter: y.evidence });
  if (x.min_age !== y.min_age) {
    const lower = x.min_age !== null && (y.min_age === null || y.min_age < x.min_age);
    c('min_age', lower ? 'material' : 'minor', `Minimum age ${x.min_age ?? 'unstated'} → ${y.min_age ?? 'unstated'}`, lower ? 'younger users now covered' : 'age stated or raised', x.min_age, y.min_age);
  }
  if (x.collects_knowingly !== y.collects_knowingly) {
    const now = y.collects_knowingly === true;
    c('collects_knowingly', now ? 'material' : 'minor', `Knowingly collects from children: ${x.collects_knowingly ?? 'unstated'} → ${y.collects_knowingly ?? 'unstated'}`, now ? 'children’s data now collected' : 'children’s stance stated', x.collects_knowingly, y.collects_knowingly);
  }
  return out;
}

const NOTICE_RANK: Record<string, number> = { none: 0, policy_page: 1, website: 2, personal: 3 };

function diffNotice(a: PolicyModel, b: PolicyModel): Change[] {
  const x = a.policy_change;
  const y = b.policy_change;
  if (x.notice === y.notice) return [];
  const weaker = (NOTICE_RANK[y.notice] ?? 0) < (NOTICE_RANK[x.notice] ?? 0);
  return [
    {
      key: 'policy_change/notice',
      facet: 'policy_change',
      kind: 'changed',
      class: weaker ? 'material' : 'minor',
      summary: `Notice of changes: ${x.notice} → ${y.notice}`,
      reason: weaker ? 'users will be told of changes less directly' : 'better notice of changes',
      before: x.notice,
      after: y.notice,
      evidenceBefore: x.evidence,
      evidenceAfter: y.evidence,
    },
  ];
}

function diffController(a: PolicyModel, b: PolicyModel): Change[] {
  const out: Change[] = [];
  const fields: [string, unknown, unknown][] = [
    ['name', a.controller.name, b.controller.name],
    ['email', a.controller.contact?.email, b.controller.contact?.email],
    ['url', a.controller.contact?.url, b.controller.contact?.url],
    ['postal_address', a.controller.contact?.postal_address, b.controller.contact?.postal_address],
    ['phone', a.controller.contact?.phone, b.controller.contact?.phone],
    ['dpo', a.controller.dpo?.name ?? a.controller.dpo?.contact?.email, b.controller.dpo?.name ?? b.controller.dpo?.contact?.email],
  ];
  for (const [field, x, y] of fields) {
    if ((x ?? null) === (y ?? null)) continue;
    const isName = field === 'name' && x && y;
    out.push({
      key: `controller/${field}`,
      facet: 'controller',
      kind: x === undefined ? 'added' : y === undefined ? 'removed' : 'changed',
      class: isName ? 'material' : 'minor',
      summary: `Controller ${field.replace('_', ' ')}: ${x ?? 'unstated'} → ${y ?? 'unstated'}`,
      reason: isName ? 'a different controller is responsible for the data' : 'contact details changed',
      before: x ?? null,
      after: y ?? null,
      evidenceBefore: a.controller.evidence ?? [],
      evidenceAfter: b.controller.evidence ?? [],
    });
  }
  return out;
}
