// Which vocabulary section each id-bearing field of the model draws from. The schema checks the
// shape of an id; this table checks that it exists, with a did-you-mean (style.md 2.6).
import type { VocabularySection } from '../model/vocabulary.js';

export interface IdField {
  /** JSON path pattern: '*' matches any array index. */
  path: (string | '*')[];
  section: VocabularySection;
  /** Other sections an id here may also come from. */
  also?: VocabularySection[];
}

export const ID_FIELDS: IdField[] = [
  { path: ['data_categories', '*', 'id'], section: 'data_categories' },
  { path: ['purposes', '*', 'id'], section: 'purposes' },
  { path: ['purposes', '*', 'data_categories', '*'], section: 'data_categories' },
  { path: ['purposes', '*', 'legal_basis'], section: 'legal_bases' },
  { path: ['recipients', '*', 'id'], section: 'recipients' },
  { path: ['recipients', '*', 'data_categories', '*'], section: 'data_categories' },
  { path: ['recipients', '*', 'purposes', '*'], section: 'purposes' },
  { path: ['rights', '*', 'id'], section: 'rights' },
  { path: ['rights', '*', 'via', '*'], section: 'choice_mechanisms' },
  // A retention item is keyed by its kind, or by the data category it is about.
  { path: ['retention', '*', 'id'], section: 'retention_kinds', also: ['data_categories'] },
  { path: ['retention', '*', 'data_categories', '*'], section: 'data_categories' },
  { path: ['transfers', '*', 'id'], section: 'transfers' },
  { path: ['transfers', '*', 'safeguards', '*'], section: 'transfer_safeguards' },
  { path: ['security', '*', 'id'], section: 'security_measures' },
  { path: ['sources', '*', 'id'], section: 'sources' },
  { path: ['automated_decisions', '*', 'id'], section: 'automated_decisions' },
  { path: ['special_category_conditions', '*', 'id'], section: 'special_category_conditions' },
  { path: ['cookies', 'kinds', '*'], section: 'cookie_kinds' },
];

/** Every (path, id) in a model that names a vocabulary term. */
export function* idsIn(model: unknown): Generator<{ path: (string | number)[]; id: string; field: IdField }> {
  for (const field of ID_FIELDS) yield* walk(model, field.path, [], field);
}

function* walk(
  node: unknown,
  rest: (string | '*')[],
  at: (string | number)[],
  field: IdField,
): Generator<{ path: (string | number)[]; id: string; field: IdField }> {
  if (rest.length === 0) {
    if (typeof node === 'string') yield { path: at, id: node, field };
    return;
  }
  const [head, ...tail] = rest;
  if (head === '*') {
    if (Array.isArray(node)) for (let i = 0; i < node.length; i++) yield* walk(node[i], tail, [...at, i], field);
  } else if (node && typeof node === 'object' && !Array.isArray(node)) {
    yield* walk((node as Record<string, unknown>)[head!], tail, [...at, head!], field);
  }
}
