// policy.jsonld: the model in W3C Data Privacy Vocabulary (DPV 2.3) terms, as JSON-LD.
// The mappings are the `dpv` column of schemas/vocabulary.yaml. Only terms that exist in the DPV
// 2.3 exports are emitted (test/render-jsonld.test.ts checks every IRI against them); the two
// vocabulary mappings that are not in those exports fall back to their nearest listed parent.
// Links that DPV's exported modules have no property for (which personal data a purpose uses,
// which right applies) use policyc's own namespace, declared in the @context.
import type { PolicyModel, ItemBase, Evidence } from '../model/types.js';
import { loadVocabulary, lookupTerm, type VocabularySection } from '../model/vocabulary.js';
import { termLabel } from './html.js';

export const JSONLD_CONTEXT = {
  dpv: 'https://w3id.org/dpv#',
  pd: 'https://w3id.org/dpv/pd#',
  'eu-gdpr': 'https://w3id.org/dpv/legal/eu/gdpr#',
  dct: 'http://purl.org/dc/terms/',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  policyc: 'https://policyc.dev/ns#',
  title: 'dct:title',
  version: 'dct:hasVersion',
  effective_date: { '@id': 'dct:valid', '@type': 'xsd:date' },
  last_updated: { '@id': 'dct:modified', '@type': 'xsd:date' },
  language: 'dct:language',
  label: 'rdfs:label',
  policy_id: 'policyc:id',
  controller: { '@id': 'dpv:hasDataController' },
  dpo: { '@id': 'dpv:hasDataProtectionOfficer' },
  purposes: { '@id': 'dpv:hasPurpose', '@container': '@set' },
  legal_basis: { '@id': 'dpv:hasLegalBasis', '@type': '@id' },
  recipients: { '@id': 'dpv:hasRecipient', '@container': '@set' },
  personal_data: { '@id': 'policyc:personalData', '@type': '@id', '@container': '@set' },
  rights: { '@id': 'policyc:right', '@container': '@set' },
  transfers: { '@id': 'policyc:transfer', '@container': '@set' },
  safeguards: { '@id': 'policyc:safeguard', '@type': '@id', '@container': '@set' },
  countries: { '@id': 'policyc:country', '@container': '@set' },
  special_category_conditions: { '@id': 'dpv:hasLegalBasis', '@type': '@id', '@container': '@set' },
  polarity: 'policyc:polarity',
  modality: 'policyc:modality',
  name: 'policyc:name',
  email: 'policyc:email',
  url: { '@id': 'policyc:url', '@type': '@id' },
  evidence: { '@id': 'policyc:evidence', '@container': '@set' },
  quote: 'policyc:quote',
  lines: { '@id': 'policyc:lines', '@container': '@list' },
  model_id: 'policyc:modelId',
} as const;

/** Vocabulary mappings absent from the DPV 2.3 exports, and the listed term used instead. */
const FALLBACK: Record<string, string | null> = {
  'dpv:Authority': 'dpv:Recipient',
  'dpv:PersonalData': null,
};

/** The DPV term of a model id (its own mapping or its nearest ancestor's), or undefined. */
export function dpvTerm(section: VocabularySection, id: string): string | undefined {
  const term = lookupTerm(section, id, loadVocabulary())?.dpv;
  if (!term) return undefined;
  if (term in FALLBACK) return FALLBACK[term] ?? undefined;
  return term;
}

type Node = Record<string, unknown>;

function evidence(list: Evidence[]): Node[] | undefined {
  return list.length ? list.map((e) => ({ quote: e.quote, lines: e.lines })) : undefined;
}

function common(item: ItemBase, section: VocabularySection): Node {
  const node: Node = { label: termLabel(section, item.id), model_id: item.id };
  if (item.name) node.name = item.name;
  if (item.polarity === 'negative') node.polarity = 'negative';
  if (item.modality !== 'asserted') node.modality = item.modality;
  const ev = evidence(item.evidence);
  if (ev) node.evidence = ev;
  return node;
}

const typed = (section: VocabularySection, id: string, extra?: string): Node => {
  const t = dpvTerm(section, id);
  const types = [...new Set([extra, t].filter((x): x is string => Boolean(x)))];
  return types.length ? { '@type': types.length === 1 ? types[0] : types } : {};
};

const dataRefs = (ids: string[]): string[] => [...new Set(ids.map((id) => dpvTerm('data_categories', id)).filter((x): x is string => Boolean(x)))];

