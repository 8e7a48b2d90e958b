// The vocabulary (schemas/vocabulary.yaml, a copy of ../shared/reference/vocabulary.yaml that the
// product ships): taxonomy ids and their mappings to OPP-115, DPV, fideslang, P3P and CCPA.
// Ids are a public contract: extend, never rename.
import { fileURLToPath } from 'node:url';
import { readYamlData } from '../data/cache.js';
import { byCodeUnit } from '../order.js';

export interface Term {
  id: string;
  label?: string;
  opp115?: string;
  dpv?: string;
  fides?: string;
  p3p?: string;
  ccpa?: string;
  gdpr?: string;
  special?: boolean;
}

export const VOCABULARY_SECTIONS = [
  'data_categories',
  'purposes',
  'recipients',
  'rights',
  'choice_mechanisms',
  'legal_bases',
  'security_measures',
  'retention_kinds',
  // policyc extensions (schemas/vocabulary.yaml, v1.1)
  'transfers',
  'transfer_safeguards',
  'sources',
  'automated_decisions',
  'special_category_conditions',
  'cookie_kinds',
] as const;
export type VocabularySection = (typeof VOCABULARY_SECTIONS)[number];

export type Vocabulary = Record<VocabularySection, Term[]>;

export const vocabularyPath = fileURLToPath(new URL('../../schemas/vocabulary.yaml', import.meta.url));

let cached: Vocabulary | undefined;
export function loadVocabulary(): Vocabulary {
  cached ??= readYamlData(vocabularyPath) as Vocabulary;
  return cached;
}

/** The pattern every model id matches: dotted snake_case segments, or a policy's own x.<name>. */
export const ID_PATTERN = '^(x\\.[a-z0-9_]+(\\.[a-z0-9_]+)*|[a-z][a-z0-9_]*(\\.[a-z0-9_]+)*)$';

/** The vocabulary term an id belongs to: itself, or its nearest known ancestor (contact.email.work). */
export function lookupTerm(section: VocabularySection, id: string, vocab = loadVocabulary()): Term | undefined {
  const terms = vocab[section] ?? [];
  let key = id;
  for (;;) {
    const hit = terms.find((t) => t.id === key);
    if (hit) return hit;
    const cut = key.lastIndexOf('.');
    if (cut < 0) return undefined;
    key = key.slice(0, cut);
  }
}

/** True for a vocabulary id, a child of one, or a policy's own x.<name>. */
export function isKnownId(section: VocabularySection, id: string, vocab = loadVocabulary()): boolean {
  return id.startsWith('x.') || lookupTerm(section, id, vocab) !== undefined;
}

/** Closest vocabulary ids to an unknown one, for "did you mean". */
export function suggestIds(section: VocabularySection, id: string, vocab = loadVocabulary(), max = 3): string[] {
  const scored = (vocab[section] ?? [])
    .map((t) => ({ id: t.id, d: editDistance(id, t.id) }))
    .filter((s) => s.d <= Math.max(2, Math.floor(id.length / 3)) || t_includes(s.id, id))
    .sort((a, b) => a.d - b.d || byCodeUnit(a.id, b.id));
  return scored.slice(0, max).map((s) => s.id);
}

function t_includes(known: string, id: string): boolean {
  const leaf = id.split('.').pop() ?? id;
  return leaf.length >= 4 && known.includes(leaf);
}

export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

/** The vocabulary section each item facet of the model draws its ids from. */
export const FACET_SECTION = {
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
} as const satisfies Record<string, VocabularySection>;
