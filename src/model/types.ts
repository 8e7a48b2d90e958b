// The policy model: the contract every stage shares (../shared/reference/model.md).
// JSON Schema twin: schemas/policy.schema.json. Keep the two in step (test/schema.test.ts checks).

export const SCHEMA_VERSION = 1 as const;

/** One passage of the markdown that supports an item. */
export interface Evidence {
  /** 1-based [first, last] line span of the source file: the smallest one containing `quote`. */
  lines: [number, number];
  /** A raw slice of the source (markdown kept), never rewritten. */
  quote: string;
  /** Heading path, outermost first. */
  section: string[];
  /** Id of the extraction rule that produced this passage (absent for declared items). */
  rule?: string;
}

export type Polarity = 'positive' | 'negative';
export type Modality = 'asserted' | 'hedged' | 'conditional';
export type ItemSource = 'declared' | 'inferred';

/** Fields every practice item carries. */
export interface ItemBase {
  id: string;
  /** A named party or a qualifier where two items share an id ("Google Analytics"). */
  name?: string;
  polarity: Polarity;
  modality: Modality;
  condition?: string;
  exception?: string;
  source: ItemSource;
  /** 0-1, inferred items only. */
  confidence?: number;
  /** Id of the rule that inferred the item, inferred items only. */
  rule?: string;
  /** A person confirmed this inferred item. */
  reviewed?: boolean;
  /** e.g. "aggregated" or "anonymous" where the policy claims the data does not identify. */
  identifiability?: 'identifiable' | 'aggregated' | 'anonymous';
  /** Free-text note for reviewers. */
  note?: string;
  evidence: Evidence[];
}

export interface DataCategoryItem extends ItemBase {}

export interface PurposeItem extends ItemBase {
  data_categories: string[];
  legal_basis?: string;
  /** Legitimate interest pursued, where legal_basis is legitimate_interests. */
  legitimate_interest?: string;
}

export interface RecipientItem extends ItemBase {
  data_categories: string[];
  purposes: string[];
  sold?: boolean;
  shared_for_ads?: boolean;
}

export interface RightItem extends ItemBase {
  /** Choice mechanism ids; always a list. */
  via: string[];
}

export interface RetentionItem extends ItemBase {
  /** ISO 8601 duration (P2Y) or null where no period is stated. */
  period: string | null;
  /** Retention kind id: stated_period | limited | legal_requirement | indefinite. */
  kind: string;
  data_categories: string[];
}

export interface TransferItem extends ItemBase {
  countries: string[];
  safeguards: string[];
}

export interface SecurityItem extends ItemBase {}
export interface SourceItem extends ItemBase {}
export interface AutomatedDecisionItem extends ItemBase {}
export interface SpecialConditionItem extends ItemBase {}

export interface Contact {
  email?: string;
  url?: string;
  postal_address?: string;
  phone?: string;
}

export interface Party {
  name?: string;
  contact?: Contact;
  evidence?: Evidence[];
}

export interface Controller extends Party {
  dpo?: Party;
  representative?: Party;
}

export interface SnapshotSource {
  site?: string;
  archived_on?: string;
  snapshot_url?: string;
}

export interface PolicyMeta {
  id: string;
  title: string;
  version: string;
  effective_date: string | null;
  last_updated: string | null;
  languages: string[];
  jurisdictions: string[];
  /** Where the text came from (an archive header); never a date of the policy itself. */
  source?: SnapshotSource;
}

export type DoNotTrack = 'honored' | 'not_honored' | 'not_mentioned';

export interface Cookies {
  used: boolean;
  kinds: string[];
  third_party: boolean;
  do_not_track: DoNotTrack;
  modality?: Modality;
  evidence: Evidence[];
}

export interface Children {
  min_age: number | null;
  collects_knowingly: boolean | null;
  evidence: Evidence[];
}

export type NoticeKind = 'none' | 'policy_page' | 'website' | 'personal';

export interface PolicyChange {
  notice: NoticeKind;
  evidence: Evidence[];
}

export interface PolicyModel {
  schema_version: typeof SCHEMA_VERSION;
  policy: PolicyMeta;
  controller: Controller;
  data_categories: DataCategoryItem[];
  purposes: PurposeItem[];
  recipients: RecipientItem[];
  rights: RightItem[];
  retention: RetentionItem[];
  transfers: TransferItem[];
  security: SecurityItem[];
  cookies: Cookies;
  children: Children;
  sources: SourceItem[];
  automated_decisions: AutomatedDecisionItem[];
  special_category_conditions: SpecialConditionItem[];
  policy_change: PolicyChange;
}

/** The item lists of the model, in their canonical order. */
export const ITEM_FACETS = [
  'data_categories',
  'purposes',
  'recipients',
  'rights',
  'retention',
  'transfers',
  'security',
  'sources',
  'automated_decisions',
  'special_category_conditions',
] as const;
export type ItemFacet = (typeof ITEM_FACETS)[number];

/** The stable key that matches an item across versions and merges. */
export function itemKey(item: Pick<ItemBase, 'id' | 'name'>): string {
  return item.name ? `${item.id}#${item.name}` : item.id;
}

export function emptyModel(meta: PolicyMeta): PolicyModel {
  return {
    schema_version: SCHEMA_VERSION,
    policy: meta,
    controller: {},
    data_categories: [],
    purposes: [],
    recipients: [],
    rights: [],
    retention: [],
    transfers: [],
    security: [],
    cookies: { used: false, kinds: [], third_party: false, do_not_track: 'not_mentioned', evidence: [] },
    children: { min_age: null, collects_knowingly: null, evidence: [] },
    sources: [],
    automated_decisions: [],
    special_category_conditions: [],
    policy_change: { notice: 'none', evidence: [] },
  };
}