export interface JsonLdOptions {
  /** Absolute URL of this version's folder (ends with /), when the site has a base URL. */
  base?: string;
}

export function renderJsonLd(model: PolicyModel, options: JsonLdOptions = {}): string {
  const base = options.base ?? '';
  const ref = (frag: string) => `${base}#${frag}`;
  const p = model.policy;
  const c = model.controller;
  const controller: Node = { '@id': ref('controller'), '@type': 'dpv:DataController' };
  if (c.name) controller.name = c.name;
  if (c.contact?.email) controller.email = c.contact.email;
  if (c.contact?.url) controller.url = c.contact.url;
  if (c.dpo?.name || c.dpo?.contact?.email) controller.dpo = { '@type': 'dpv:DataProtectionOfficer', ...(c.dpo.name ? { name: c.dpo.name } : {}), ...(c.dpo.contact?.email ? { email: c.dpo.contact.email } : {}) };
  const doc: Node = {
    '@context': JSONLD_CONTEXT,
    '@id': base || ref('notice'),
    '@type': 'dpv:PrivacyNotice',
    policy_id: p.id,
    title: p.title,
    version: p.version,
    ...(p.effective_date ? { effective_date: p.effective_date } : {}),
    ...(p.last_updated ? { last_updated: p.last_updated } : {}),
    language: p.languages,
    controller,
    personal_data: dataRefs(model.data_categories.filter((d) => d.polarity !== 'negative').map((d) => d.id)),
    purposes: model.purposes.map((item) => ({
      '@id': ref(`purpose/${item.id}`),
      ...typed('purposes', item.id, 'dpv:Purpose'),
      ...common(item, 'purposes'),
      ...(item.legal_basis && dpvTerm('legal_bases', item.legal_basis) ? { legal_basis: dpvTerm('legal_bases', item.legal_basis) } : {}),
      ...(item.data_categories.length ? { personal_data: dataRefs(item.data_categories) } : {}),
    })),
    recipients: model.recipients.map((item) => ({
      '@id': ref(`recipient/${item.id}${item.name ? `/${encodeURIComponent(item.name)}` : ''}`),
      ...typed('recipients', item.id, 'dpv:Recipient'),
      ...common(item, 'recipients'),
      ...(item.data_categories.length ? { personal_data: dataRefs(item.data_categories) } : {}),
      ...(item.purposes.length ? { purposes: item.purposes.map((id) => ({ '@id': ref(`purpose/${id}`), ...typed('purposes', id) })) } : {}),
    })),
    rights: model.rights.map((item) => ({ ...typed('rights', item.id), ...common(item, 'rights') })),
    transfers: model.transfers.map((item) => ({
      ...common(item, 'transfers'),
      ...(item.countries.length ? { countries: item.countries } : {}),
      ...(item.safeguards.length ? { safeguards: item.safeguards.map((s) => dpvTerm('transfer_safeguards', s)).filter(Boolean) } : {}),
    })),
    special_category_conditions: model.special_category_conditions
      .map((item) => dpvTerm('special_category_conditions', item.id))
      .filter((x): x is string => Boolean(x)),
  };
  for (const key of ['purposes', 'recipients', 'rights', 'transfers', 'special_category_conditions', 'personal_data'] as const)
    if (Array.isArray(doc[key]) && (doc[key] as unknown[]).length === 0) delete doc[key];
  return JSON.stringify(doc, null, 2) + '\n';
}

/** Every prefixed DPV-family term (dpv:, pd:, eu-gdpr:) that a JSON-LD document uses as a value. */
export function dpvTermsIn(jsonld: string): string[] {
  const found = new Set<string>();
  const walk = (v: unknown, key?: string): void => {
    if (typeof v === 'string') {
      if (key !== 'quote' && key !== 'name' && key !== 'label' && /^(dpv|pd|eu-gdpr):[A-Za-z0-9-]+$/.test(v)) found.add(v);
    } else if (Array.isArray(v)) v.forEach((x) => walk(x, key));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) if (k !== '@context') walk(x, k);
  };
  walk(JSON.parse(jsonld));
  for (const v of Object.values(JSONLD_CONTEXT)) {
    const id = typeof v === 'string' ? v : v['@id'];
    if (/^(dpv|pd|eu-gdpr):/.test(id)) found.add(id);
  }
  return [...found].sort();
}
