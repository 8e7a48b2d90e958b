// The extractor: a parsed policy -> the policy model, with evidence for every item.
// Pure, synchronous and deterministic; never throws (an internal failure becomes an error
// diagnostic and an empty model). See docs/extraction.md.
import { USER_SUBJECT, framesOthers, namesController, otherActor } from './actor.js';
import type { ParsedDocument } from '../parse/markdown.js';
import type {
  Evidence,
  ItemBase,
  Modality,
  PolicyModel,
  Polarity,
  PurposeItem,
  RecipientItem,
  RetentionItem,
  RightItem,
  TransferItem,
} from '../model/types.js';
import { emptyModel } from '../model/types.js';
import type { Diagnostic } from '../diagnostics.js';
import { sortDiagnostics } from '../diagnostics.js';
import { readFrontMatter } from '../parse/frontmatter.js';
import { buildStructure, type Block, type DocumentStructure } from '../parse/structure.js';
import { splitClauses, splitSentences, type Span } from '../parse/sentences.js';
import { execAll, loadLexicon, matchAll, type Match, type Pattern } from './lexicon.js';
import { buildMeta, findController, policyId } from './meta.js';
import { checkEvidence, makeEvidence } from './evidence.js';
import { loadVocabulary, type VocabularySection } from '../model/vocabulary.js';
import {
  CHOICE_FRAME_RE,
  COLLECT_RE,
  CONDITION_RE,
  DISCLAIMER_RE,
  DNT_RE,
  EXCEPTION_RE,
  HEDGE_RE,
  IDENTIFIABILITY_RE,
  LEGAL_RE,
  META_FRAME_RE,
  NEG_CUE_RE,
  NEG_GAP_RE,
  PUBLIC_FRAME_RE,
  PUBLIC_STATE_GATE,
  PUBLIC_STATE_RE,
  SECTION_CLASSES,
  DATA_OTHER_FRAME_RE,
  SELL_RE,
  SHARE_RE,
  USE_RE,
} from './cues.js';
import { findRetention } from './retention.js';
import { findTransfer, safeguardsAlone } from './transfers.js';
import { byCodeUnit } from '../order.js';
import { ACCESS_RIGHTS, ELSEWHERE_RE, OVERVIEW_RE, passiveByOther, rightTitle, userActs } from './rights.js';
import { BEFORE_DEFINITION, DEFINITION_RE, EXCEPTION_BETWEEN as LEAD_EXCEPTION, LABEL_SOURCE, PLURAL_ANAPHOR_BEFORE, SINGULAR_PARTY_ANAPHOR, labelGives, labelOf, labelVerbs, partyShares, recipientFrame, type Frame, type FrameContext } from './recipients.js';
import { eager, warmEager } from './native-regexp.js';

export interface ExtractOptions {
  /** Policy id, from its folder name; else derived from the file name. */
  id?: string;
}
export interface ExtractResult {
  model: PolicyModel;
  diagnostics: Diagnostic[];
}

export { checkEvidence } from './evidence.js';
export { loadLexicon } from './lexicon.js';

export function extract(doc: ParsedDocument, options: ExtractOptions = {}): ExtractResult {
  warmEager();
  try {
    return run(doc, options);
  } catch (error) {
    const model = emptyModel({
      id: safeId(doc, options.id),
      title: 'Untitled policy',
      version: '1.0.0',
      effective_date: null,
      last_updated: null,
      languages: ['en'],
      jurisdictions: [],
    });
    return {
      model,
      diagnostics: [
        {
          ruleId: 'extract/internal-error',
          severity: 'error',
          message: `Extraction failed: ${(error as Error)?.message ?? String(error)}`,
          start: { line: 1, column: 1 },
          source: 'extract',
        },
      ],
    };
  }
}

function safeId(doc: ParsedDocument, id?: string): string {
  try {
    return policyId(doc, id);
  } catch {
    return 'policy';
  }
}

// ---------------------------------------------------------------------------------------------

/** Before a group-company mention: it is excluded ("companies outside our corporate family"). */
const OUTSIDE_GROUP =
  /\b(?:outside(?:\s+of)?|other than|not part of|apart from|beyond|not (?:affiliated|related) (?:with|to)|unaffiliated with|unrelated to|independent (?:of|from)|separate from)\s+(?:(?:the|our|its|their|this|that)\s+)?(?:[a-z-]+\s+)?$/;
/** After a party: it acts for us ("companies to provide services on our behalf"). */
const ACTING_FOR_US = /^[^.;:]{0,40}?\b(?:to|that|who|which)\s+(?:[a-z-]+\s+){0,4}?(?:on (?:our|its) behalf|on behalf of us|for us)\b/;
/** Between a class of parties and a named example of it: "vendors, such as", "advertisers (e.g.". */
// (each optional mark owns the blanks after it: three adjacent \s* made a blank run cubic to reject)
const EXEMPLIFIED = /^\s*(?:,\s*)?(?:\(\s*)?(?:such as|including|like|e\.g\.,?|for example,?|namely,?)\s+(?:the\s+)?$/;

/**
 * Legal process, named without a party word: "to respond to subpoenas, court orders or legal
 * process". Stricter than an authority context: every cue is a demand that comes from an authority
 * (a court, an agency, law enforcement), so the disclosure goes to it. A duty alone ("as required by
 * law", "to comply with legal obligations") names no recipient and is not read here.
 */
const LEGAL_PROCESS =
  /\b(?:subpoenas?|court orders?|(?:search )?warrants?|legal process(?:es)?|law enforcement|(?:legal|lawful|valid legal) (?:requests?|demands?|inquir(?:y|ies))|(?:governmental|government|regulatory|official|lawful) (?:requests?|inquir(?:y|ies)|investigations?|demands?|orders?))\b/;
/** "does not receive" with a subject that is not the user ("the provider does not receive"; not "you may not receive"). */
const NOT_RECEIVE_BY_PARTY = eager(/(?<!\b(?:you|users?|members?|customers?|visitors?|subscribers?)\s+(?:[a-z]+\s+){0,2})\b(?:do|does|did|will|shall|would|could|might|may|can)\s+not\s+(?:accept|receive)\b/g);
/** A transaction the user asked for, whose other party receives data: "to fulfil a transaction you have requested". */
const TRANSACTION_REQUESTED =
  eager(/\b(?:to|in order to)\s+(?:fulfil+|complete|process|carry out|execute|effect)\s+(?:a|the|any|an|your)\s+(?:[a-z-]+\s+)?(?:transactions?|orders?|purchases?|requests?)\s+(?:that\s+|which\s+)?you\s+(?:have\s+|had\s+)?(?:requested|request|asked for|placed|place|made|make|initiated|initiate|authori[sz]ed)\b/);
/** The user able to act, or a means offered to them: "you can", "upon request", "contact us", "at any time" (rights frames). */
const AGENCY_RE = eager(/\b(?:you|users?|members?|customers?|visitors?|subscribers?|account holders?|individuals?|parents?) (?:can|may|have|are able|will be able|could|might|should|must|also have|also may|may also|can also)\b|\bhave (?:your |the |their )?(?:personal )?(?:information|data|account)\b|\bupon (?:your )?request\b|\bright(?:s)? to\b|\brequests?\b|\bplease\b|\bcontact us\b|\bif you (?:would like|wish|want|prefer|choose|do not|ask)|\bto (?:access|update|correct|delete|opt|unsubscribe|review|change|edit|remove|modify|close|cancel|deactivate)\b|\boptions?\b|\bchoose\b|\bchoices?\b|\bclick|\bvisit|\bby (?:clicking|visiting|logging|going|sending|e-?mailing|calling|writing|replying|contacting|following)|\ballows? you|\bable to\b|\binstructions\b|\bsimply\b|\btell you how\b|\bhow to\b|\bat any time\b|\bmay be (?:accessed|updated|corrected|deleted|changed|reviewed)|\bcan be (?:accessed|updated|corrected|deleted|changed|reviewed|set)|\bopt[- ]?out\b|\bunsubscribe|\b(?:gives?|provides?|grants?|offers?|assists?) (?:you|users?|members?|customers?)\b|\bhave access to\b|\btools? for\b|\bways? (?:of|to|for)\b/);
/** Data about the person from elsewhere: "we receive information from our partners" (sources). */
const SOURCE_FROM = eager(/\b(?:receive|obtain|collect|get|acquire|gather|supplement)\w*\b[^.;]{0,80}\bfrom (?:(?:our |other |third[- ]party |trusted |selected |business )?(partners|third[- ]part(?:y|ies)|other (?:sources|companies)|(?:publicly|commercially) available sources|affiliates|social (?:media|networks?)|data (?:brokers|providers)|advertisers|service providers|facebook|twitter|google))/);
/** The policy's own changes: "we may update this policy", "material changes". */
const CHANGE_TRIGGER = eager(/\b(?:chang|updat|modif|revis|amend)\w*\b[^.;]{0,40}\b(?:this|our|the|these) (?:privacy |online )?(?:policy|statement|notice|practices)|\b(?:material|significant|substantial) changes?\b|\b(?:revised|updated|amended|modified|new) (?:version of (?:this|the|our) )?(?:privacy )?(?:policy|statement|notice)\b|\b(?:this|our|the) (?:privacy )?(?:policy|statement|notice)\b[^.;]{0,40}\b(?:chang|updat|modif|revis|amend)\w*|\bupdates to (?:this|our|the) (?:privacy )?(?:policy|statement)/);
/** A change of owner, named without a party word: "in connection with a merger, bankruptcy, or sale of assets",
 * "customer information is one of the transferred business assets". */
const OWNER_CHANGE =
  eager(/\b(?:mergers?|merged|(?:merger|mergers),? (?:or |and )?acquisitions?|acquisition (?:of|by) (?:us|the company|our company|all|another|a company)|acquired by|sale (?:or transfer )?of (?:(?:all|substantially all|most|a portion|part|some|any) (?:or (?:a portion|part|substantially all|most) )?of )?(?:(?:its|our|the|their|company|a) )?(?:assets|business(?:es)?|stock|company|shares)|sale\/transfer of (?:its |our )?assets|bankruptcy|insolvency|reorgani[sz]ation|change (?:of|in) (?:corporate )?(?:control|ownership)|business transfer|divestiture|(?:one of|among|part of) the transferred (?:business )?assets)\b/);
/** Every cue in a sentence (the verbless-item check reads all of them). */
const LEGAL_PROCESS_ALL = new RegExp(LEGAL_PROCESS.source, 'g');
const OWNER_CHANGE_ALL = new RegExp(OWNER_CHANGE.source, 'g');
/** Verbs that move data to someone (share hits that are not "use" of a party). */
const DISCLOSING_VERB = /^(?:shar|disclos|provid|giv|transfer|transmit|sen[dt]|releas|report|exchang|pass|distribut|rent|sell|sold|sale|trad|leas|suppl|furnish|reveal|mak|made)/;
/** A paragraph that opens an exception run: "... except as follows.", "in the following circumstances:". */
const PARAGRAPH_LEAD_END = /(?::|\bas follows\.?|\b(?:in|under) the following (?:circumstances|cases|situations|ways|instances|conditions)\.?|\bthe following (?:parties|third parties|recipients)\.?)\s*$/;
/** Advice to the user, not our practice: "never give your password to anyone", "we recommend that you do not disclose it". */
// a sentence that bars children below an age: not intended / directed / allowed, not knowingly
// collected, must be at least N, only with a parent's involvement or consent
const CHILD_GATE =
  /\bnot (?:\w+ )?(?:intended|directed|designed|targeted|meant|allowed|permitted|eligible)\b|\b(?:not|never|n't) (?:\w+ )?knowingly\b|\bmust (?:be|have)\b|\b(?:may|can|should|must) not (?:use|register|create|sign|access|provide|submit)|\bonly with (?:the )?(?:involvement|consent|permission|supervision)|\bparental consent\b|\bprohibit\w*|\bminimum age\b|\bage limit\b/;
const ADVICE = /(?:^\W*|[,;:]\s*)(?:please\s+)?(?:never|do not|don't|dont)\s+(?!we\b)[a-z]+|\b(?:recommend|advise|encourage|urge|suggest|remind)\w*\b[^.;]{0,30}\byou\b|\byou (?:should|must) (?:not|never)\b/;
/** Data kept to ourselves: "for internal use only", "solely for internal purposes", "used only internally". */
const INTERNAL_ONLY = /\b(?:for|to)\s+(?:our\s+|its\s+)?internal\s+(?:business\s+)?(?:use|purposes)\s+only\b|\b(?:solely|only|exclusively|strictly)\s+(?:for|to)\s+(?:our\s+|its\s+)?internal\s+(?:business\s+)?(?:use|purposes)\b(?!\s*(?:,\s*)?(?:such as|including|like)\b)|\b(?:used|kept|processed)\s+(?:only|solely|strictly)\s+internally\b/;
/** The user's data put on our site, a publication: "this information is shared on the website", "your reviews are displayed on our site". */
const PUBLISHED_ON_SITE =
  /\b(?:this|that|such|these|those|your|their)\s+(?:[a-z-]+\s+){0,2}(?:information|data|details|names?|usernames?|profiles?|photos?|reviews?|comments?|posts?)\s+(?:is|are|will be|may be|can be|would be)\s+(?:also\s+|then\s+|publicly\s+)?(?:shared|displayed|shown|posted|published|listed)\s+on\s+(?:the|our)\s+(?:[a-z0-9.-]+\s+)?(?:website|web site|site|home ?page)\b/;
/** What is kept for internal use must be data: "the answers you give us", "your e-mail address". */
const INTERNAL_DATA = /\b(?:information|info|data|details|addresse?s?|e-?mail|names?|numbers?|profiles?|it|they|them|pii|answers?|responses?|submissions?|content|records?|results?|feedback)\b/;
/** A publication denied: a passive state ("is never publicly visible") or an act ("we do not publicly display"). */
const PUBLIC_DENIED =
  /\b(?:is|are|be|been|remains?)\s+(?:not|never)\s+(?:(?:be|made|ever)\s+)*publicly\s+(?:visible|viewable|available|accessible|displayed|shown|posted|disclosed|listed)\b|\b(?:(?:do|does|will|shall|would)\s+not|never|won't|don't|doesn't)\s+(?:ever\s+)?publicly\s+(?:display|post|disclose|share|publish|list|show|reveal|expose)\b/;
/** A publication stated: "display this information publicly", "publicly post". */
// (verbs ending in a silent "e" take "d" / drop it: "publicly disclosed", "shared publicly", "disclosing")
const PUBLIC_ACT_VERB = String.raw`(?:display(?:s|ed|ing)?|post(?:s|ed|ing)?|publish(?:es|ed|ing)?|report(?:s|ed|ing)?|disclos(?:e|es|ed|ing)|shar(?:e|es|ed|ing)|releas(?:e|es|ed|ing)|list(?:s|ed|ing)?|show(?:s|n|ed|ing)?|expos(?:e|es|ed|ing))`;
const PUBLIC_ACT = new RegExp(String.raw`\b${PUBLIC_ACT_VERB}\b[^.;,]{0,40}?\bpublicly\b|\bpublicly\s+${PUBLIC_ACT_VERB}\b`);
/** What a publication worded as a state publishes: data, content, or a pronoun for it. */
const PUBLISHED_THING = /\b(?:information|info|data|details|content|contributions?|posts?|postings?|profiles?|names?|usernames?|user ?names?|comments?|reviews?|photos?|pictures?|videos?|messages?|activit(?:y|ies)|actions|edits?|changes?|addresse?s?|numbers?|everything|anything|whatever|it|they)\b/;
/** A web address in running text. */
const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>()\]]+|\bwww\.[^\s<>()\]]+/g;
/** We give data to the public: "we occasionally release ... to the general public". */
const WE_RELEASE = /\bwe\b(?:\s+[a-z]+){0,3}\s+(?:releas|shar|disclos|provid|distribut|publish|mak|transfer|giv)\w*\b[^.;]{0,120}$/;
/** Named parties that "these service providers" may point back at: providers of a service to us. */
const PROVIDER_KINDS = new Set(['processor', 'analytics_provider', 'payment_provider', 'advertising_partner']);
/** A label's head noun that names a party: "Fraud Prevention Entities:", "Corporate Transaction Organizations:". */
const LABEL_PARTY_NOUN = /\b(?:entities|organi[sz]ations|companies|businesses|parties|firms|institutions|agencies|bodies|platforms|providers|partners|recipients)\s*$/;
/** Tracking technology of third parties: "third-party cookies", "third party tags and pixels". */
const THIRD_PARTY_TECH = /\bthird[- ]part(?:y|ies)(?:'s?)?\s+(?:advertising\s+|analytics\s+|tracking\s+)?(?:cookies|tags|pixels|web beacons|beacons|tracking technologies|trackers|technologies|sdks|scripts)\b/;
/** A negation right before it ("we will not"). */
const NEG_BEFORE_ACT = /\b(?:not|never|no longer|n't|cannot)\s+(?:[a-z]+\s+){0,2}$/;
/** Data around a denied publication (its subject or object). */
const DATA_BEFORE_OR_AFTER = /\b(?:information|info|data|details|statistics|addresse?s?|e-?mail|names?|numbers?|profiles?|it|they|them|pii|identit(?:y|ies))\b/;
/** Verbs whose denial, with no party named, denies any disclosure ("send", "provide", "report" need their "to"). */
const DENIAL_VERB = /^(?:shar|disclos|releas|exchang|distribut|trad|reveal|giv|transfer|pass|mak|made)/;
/** Data as the object of a denied disclosure: "share it", "disclose such information", "release your e-mail address". */
const DENIED_OBJECT =
  /^\s*(?:(?:any|all|your|our|their|the|this|that|these|those|such|of|personal(?:ly)?|identifiable|identifying|individual|private|specific|customer|user|member|contact|mailing|subscriber|[a-z]+'s?)[\s-]+){0,5}(?:information|info|data|details|it|them|this|these|such|lists?|names?|e-?mail(?: addresse?s?)?|addresse?s?|numbers?|records?|files?|content|messages?|communications?|correspondence|profiles?|snapshots?|reports?|results?|submissions?|responses?|answers?|entries|identit(?:y|ies)|pii)\b/;
/** A passive's data subject: "your information will never be disclosed", "they are not shared". */
const DENIED_PASSIVE_SUBJECT =
  /\b(?:information|info|data|details|it|they|lists?|names?|addresse?s?|numbers?|records?|files?|content|messages?|profiles?|snapshots?|reports?|results?|submissions?|responses?|answers?|entries|pii)\b[^.;:]{0,40}\b(?:is|are|be|been|will be|may be|shall be|gets?|get)\s+(?:(?:not|never|ever|no longer|in any way|otherwise|further|also)\s+)*$/;
/** A party given by a pronoun after a transfer preposition: "with others", "to anyone else". */
const PRONOUN_PARTY = /\b(?:with|to)\s+((?:any |no )?(?:others|one else|anyone else|anybody(?: else)?|outsiders|other persons|any other (?:person|party|company|entity|organi[sz]ation)s?))\b/g;
/** A group named by its brand: "other IAC businesses", "the Acme family of companies". */
const NAMED_GROUP = /\b(?:[Oo]ther|[Oo]ur|[Ii]ts|[Tt]he)\s+((?:[A-Z][A-Za-z0-9&.'-]*|[a-z]+[A-Z][A-Za-z0-9]*)(?:\s+(?:[A-Z][A-Za-z0-9&.'-]*)){0,2})\s+(?:businesses|companies|brands|subsidiaries|affiliates|entities|properties|family of (?:companies|brands|businesses|websites|sites))\b/g;
/** The user is the subject of the verb that follows ("you may share", "users can disclose"). */
const USER_SUBJECT_BEFORE = new RegExp(USER_SUBJECT + String.raw`\s+(?:[a-z]+\s+){0,2}$`);
const NOT_GROUP_NAME = /^(?:affiliated|related|other|partner|third|group|sister|parent|member|participating|selected|trusted|corporate|service|advertising|marketing|business|outside|unaffiliated|non|independent|such|these|those|certain|all|any|some|our|its)\b/i;

type Facet = 'data_categories' | 'purposes' | 'recipients' | 'rights' | 'retention' | 'transfers' | 'security' | 'sources';

interface Candidate {
  id: string;
  name?: string;
  polarity: Polarity;
  modality: Modality;
  condition?: string;
  exception?: string;
  confidence: number;
  rule: string;
  evidence: Evidence;
  identifiability?: 'aggregated' | 'anonymous';
  data?: string[];
  purposes?: string[];
  via?: string[];
  sold?: boolean;
  ads?: boolean;
  period?: string | null;
  kind?: string;
  countries?: string[];
  safeguards?: string[];
}

/** Items keyed by facet, id, name and polarity; every supporting passage is kept. */
class Store {
  readonly items = new Map<string, { facet: Facet; item: ItemBase & Record<string, unknown> }>();
  /** Passages already kept, by item key: line and quote (a common item of a long policy has thousands). */
  private readonly seen = new Map<string, Set<string>>();

  add(facet: Facet, c: Candidate): void {
    const key = `${facet}|${c.id}|${c.name ?? ''}|${c.polarity}`;
    const hit = this.items.get(key);
    if (!hit) {
      const item: ItemBase & Record<string, unknown> = {
        id: c.id,
        ...(c.name ? { name: c.name } : {}),
        polarity: c.polarity,
        modality: c.modality,
        ...(c.condition ? { condition: c.condition } : {}),
        ...(c.exception ? { exception: c.exception } : {}),
        source: 'inferred',
        confidence: c.confidence,
        rule: c.rule,
        ...(c.identifiability ? { identifiability: c.identifiability } : {}),
        evidence: [c.evidence],
      };
      if (facet === 'purposes') item.data_categories = [...(c.data ?? [])];
      if (facet === 'recipients') {
        item.data_categories = [...(c.data ?? [])];
        item.purposes = [...(c.purposes ?? [])];
        if (c.sold !== undefined) item.sold = c.sold;
        if (c.ads) item.shared_for_ads = true;
      }
      if (facet === 'rights') item.via = [...(c.via ?? [])];
      if (facet === 'retention') {
        item.period = c.period ?? null;
        item.kind = c.kind ?? 'limited';
        item.data_categories = [...(c.data ?? [])];
      }
      if (facet === 'transfers') {
        item.countries = [...(c.countries ?? [])];
        item.safeguards = [...(c.safeguards ?? [])];
      }
      this.items.set(key, { facet, item });
      return;
    }
    const item = hit.item;
    let seen = this.seen.get(key);
    if (!seen) this.seen.set(key, (seen = new Set(item.evidence.map((e) => `${e.lines[0]}|${e.quote}`))));
    const passage = `${c.evidence.lines[0]}|${c.evidence.quote}`;
    if (!seen.has(passage)) {
      seen.add(passage);
      item.evidence.push(c.evidence);
    }
    // the strongest statement wins: asserted > conditional > hedged
    const rank = (m: Modality) => (m === 'asserted' ? 2 : m === 'conditional' ? 1 : 0);
    if (rank(c.modality) > rank(item.modality) && !c.rule.endsWith('.anaphora')) {
      item.modality = c.modality;
      if (c.modality === 'asserted') delete item.condition;
    }
    if (!item.condition && c.condition && item.modality !== 'asserted') item.condition = c.condition;
    if (c.confidence > (item.confidence ?? 0)) item.confidence = c.confidence;
    if (item.identifiability && !c.identifiability) delete item.identifiability;
    const merge = (k: string, v?: string[]) => {
      if (!v) return;
      const arr = item[k] as string[] | undefined;
      if (arr) for (const x of v) if (!arr.includes(x)) arr.push(x);
    };
    merge('data_categories', c.data);
    merge('purposes', c.purposes);
    merge('via', c.via);
    merge('countries', c.countries);
    merge('safeguards', c.safeguards);
    if (c.sold === true) item.sold = true;
    if (c.ads) item.shared_for_ads = true;
  }
}

interface Sentence extends Span {
  block: Block;
  text: string; // mask slice
  lead: string; // mask text of the lead-in, '' if none
  paraLead: string; // for a paragraph in a run after "... except as follows.": that lead-in (recipients only)
  classes: Set<string>;
  /** The first cell of a row of a table whose header names its rows' recipients (recipients only). */
  tableRow?: boolean;
}

/**
 * A recipient table: its header's first cell names the parties ("Categories of recipients", "Who we
 * share with", "Third parties we disclose to") and the header is about giving data, not receiving
 * it ("Third party sources we receive data from" lists sources).
 */
const TABLE_PARTY_HEAD = /\brecipients?\b|\bwho(?:m)?\b|\b(?:third[- ]part(?:y|ies)|part(?:y|ies)|partners?|companies|organi[sz]ations|entities)\b/;
const TABLE_GIVING_HEAD = /\brecipients?\b|\b(?:shar|disclos|sold|sell|transferr?|provid)\w*\s+(?:[a-z]+\s+){0,3}?(?:with|to)\b|\bto whom\b|\bwith whom\b|\bwho (?:we|it) (?:share|disclose|sell|give)/;
const TABLE_SOURCE_HEAD = /\bfrom\b|\bsources?\b|\breceiv/;
const DELIMITER_ROW = /^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$/;
/**
 * Whether the cell starting at `start` opens a row of a recipient table (read from the source lines).
 * `memo` holds the verdict of every table line looked at, by its offset: a row looks up one line to
 * the row above it, so a long table costs a step per row (it was a walk to the header for every
 * row, capped at 400 lines, past which a table's rows were no longer read as recipients).
 */
function recipientTableCell(text: string, start: number, memo: Map<number, boolean>): boolean {
  const ls = text.lastIndexOf('\n', start - 1) + 1;
  if (!/^[ \t]*\|?[ \t]*(?:\*\*)?$/.test(text.slice(ls, start))) return false;
  const known = memo.get(ls);
  if (known !== undefined) return known;
  const rows = [ls];
  let verdict = false;
  for (let end = ls - 1; end > 0; ) {
    const ps = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(ps, end);
    if (!line.includes('|')) break;
    const above = memo.get(ps);
    if (above !== undefined) {
      verdict = above;
      break;
    }
    if (DELIMITER_ROW.test(line)) {
      const header = text.slice(text.lastIndexOf('\n', ps - 2) + 1, Math.max(0, ps - 1)).toLowerCase().replace(/[*_`]/g, '');
      const first = header.replace(/^\s*\|/, '').split('|')[0] ?? '';
      verdict = TABLE_PARTY_HEAD.test(first) && TABLE_GIVING_HEAD.test(header) && !TABLE_SOURCE_HEAD.test(header);
      rows.push(ps);
      break;
    }
    rows.push(ps);
    end = ps - 1;
  }
  for (const r of rows) memo.set(r, verdict);
  return verdict;
}

const textOf = (st: DocumentStructure, s: { start: number; end: number }) => st.mask.slice(s.start, s.end);
const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

/** An organisation's name filling a whole fragment ("Acme Media", "the Foo Group", "eBay"), or undefined. */
function orgName(fragment: string): string | undefined {
  const nm = /^\s*(?:the\s+)?((?:[A-Z][A-Za-z0-9&'’.-]*|[a-z]+[A-Z][A-Za-z0-9]*)(?:\s+(?:[A-Z][A-Za-z0-9&'’.-]*|&|of|de)){0,3})\s*$/.exec(fragment.replace(/[*_[\]]/g, ''));
  return nm?.[1]!.replace(/[.,]+$/, '');
}

const NOT_NAMES =
  /^(?:We|Us|Our|You|Your|They|Their|The|This|These|Those|Such|Other|Others|Any|All|Some|Certain|Third|Privacy|Policy|Service|Services|Site|Sites|Website|Websites|Web|Internet|Terms|Affiliates?|Partners?|Service Providers?|Vendors?|Advertisers?|Companies|Company|Inc|Information|Personal|Data|Cookies?|Google|Facebook|Twitter)$|^(?:Privacy|Terms|Cookie)\b|^[A-Z]{1,2}$/;

/** "you can request a list of the information we have shared": a right to know, not a practice. */
function aboutDisclosuresOf(t: string): boolean {
  return /\b(?:request|obtain|ask for|receive)\b[^.]{0,60}\b(?:list|notice|disclosures?|details|information (?:about|regarding|concerning|on|as to))\b[^.]{0,80}\b(?:shared|disclosed|disclosure|sharing|shares|discloses)\b/.test(t);
}

/**
 * The innermost heading is about security ("How We Protect Your Information"), and is not the
 * policy's own title ("Privacy and Security Policy" covers everything under it).
 */
function securitySection(section: string[]): boolean {
  const inner = (section[section.length - 1] ?? '').toLowerCase();
  return /\b(?:secur|protect|safeguard)/.test(inner) && !/\b(?:polic(?:y|ies)|statement|notice)\b/.test(inner);
}

function isCookieLike(t: string): boolean {
  return /\bcookies?\b|\bweb beacons?\b|\bpixels?\b/.test(t);
}

function sectionClasses(section: string[]): Set<string> {
  const out = new Set<string>();
  const inner = section.slice(-2).map((s) => s.toLowerCase());
  for (const title of inner) for (const [cls, re] of SECTION_CLASSES) if (re.test(title)) out.add(cls);
  return out;
}

interface VerbHit {
  kind: 'collect' | 'use' | 'share';
  start: number;
  end: number;
  negated: boolean;
}

const TO_OURSELVES = /\b(?:to|with) us\b/;

const QUOTE_MARKS = /['"\u201c\u201d\u2018\u2019\u00ab\u00bb]/g;

function verbs(text: string): VerbHit[] {
  const out: VerbHit[] = [];
  const add = (re: RegExp, kind: VerbHit['kind']) => {
    for (const m of execAll(re, text)) out.push({ kind, start: m.index, end: m.index + m[0].length, negated: false });
  };
  add(COLLECT_RE, 'collect');
  add(USE_RE, 'use');
  add(SHARE_RE, 'share');
  out.sort((a, b) => a.start - b.start);
  // negation: a cue followed by the verb with only auxiliaries/adverbs/coordinated verbs between
  for (const cue of execAll(NEG_CUE_RE, text)) {
    const cueEnd = cue.index + cue[0].length;
    let from = cueEnd;
    let negatedOne = false;
    for (const v of out) {
      if (v.start < from) continue;
      // quotation marks are no words: 'we do not "sell" or "share" it' (CCPA wording) denies both verbs
      const gap = text.slice(from, v.start).replace(QUOTE_MARKS, '');
      // a coordinated verb phrase: "will not connect to X, share it with Y, or post"
      const coordinated = negatedOne && gap.length <= 70 && /(?:,\s*(?:or\s+|nor\s+)?|\s(?:or|nor)\s+)(?:[a-z]+ly\s+)?$/.test(gap) && !/\b(?:but|however|instead|and then|although)\b|[;:]/.test(gap);
      // the first practice verb after a denied other verb, joined by "or": "does not send spam or sell e-mail addresses"
      const afterOtherVerb =
        !negatedOne && gap.length <= 40 && (/^\s+(?:[a-z-]+\s+){1,4}(?:or|nor)\s+$/.test(gap) || /^\s+[a-z-]+\s*,\s*$/.test(gap)) && !/\b(?:but|however|that|which|who|whom|if|when|because|unless|except|only|than|we|you|they|it|is|are|be)\b|[;:]/.test(gap);
      // "nor do we give it to others": the inverted auxiliary after "nor"
      const inverted = cue[0] === 'nor' && /^\s+(?:do|does|did|will|would|shall|can|may)\s+(?:we|they|it|i)\s+$/.test(gap);
      if (!coordinated && !afterOtherVerb && !inverted && (gap.length > 45 || !NEG_GAP_RE.test(gap))) break;
      v.negated = true;
      negatedOne = true;
      from = v.end;
    }
  }
  // "no personal information is collected", "we collect no information"
  if (/^(?:no|none of)\b/.test(text) || /^(?:[a-z]+ ){0,3}(?:no|none of the) (?:personal |identifiable )?(?:information|data)\b/.test(text)) for (const v of out) v.negated = true;
  for (const v of out) if (/^\s+no (?:personal|identifiable|information|data|such)\b/.test(text.slice(v.end, v.end + 30))) v.negated = true;
  // "there are also no cookies used by this site", "no personal data is stored": "no" + the object, then the verb
  for (const v of out) if (/\bno\s+(?:(?!(?:to|that|which|if|when|for|need|matter|longer|way|more|one)\b)[a-z-]+\s+){1,3}(?:(?:is|are|was|were|will be|being|gets|get)\s+)?$/.test(text.slice(Math.max(0, v.start - 50), v.start))) v.negated = true;
  // "it is against our policy to release ...": a denial worded as a rule of the company
  for (const v of out) if (/\bagainst\s+(?:our|its|the|[a-z0-9.-]+'s)\s+(?:[a-z]+\s+)?(?:policy|policies|practice|principles)\s+to\s+(?:[a-z]+ly\s+)?$/.test(text.slice(Math.max(0, v.start - 60), v.start))) v.negated = true;
  return out;
}

export function run(doc: ParsedDocument, options: ExtractOptions): ExtractResult {
  const diagnostics: Diagnostic[] = [];
  const fmr = readFrontMatter(doc);
  diagnostics.push(...fmr.diagnostics);
  const st = buildStructure(doc);
  const meta = buildMeta(doc, st, fmr.data, options.id, diagnostics, fmr.lineOf);
  const model = emptyModel(meta);
  model.controller = findController(doc, st, fmr.data);
  const lex = loadLexicon();
  const store = new Store();
  const mask = st.mask;
  const wideMask = /[^\x00-\xff]/.test(mask);
  // "... with Acme", the service by the first word of its name (a denial of disclosure to ourselves is none)
  const ownWord = model.controller.name?.toLowerCase().split(/\s+/)[0]!.replace(/[^a-z0-9]/g, '') ?? '';
  const toController = ownWord.length > 2 ? new RegExp(`\\b(?:to|with) ${ownWord}`) : undefined;

  const cookieEv: Evidence[] = [];
  const cookieKinds = new Set<string>();
  let cookieUsed = false;
  let cookieThirdParty = false;
  let cookieModality: Modality | undefined;
  let dnt: PolicyModel['cookies']['do_not_track'] = 'not_mentioned';
  // the block of the last sentence naming Do Not Track: the stance often comes a sentence later
  // ("Browsers can send a Do Not Track signal. We do not respond to this signal.")
  let dntBlock: Block | null = null;
  const childrenEv: Evidence[] = [];
  let minAge: number | null = null;
  let minAgeGate = false;
  let knowingly: boolean | null = null;
  const changeEv: Evidence[] = [];
  let notice: PolicyModel['policy_change']['notice'] = 'none';
  const noticeRank = { none: 0, policy_page: 1, website: 2, personal: 3 } as const;

  const lastData = new Map<string, string[]>();
  // the block each section's last named data came from: "this information" credits that data to a
  // passage only inside the same block (a new paragraph that says "this information is used to ..."
  // is about a use; the data it refers to was disclosed, and credited, where it was named)
  const lastDataBlock = new Map<string, Block>();
  const changeSections = new Set<string>();
  // the paragraph of the last transfer stated (a safeguard named in a later sentence of it joins it)
  let transferBlock = -1;

  // Lexicon matching runs once per block; sentences take their share of the block's matches.
  const inDoc = (table: Pattern[]) => table;
  const T = {
    data: inDoc(lex.data),
    purposes: inDoc(lex.purposes),
    recipients: inDoc(lex.recipients),
    named: inDoc(lex.named),
    rights: inDoc(lex.rights),
    mechanisms: inDoc(lex.mechanisms),
    security: inDoc(lex.security),
  };
  // defined terms for parties ("Service Providers"): lower-cased term -> recipient type id
  const definedParties = new Map<string, string>();
  for (const d of doc.text.matchAll(DEFINITION_RE)) {
    const low = d[1]!.toLowerCase();
    const hit = matchAll(T.recipients, low).find((m) => m.start === 0 && m.end === low.length);
    if (hit && !['group_company', 'other_users', 'public'].includes(hit.id) && !definedParties.has(low)) definedParties.set(low, hit.id);
  }
  // parties mentioned so far (framed or not), for "that service" / "these third parties"
  const partyMemory: { sec: string; block: number; id: string; name?: string; text: string }[] = [];
  let blockNo = 0;
  // the actor frame (src/extract/actor.ts): this paragraph opens as about other parties; the last
  // block (section key, block number) that mentioned other parties, antecedents of "they"
  let blockFramed = false;
  const nameCounts = new Map<string, number>();
  const nameCount = (name: string) => {
    let n = nameCounts.get(name);
    if (n === undefined) nameCounts.set(name, (n = doc.text.split(name).length - 1));
    return n;
  };
  let othersAt: { sec: string; block: number } | undefined;
  let blockCache = new Map<Pattern[], Match[]>();
  let currentBlock: Block | undefined;
  const sentenceMatches = (table: Pattern[], s: Span): Match[] => {
    let all = blockCache.get(table);
    if (!all) {
      const b = currentBlock!;
      all = matchAll(table, mask.slice(b.start, b.end), lex.index, table === T.rights, wideMask).map((m) => ({ ...m, start: m.start + b.start, end: m.end + b.start }));
      blockCache.set(table, all);
    }
    const out: Match[] = [];
    for (const m of all) if (m.start >= s.start && m.end <= s.end) out.push({ ...m, start: m.start - s.start, end: m.end - s.start });
    return out;
  };

  // An exception list written as paragraphs: "We do not share your information except as follows."
  // then one paragraph per case ("Service providers. We ...", "Legal requirements. ..."). Each
  // paragraph of the run is in the lead-in's frame, as a list item is (for recipients only). The run
  // ends at the next heading (a line used as a heading, as the cases' own titles often are, does not
  // end it), at a list (which takes the lead-in itself) or when the section leaves the lead-in's.
  let paraLead: { text: string; section: string[] } | undefined;
  // a section's classes depend on its last two titles only; blocks of a section share them (read-only)
  const classesBySection = new Map<string, Set<string>>();
  // recipient tables: the verdict of each table line looked at, by its offset
  const tableMemo = new Map<number, boolean>();
  const inSection = (inner: string[], outer: string[]) => inner.length >= outer.length && outer.every((h, i) => inner[i] === h);
  for (let bi = 0; bi < st.blocks.length; bi++) {
    const block = st.blocks[bi]!;
    if (paraLead && (block.kind === 'item' || (block.kind === 'heading' && !block.pseudoHeading) || !inSection(block.section, paraLead.section))) paraLead = undefined;
    if (block.kind === 'heading' || block.toc) continue;
    const secKeyOf = block.section.slice(-2).join('\u0000');
    let classes = classesBySection.get(secKeyOf);
    if (!classes) classesBySection.set(secKeyOf, (classes = sectionClasses(block.section)));
    const leadBlock = block.leadIn !== undefined ? st.blocks[block.leadIn] : undefined;
    const lead = leadBlock ? collapse(textOf(st, leadBlock)) : '';
    const paragraphLead = block.kind === 'paragraph' && paraLead ? paraLead.text : '';
    const tableRow = block.kind === 'cell' && recipientTableCell(doc.text, block.start, tableMemo);
    if (block.kind === 'paragraph') {
      const text = collapse(textOf(st, block));
      if (PARAGRAPH_LEAD_END.test(text) && verbs(text).some((v) => v.kind === 'share')) paraLead = { text, section: block.section };
    }
    const secKey = block.section.join('\u0000');
    blockCache = new Map();
    currentBlock = block;
    blockNo = bi;
    lex.index.scan(mask, block.start, block.end);
    blockFramed = false;
    let firstSentence = true;
    for (const sp of splitSentences(mask, block.start, block.end)) {
      const s: Sentence = { ...sp, block, text: mask.slice(sp.start, sp.end), lead, paraLead: paragraphLead, classes, tableRow };
      if (firstSentence) {
        firstSentence = false;
        blockFramed = block.kind !== 'item' && framesOthers(s.text, verbs(s.text)[0]?.start ?? -1, model.controller.name);
      }
      const [firstLine, lastLine] = doc.lines.span(s.start, s.end);
      if (lastLine - firstLine >= 29) continue;
      analyse(s, secKey);
    }
  }

  function ev(s: Span, block: Block, rule: string): Evidence {
    return makeEvidence(doc, s.start, s.end, block.section, rule);
  }

  function analyse(s: Sentence, secKey: string): void {
    const t = s.text;
    const evCache = new Map<string, Evidence>();
    const e = (rule: string) => {
      let hit = evCache.get(rule);
      if (!hit) evCache.set(rule, (hit = ev(s, s.block, rule)));
      return { ...hit, section: [...hit.section] };
    };
    const clauses = splitClauses(mask, s).map((c) => ({ ...c, rel: c.start - s.start, relEnd: c.end - s.start }));
    const clauseOf = (pos: number) => clauses.find((c) => pos >= c.rel && pos < c.relEnd) ?? clauses[clauses.length - 1]!;
    const vs = verbs(t);
    const leadVs = s.lead ? verbs(s.lead) : [];
    const hasVerb = vs.length > 0;
    const leadHas = leadVs.length > 0;
    const choice = CHOICE_FRAME_RE.test(t);
    // publication worded as a state ("is publicly visible", "made public"): of data or content only
    // ("these choices are available to everyone" publishes nothing)
    const publicState = !PUBLIC_FRAME_RE.test(t) && PUBLIC_STATE_GATE.test(t) ? PUBLIC_STATE_RE.exec(t) : null;
    const stateOnly = publicState !== null && PUBLISHED_THING.test(t.slice(Math.max(0, publicState.index - 120), publicState.index + publicState[0].length + 60));
    const publicFrame = stateOnly || PUBLIC_FRAME_RE.test(t);
    const ident = IDENTIFIABILITY_RE.test(t);
    const isDnt = DNT_RE.test(t);
    if (isDnt) dntBlock = s.block;
    const dntFollow = !isDnt && s.block === dntBlock && t.includes('signal') && /\b(?:this|that|such|these|those|the) (?:dnt |browser )?signals?\b/.test(t);
    const hedged = HEDGE_RE.test(t);
    const condM = CONDITION_RE.exec(t);
    const excM = EXCEPTION_RE.exec(t);
    const rawSlice = (a: number, b: number) => collapse(doc.text.slice(s.start + a, s.start + b)).replace(/[*_]+/g, '');
    const clauseText = (m: RegExpExecArray | null) => {
      if (!m) return undefined;
      const rest = t.slice(m.index);
      const stop = /[,;:](?=\s)|\.$|$/.exec(rest.slice(m[0].length + 3));
      const end = m.index + m[0].length + 3 + (stop ? stop.index : rest.length);
      return rawSlice(m.index, Math.min(end, t.length)).replace(/[.,;:]$/, '');
    };
    const condition = clauseText(condM);
    const exception = clauseText(excM);
    const modalityFor = (clauseRel: { rel: number; relEnd: number }): Modality => {
      const ct = t.slice(clauseRel.rel, clauseRel.relEnd);
      if (HEDGE_RE.test(ct) || (hedged && !condition)) return 'hedged';
      if (condition || (s.lead && CONDITION_RE.test(s.lead) && !leadHas)) return 'conditional';
      return hedged ? 'hedged' : 'asserted';
    };
    const base = (pos: number, rule: string, conf: number) => {
      const c = clauseOf(pos);
      const modality = modalityFor(c);
      return {
        modality,
        ...(condition && modality !== 'asserted' ? { condition } : {}),
        confidence: conf,
        rule,
        evidence: e(rule),
      };
    };
    /** The practice verb governing a mention: the nearest one before it in its clause, else the first after. */
    const governing = (pos: number, kinds: VerbHit['kind'][]) => {
      const c = clauseOf(pos);
      const inClause = vs.filter((v) => v.start >= c.rel && v.start < c.relEnd && kinds.includes(v.kind));
      const before = inClause.filter((v) => v.end <= pos);
      return before.length ? before[before.length - 1] : inClause.find((v) => v.start >= pos);
    };
    const negatedIn = (pos: number, kinds: VerbHit['kind'][]) => {
      if (choice) return false;
      const c = clauseOf(pos);
      const inClause = vs.filter((v) => v.start >= c.rel && v.start < c.relEnd && kinds.includes(v.kind));
      return inClause.length > 0 && inClause.every((v) => v.negated);
    };
    const disclaimerAt = (pos: number) => {
      const c = clauseOf(pos);
      return DISCLAIMER_RE.test(t.slice(c.rel, c.relEnd));
    };

    // ---- frames that make a sentence about something other than a data practice
    const rightMatches = sentenceMatches(T.rights, s);
    const policyChangeFrame = /\b(?:update|change|modify|revise|amend)s? (?:to )?(?:this|our|the) (?:privacy )?(?:policy|statement|notice)/.test(t);
    // the user-facing and agency tests run only for a sentence that names a right (most do not):
    // the same answers, a few large regular expressions fewer per sentence
    const rightsFrame =
      rightMatches.length > 0 &&
      (() => {
        // an instruction addressed to the user with no "you": "To turn this off, go to Settings" (access3)
        const instruction = /^(?:to|in order to) [^,.;]{1,100}, (?:please )?(?:go|click|tap|visit|select|open|navigate)\b/.test(t);
        const userFacing = instruction || /\byou(?:r)?\b|\bright(?:s)?\b|\brequests?\b|\busers?\b|\bcustomers?\b|\bmembers?\b|\bindividuals?\b|\bvisitors?\b|\bconsumers?\b|\bresidents?\b/.test(t) || s.classes.has('rights');
        // "we will delete your profile within 90 days of your request" answers the user (access4)
        const weDo = /^(?:we|(?!(?:users?|members?|customers?|subscribers?|visitors?|individuals?|consumers?|parents?|residents?) )[a-z]+ (?:will|may))\b/.test(t) && !/\byou\b|\byour requests?\b/.test(t);
        const agency = instruction || AGENCY_RE.test(t) || (s.classes.has('rights') && s.block.kind === 'item');
        return userFacing && agency && !policyChangeFrame && !weDo && !(isCookieLike(t + ' ' + s.lead) && rightMatches.every((m) => !/cookie|opt_out|decline/.test(m.id)) && /\b(?:help|allow|enable)s? you\b/.test(t));
      })();
    const secContext = s.classes.has('security') || /\b(?:secur|safeguard|encrypt|ssl|tls|https|firewall|confidential|unauthori[sz]ed|breach|protect(?:ed|s|ion)? (?:your|the|against|personal|all|our)|password[- ]protect)/.test(t);
    const secMatches = secContext && !isDnt ? sentenceMatches(T.security, s) : [];
    const tr = findTransfer(t);
    const trFrame = tr !== null && tr.frame;
    const childFrame = /\b(?:child(?:ren|'s)?|kids|minors|coppa|(?:under|below) (?:the age of )?(?:1[0-9]|thirteen|sixteen|eighteen)|(?:younger|less) than (?:1[0-9]|thirteen|sixteen|eighteen)|parental consent)\b/.test(t) && !/\bchild (?:pornography|abuse)\b/.test(t);
    const ret = findRetention(t);
    // the practice is another party's ("At other search engines, ...", "AOL released ..."): it says
    // nothing of the service's own data, purposes or recipients
    const othersNearby = !!othersAt && othersAt.sec === secKey && othersAt.block === blockNo;
    const othersAct = otherActor({ t, raw: doc.text.slice(s.start, s.end), firstVerb: vs[0]?.start ?? -1, controller: model.controller.name, nameCount, blockFramed, othersNearby });
    if (othersAct) othersAt = { sec: secKey, block: blockNo };
    const otherFrame = rightsFrame || secMatches.length > 0 || trFrame || childFrame || choice || policyChangeFrame || DISCLAIMER_RE.test(t) || META_FRAME_RE.test(t) || ret !== null;

    // ---- data categories
    const guards: [number, number][] = [];
    for (const m of execAll(lex.dataGuards, t)) guards.push([m.index, m.index + m[0].length]);
    const dataMatches = sentenceMatches(T.data, s).filter((m) => !guards.some(([a, b]) => m.start < b && m.end > a));
    const anaphoric = (() => {
      lex.anaphora.lastIndex = 0;
      return lex.anaphora.test(t);
    })();
    const explicitData = [...new Set(dataMatches.map((m) => m.id))];
    const contextData = explicitData.length ? explicitData : anaphoric || !hasVerb ? (lastData.get(secKey) ?? []) : [];
    const practice = hasVerb || (s.block.kind === 'item' && leadHas) || (s.block.kind === 'item' && (s.classes.has('collection') || s.classes.has('use') || s.classes.has('sharing')));
    const isCookieSentence = dataMatches.some((m) => m.id === 'online.cookies');
    const definitional = /^(?:an? |the )?(?:cookies?|web beacons?|pixel tags?|clear gifs?|ip address(?:es)?|log files?)(?: is| are| \(| refers)/.test(t);

    // data named in a sentence that is not a statement of practice (see DATA_OTHER_FRAME_RE)
    // a list item under "This policy outlines:" names a topic; a sentence of a security section with
    // no verb of collecting or sharing (access, store and keep are what security sentences do to data:
    // "Passwords are required to access your account") names data it protects
    const dataOtherFrame =
      DATA_OTHER_FRAME_RE.test(t) ||
      (s.block.kind === 'item' && !!s.lead && /:\s*$/.test(s.lead) && META_FRAME_RE.test(s.lead.split(/(?<=[.!?]["')\]]*)\s+/).pop()!)) ||
      (securitySection(s.block.section) && !vs.some((v) => v.kind === 'share') && !/\b(?:collect\w*|gather\w*|obtain\w*|receiv\w*|record\w*|log(?:s|ged|ging)?|captur\w*|track\w*|(?:you|users) (?:may )?(?:provide|give|submit|enter))\b/.test(t));
    if (practice && !isDnt && !otherFrame && !dataOtherFrame && !othersAct) {
      for (const m of dataMatches) {
        if (disclaimerAt(m.start)) continue;
        const c = clauseOf(m.start);
        const ct = t.slice(c.rel, c.relEnd);
        let polarity: Polarity = 'positive';
        const gov = choice ? undefined : governing(m.start, ['collect', 'use', 'share']);
        if (gov?.negated && gov.kind !== 'share') polarity = 'negative';
        else if (gov?.negated) continue; // "we do not share X": says nothing of collection
        if (definitional && m.id !== 'online.cookies') continue;
        // "personal information, such as your name and address": the examples say which data; the
        // generic term credits nothing of its own (generic means data left unspecified)
        if (m.id === 'generic.personal_information' && /^[^.;:]{0,40}?\b(?:such as|including|like|e\.g\.|for example|namely|for instance)\b/.test(t.slice(m.end)) && dataMatches.some((d) => d.start > m.end && d.id !== m.id)) continue;
        const idf = ident && IDENTIFIABILITY_RE.test(ct) ? (/aggregat/.test(ct) ? 'aggregated' : 'anonymous') : undefined;
        store.add('data_categories', {
          id: m.id,
          polarity,
          ...base(m.start, polarity === 'negative' ? 'data.negated' : hasVerb ? 'data.practice' : 'data.lead-in', hasVerb ? 0.8 : 0.65),
          ...(idf ? { identifiability: idf } : {}),
        });
      }
      if (!explicitData.length && anaphoric && contextData.length && hasVerb && vs.some((v) => !v.negated) && lastDataBlock.get(secKey) === s.block) {
        for (const id of contextData)
          store.add('data_categories', { id, polarity: 'positive', ...base(0, 'data.anaphora', 0.5) });
      }
    }
    if (explicitData.length) {
      lastData.set(secKey, explicitData);
      lastDataBlock.set(secKey, s.block);
    }

    // ---- cookies, Do Not Track
    if (isDnt || dntFollow) {
      const td = t.replace(/\bdo[- ]not[- ]track\b/g, 'dnt');
      const neg = /\b(?:not|n't|no)\b[^.]{0,40}\b(?:respond|honou?r|recogni[sz]e|support|act on|comply|track(?:ing)? signals|process|alter|change)|\b(?:not|n't)\b[^.]{0,20}\btake (?:any )?action|\b(?:ignore|disregard)|\bno (?:\w+ )?(?:standard|uniform|industry|consensus)/.test(td);
      const pos = /\b(?:we|site)\b[^.]{0,30}\b(?:honou?r|respect|respond to|recogni[sz]e|comply with|support)s?\b/.test(td);
      if (neg) dnt = 'not_honored';
      else if (pos && dnt === 'not_mentioned') dnt = 'honored';
      cookieEv.push(e('cookies.dnt'));
    } else if (isCookieSentence && !definitional && !othersAct) {
      const m = dataMatches.find((x) => x.id === 'online.cookies')!;
      const negated = negatedIn(m.start, ['use', 'collect']) && !/\bsession\b/.test(t);
      if (!negated && (hasVerb || /\bcookies? (?:are|is|will be|may be)\b/.test(t))) {
        cookieUsed = true;
        const md = modalityFor(clauseOf(m.start));
        if (!cookieModality || (md === 'asserted' && cookieModality !== 'asserted')) cookieModality = md;
      }
      if (!negated) for (const k of t.matchAll(/\b(?:(session|persistent|flash|third[- ]party|first[- ]party|analytics|advertising|functional|essential|strictly necessary|performance) )?(cookies?|web ?beacons?|pixel(?: tags?)?|clear gifs?|local storage|local shared objects?|lsos?|e-?tags?|sdks?|fingerprint(?:ing)?)\b/g)) {
        const kind = k[2]!.replace(/s$/, '');
        const norm = /beacon|pixel|gif|web bug/.test(kind) ? 'web_beacons' : /local|lso/.test(kind) ? 'local_storage' : /etag|e-tag/.test(kind) ? 'etags' : /sdk/.test(kind) ? 'sdks' : /fingerprint/.test(kind) ? 'fingerprinting' : 'cookies';
        cookieKinds.add(norm);
        if (k[1]) cookieKinds.add(`${k[1].replace(/[- ]/g, '_')}_cookies`.replace('_cookies_cookies', '_cookies'));
        if (k[1] && /third/.test(k[1])) cookieThirdParty = true;
      }
      if (/\b(?:third[- ]part(?:y|ies)|advertis\w*|analytics|partners?|google|vendors?|service providers?)\b/.test(t) && !negated) cookieThirdParty = true;
      cookieEv.push(e('cookies.mention'));
    }

    // "you can request a list of the information we have shared with third parties" (California's
    // Shine the Light law) is a right to know about sharing, not a statement that sharing happens,
    // nor that data is used for the purpose it names ("... for their direct marketing purposes")
    const aboutDisclosures = aboutDisclosuresOf(t);

    // ---- purposes
    const purposeGate = (practice || isCookieSentence || s.classes.has('use')) && !otherFrame && !definitional && !aboutDisclosures;
    // a retention statement that gives its reason: "kept ..., since improving X depends on the data"
    const causeAt = ret !== null && !rightsFrame && !secMatches.length && !trFrame && !childFrame && !choice && !policyChangeFrame ? /\b(?:since|because|as)\b/.exec(t.slice(ret.index)) : null;
    const purposeMatches = (purposeGate || causeAt) && !isDnt && !othersAct
      ? sentenceMatches(T.purposes, s).filter(
          (m) => (purposeGate || (causeAt !== null && m.start > ret!.index + causeAt.index)) && (!dataMatches.some((d) => d.start <= m.start && m.end <= d.end) || /relevant|tailor|personal/.test(t.slice(m.start, m.end))),
        )
      : [];
    const purposeIds: string[] = [];
    for (const m of purposeMatches) {
      if (disclaimerAt(m.start)) continue;
      // acquisitions and legal duties are purposes of disclosure, only where something is disclosed
      if (m.id === 'merger_acquisition' && !vs.some((v) => v.kind === 'share' || v.kind === 'use') && !leadHas) continue;
      const polarity: Polarity = negatedIn(m.start, ['use', 'share', 'collect']) ? 'negative' : 'positive';
      if (polarity === 'positive') purposeIds.push(m.id);
      store.add('purposes', { id: m.id, polarity, ...base(m.start, 'purpose.lexicon', 0.7), data: polarity === 'positive' ? contextData : [] });
    }

    // ---- recipients
    // a group named by its brand ("other IAC businesses", "the Acme family of companies") is one
    // party: a group company with that name (none when it is the policy's own name), replacing the
    // lexicon's unnamed mentions inside it
    const namedGroups: Match[] = [];
    for (const gm of execAll(NAMED_GROUP, doc.text.slice(s.start, s.end))) {
      const name = gm[1]!.replace(/[.'-]+$/, '');
      if (NOT_GROUP_NAME.test(name) || NOT_NAMES.test(name)) continue;
      const ownName = namesController(name, model.controller.name);
      namedGroups.push({ id: 'group_company', ...(ownName ? {} : { name }), start: gm.index + gm[0].indexOf(gm[1]!), end: gm.index + gm[0].length });
    }
    // (a party word inside a web address names no party: ".../privacy/github-subprocessors")
    const urlSpans = t.includes('http') || t.includes('www.') ? execAll(URL_IN_TEXT, t).map((u) => [u.index, u.index + u[0].length] as const) : [];
    const recMatches = [...sentenceMatches(T.recipients, s), ...sentenceMatches(T.named, s)].filter((r) => !namedGroups.some((g) => g.start <= r.start && r.end <= g.end) && !namedGroups.some((g) => r.start < g.end && r.end > g.start && r.name) && !urlSpans.some(([a, b]) => r.start >= a && r.end <= b));
    recMatches.push(...namedGroups);
    // "another business" is a buyer only in a merger
    const mergerHere = /\b(?:merger|merge[sd]?|acqui\w+|sale of|sold|bankrupt\w*|reorgani[sz]\w*|successor)\b/.test(t);
    // "the analytics provider does not receive ..." reads as a choice to the choice cue ("not receive"),
    // which is the user's ("you may choose not to receive e-mails"); with a party as subject it is a
    // denial of disclosure, so for recipients such a phrase does not make the sentence a choice
    const recChoice = choice && CHOICE_FRAME_RE.test(t.replace(NOT_RECEIVE_BY_PARTY, ' '));
    const recipientGate = !othersAct && !isDnt && !recChoice && !trFrame && !rightsFrame && !aboutDisclosures && !META_FRAME_RE.test(t);
    // a paragraph of an exception run is framed by its lead-in as a list item is
    const rLead = s.lead || s.paraLead;
    const rItem = s.block.kind === 'item' || s.paraLead !== '';
    const rLeadVs = rLead === s.lead ? leadVs : verbs(rLead);
    const frameCtx: FrameContext = {
      t,
      shares: partyShares(t, vs.filter((v) => v.kind === 'share')),
      lead: rLead,
      leadShares: partyShares(rLead, rLeadVs.filter((v) => v.kind === 'share')),
      isItem: rItem,
      paraRun: s.block.kind !== 'item' && rItem,
      sharingSection: s.classes.has('sharing'),
      tableRow: s.tableRow === true,
      parties: recMatches.map((r) => ({ start: r.start, end: r.end })),
    };
    /** Parties mentioned before, in this section and its last few blocks: antecedents of "that service". */
    const earlierParties = (withinBlocks: number) =>
      partyMemory.filter((p) => p.sec === secKey && p.block >= blockNo - withinBlocks && !['other_users', 'public'].includes(p.id));
    const anaphoraRule = 'recipient.anaphora';
    // "these companies", "such businesses": the class of party named just before (in this section's
    // last blocks), if there is one; remembered as that class for later anaphora too
    const demonstrativeType = new Map<Match, string>();
    for (const r of recMatches) {
      if (r.id !== 'third_party' || r.name || !/^(?:these|those|such) /.test(t.slice(r.start, r.end))) continue;
      const ante = earlierParties(2).filter((p) => !p.name && !/^(?:these|those|such) /.test(p.text)).pop();
      if (ante) demonstrativeType.set(r, ante.id);
    }
    /** Named parties of this paragraph so far, else of the list items right above it (and their lead-in). */
    const listedBefore = () => {
      const blocks = new Set<number>([blockNo]);
      let b = blockNo - 1;
      while (b >= 0 && st.blocks[b]!.kind === 'item') blocks.add(b--);
      if (b >= 0 && blocks.size > 1) blocks.add(b);
      return partyMemory.filter((p) => p.sec === secKey && blocks.has(p.block) && p.name && !['other_users', 'public'].includes(p.id));
    };
    if (recMatches.length && recipientGate) {
      const sell = SELL_RE.test(t);
      const accepted: Match[] = [];
      const framed: { end: number; frame: Frame }[] = [];
      const exemplarType = new Map<Match, string>();
      for (const m of [...recMatches].sort((a, b) => a.start - b.start || a.end - b.end)) {
        if (disclaimerAt(m.start)) continue;
        const isPublic = m.id === 'public' || m.id === 'other_users';
        let frame = recipientFrame(frameCtx, m.start, m.end, m.id);
        // a party listed after one in a frame: "service providers, such as payment processors"
        if (!frame) {
          const prev = framed.filter((f) => f.end <= m.start).pop();
          if (prev && /^(?:\s*(?:,|\(|\band\b|\bor\b|and\/or|such as|including|like|e\.g\.,?|i\.e\.,?|for example,?|namely)\s*)+(?:(?!(?:as|an?|is|are|was|were|which|who|that)\b)[a-z-]+\s+){0,2}$/.test(t.slice(prev.end, m.start))) frame = prev.frame;
        }
        if (frame) framed.push({ end: m.end, frame });
        // (a publication worded as a state makes the public a recipient, not other users named in passing)
        if (!frame && !(isPublic && publicFrame && !(stateOnly && m.id === 'other_users'))) continue;
        if (m.name && namesController(m.name, model.controller.name)) continue;
        if (m.id === 'acquirer' && !s.tableRow && !/\b(?:merger|acqui|sale of|sold|bankrupt|reorgani|transfer of (?:assets|business|ownership)|successor|business transfer)|\b(?:buyer|purchaser)s? of (?:our|the|its|a|any) (?:business|company|companies|assets)/.test(t)) continue;
        // advice to the user ("never share your password with anyone") discloses nothing of ours
        if (m.id === 'public' && /^any(?:one|body)/.test(t.slice(m.start, m.end)) && ADVICE.test(t)) continue;
        if (m.id === 'public' && !publicFrame && !(frame?.kind === 'transfer' && /^(?:the )?(?:general )?public$/.test(t.slice(m.start, m.end)) && WE_RELEASE.test(t.slice(0, m.start))) && !/\b(?:mak|made|post|display|publish|shar|disclos|avail|visib|view|access)\w*\b[^.;]{0,40}\b(?:public(?:ly)?|the public|anyone)\b/.test(t) && !(frame?.negated && /^any(?:one|body)/.test(t.slice(m.start, m.end)) && /\b(?:sold|sell|rent|leas|trad|giv|releas|transfer|provid|reveal|exchang)\w*\b[^.;]{0,40}\bany(?:one|body)\b/.test(t))) continue;
        let polarity: Polarity = frame?.negated ? 'negative' : 'positive';
        if (publicFrame && isPublic) polarity = 'positive';
        if (polarity === 'positive') accepted.push(m);
        // a defined term names the party: `organizations that help us ("Service Providers")`, "Our Service Providers"
        let id = exemplarType.get(m) ?? demonstrativeType.get(m) ?? m.id;
        let name = m.name;
        // "companies outside our corporate family": not a group company, a third party
        if (id === 'group_company' && frame?.kind !== 'excepted' && OUTSIDE_GROUP.test(t.slice(Math.max(0, m.start - 60), m.start))) id = 'third_party';
        // "other businesses of our group", "companies within our corporate family": group companies
        if (id === 'third_party' && !name && /^\s+(?:of|in|within|belonging to|that (?:are|is) part of|that belong to)\s+(?:our|the|its)\s+(?:own\s+)?(?:corporate\s+)?(?:group|family(?: of companies)?)\b/.test(t.slice(m.end, m.end + 60))) id = 'group_company';
        // "other companies to provide services on our behalf": a party that acts for us is a processor
        if (id === 'third_party' && !name && ACTING_FOR_US.test(t.slice(m.end, m.end + 100))) id = 'processor';
        // a class exemplified by a named party ("analytics vendors, such as Google Analytics") is that
        // party: one item, with the class's type when the name alone says less
        if (!name) {
          const ex = recMatches.find((r) => r.name && r.start >= m.end && EXEMPLIFIED.test(t.slice(m.end, r.start)));
          if (ex) {
            if (ex.id === 'third_party' && id !== 'public' && id !== 'other_users') exemplarType.set(ex, id);
            continue;
          }
        }
        if (!name && definedParties.size) {
          const raw = doc.text.slice(s.start + m.start, s.start + m.end);
          const def = BEFORE_DEFINITION.exec(t.slice(m.end));
          const term = definedParties.has(raw.toLowerCase()) && /^[A-Z]/.test(raw) && raw.split(/\s+/).every((w) => /^[A-Z]/.test(w)) ? raw : def && definedParties.has(def[1]!) ? doc.text.slice(s.start + m.end + def.index + def[0].lastIndexOf(def[1]!), s.start + m.end + def.index + def[0].lastIndexOf(def[1]!) + def[1]!.length) : undefined;
          if (term) {
            name = term;
            id = definedParties.get(term.toLowerCase())!;
          }
        }
        // "these and other third parties may collect ...": the organisations named just before (in
        // this paragraph, or in the list right above it and its lead-in) collect too
        if (polarity === 'positive' && frame && PLURAL_ANAPHOR_BEFORE.test(t.slice(Math.max(0, m.start - 40), m.start))) {
          const seen = new Set<string>();
          // (a class points back at named parties of its own class only: "these partners and resellers"
          // are not the affiliate named in the item before)
          for (const p of listedBefore().filter((p) => m.id === 'third_party' || p.id === m.id || (m.id === 'processor' && PROVIDER_KINDS.has(p.id)))) {
            const key = `${p.id}|${p.name}`;
            if (seen.has(key)) continue;
            seen.add(key);
            store.add('recipients', { id: p.id, ...(p.name ? { name: p.name } : {}), polarity: 'positive', ...base(m.start, anaphoraRule, 0.55), data: contextData, purposes: purposeIds });
          }
          // "these third parties" are the parties named before, nobody else ("these and other" adds others)
          if (seen.size && !/\band\b[^.;]{0,25}$/.test(t.slice(Math.max(0, m.start - 40), m.start))) continue;
        }
        const c = clauseOf(m.start);
        const ct = t.slice(c.rel, c.relEnd);
        const clauseSells = SELL_RE.test(ct) || (sell && polarity === 'negative');
        const b = base(m.start, polarity === 'negative' ? 'recipient.negated' : `recipient.${frame?.kind ?? 'public'}`, m.name ? 0.75 : 0.7);
        // "never shared with anyone": no one at all, so no third party either
        // (not advice to the user: "never share your password with anyone")
        // ("not shared with anyone" denies a disclosure, and is read as that one item: a denied
        // publication is a separate statement, "is never publicly visible")
        if (polarity === 'negative' && id === 'public' && /^any(?:one|body)$/.test(t.slice(m.start, m.end)) && !/\bpasswords?\b/.test(t) && !/^\W*(?:please\s+)?(?:never|do not|don't|dont)\b/.test(t)) {
          store.add('recipients', { id: 'third_party', polarity, ...b, data: [], purposes: [] });
          continue;
        }
        store.add('recipients', {
          id,
          ...(name ? { name } : {}),
          polarity,
          ...b,
          data: polarity === 'positive' ? contextData : [],
          purposes: polarity === 'positive' ? purposeIds : [],
          ...(clauseSells ? { sold: polarity === 'positive' } : {}),
          ads: polarity === 'positive' && (m.id === 'advertising_partner' || purposeIds.some((p) => /advertising/.test(p))),
        });
      }
      // organisations named after a recipient word: "advertising partners such as Acme Media and Foo Inc."
      const raw = doc.text.slice(s.start, s.end);
      const intro = (tail: string) => /^[^.;:]{0,20}?\b(?:such as|including|like|e\.g\.,?|for example,?|namely,?)\s+/.exec(tail);
      // an organisation's name, not the service's own nor one already named in the sentence
      const usable = (name: string) => !NOT_NAMES.test(name) && !(model.controller.name && name.includes(model.controller.name)) && !recMatches.some((r) => r.name && name.toLowerCase().includes(r.name.toLowerCase().split(' ')[0]!));
      const addNamed = (m: Match, name: string) =>
        store.add('recipients', { id: m.id === 'public' || m.id === 'other_users' ? 'third_party' : m.id, name, polarity: 'positive', ...base(m.start, 'recipient.named-in-list', 0.6), data: contextData, purposes: purposeIds });
      for (const m of accepted) {
        if (m.name) continue;
        const tail = raw.slice(m.end, m.end + 160);
        const listed = intro(tail);
        // or in a parenthesis right after the class: "our push notification provider (currently Acme
        // Push)", "an analytics vendor (Foo Metrics)": the organisation that fills the role
        const paren = listed ? null : /^\s*\(\s*(?:(?:currently|presently|at present|now|today|i\.e\.,?|namely,?|that is,?)\s+)?([^()]{2,60})\)/.exec(tail);
        if (paren) {
          const name = orgName(paren[1]!);
          // not an abbreviation of the class itself ("(ISPs)", "(EEA)")
          if (name && !/^[A-Z]{2,6}s?$/.test(name) && usable(name)) addNamed(m, name);
          continue;
        }
        if (!listed) continue;
        for (const cand of tail.slice(listed[0].length).split(/[;)(:]|\.(?=\s|$)|\s(?:and|or)\s|,\s*(?:and|or)?\s*/).slice(0, 5)) {
          const name = orgName(cand);
          if (!name) break;
          if (usable(name)) addNamed(m, name);
        }
      }
    }
    // "we do not share ... except as required by law": a conditional disclosure to authorities (also
    // when the sentence names no party: "we do not sell, rent or share any of your information unless required by law")
    if (recipientGate && excM && LEGAL_RE.test(t.slice(excM.index)) && vs.some((v) => v.kind === 'share' && v.negated) && !recMatches.some((r) => r.id === 'public_authority')) {
      store.add('recipients', { id: 'public_authority', polarity: 'positive', ...base(excM.index, 'recipient.exception', 0.6), modality: 'conditional', ...(exception ? { condition: exception } : {}), data: contextData, purposes: ['legal_compliance'] });
    }
    // "we do not share ... except as necessary to fulfil a transaction you have requested": the other
    // party of the transaction (a merchant, a shipper, a bank) receives the data, named by context
    // (also stated: "we share your details as needed to complete an order you placed")
    const txM = recipientGate ? TRANSACTION_REQUESTED.exec(t) : null;
    if (txM && !disclaimerAt(txM.index)) {
      const v = vs.filter((x) => x.kind === 'share' && x.end <= txM.index && DISCLOSING_VERB.test(t.slice(x.start, x.end))).pop();
      const c = clauseOf(txM.index);
      const partyNear = recMatches.some((r) => (r.end <= txM.index && txM.index - r.end <= 60) || (r.start >= txM.index && r.start < c.relEnd));
      const ok = v && !USER_SUBJECT_BEFORE.test(t.slice(Math.max(0, v.start - 30), v.start)) && (!v.negated || EXCEPTION_RE.test(t.slice(v.end, txM.index)));
      if (ok && !partyNear) store.add('recipients', { id: 'third_party', polarity: 'positive', ...base(txM.index, 'recipient.transaction', 0.55), ...(v!.negated ? { modality: 'conditional' as const } : {}), data: contextData, purposes: purposeIds });
    }
    // ---- parties named by context, with no party word in the sentence: "to respond to subpoenas,
    // court orders or legal process" (an authority), "in connection with a merger or sale of assets"
    // (a buyer). A list item without a verb of its own inherits its lead-in's disclosure frame ("We
    // may disclose your information:", or a section heading "Circumstances in which we disclose data"
    // when the list has no lead-in paragraph); a sentence needs a disclosing verb of its own.
    if (recipientGate && !recMatches.length) {
      const own = frameCtx.shares.filter((v) => DISCLOSING_VERB.test(t.slice(v.start, v.end)));
      const leadDisc = frameCtx.leadShares.filter((v) => DISCLOSING_VERB.test(rLead.slice(v.start, v.end)));
      for (const [id, cue, cueAll, purpose] of [
        ['public_authority', LEGAL_PROCESS, LEGAL_PROCESS_ALL, 'legal_compliance'],
        ['acquirer', OWNER_CHANGE, OWNER_CHANGE_ALL, 'merger_acquisition'],
      ] as const) {
        const cm = cue.exec(t);
        if (!cm || disclaimerAt(cm.index)) continue;
        // an item with no practice verb of its own ("legal process" is no use of data)
        const cueSpans = execAll(cueAll, t).map((x) => [x.index, x.index + x[0].length] as const);
        const verbless = rItem && !own.length && !vs.some((v) => v.kind !== 'share' && !cueSpans.some(([a, b]) => v.start < b && v.end > a));
        const inherited = verbless && (leadDisc.length > 0 || (!rLead && s.classes.has('sharing')));
        let negated = false;
        if (own.length) {
          // a denial ("we do not share ... unless required by law") is the exception rule's
          const v = own.filter((x) => x.start < cm.index).pop() ?? own[0]!;
          if (v.negated || USER_SUBJECT_BEFORE.test(t.slice(Math.max(0, v.start - 40), v.start))) continue;
        } else if (inherited) {
          const lv = leadDisc[leadDisc.length - 1];
          negated = !!lv && lv.negated && !LEAD_EXCEPTION.test(rLead.slice(lv.end));
        } else continue;
        store.add('recipients', { id, polarity: negated ? 'negative' : 'positive', ...base(cm.index, 'recipient.context', 0.55), data: negated ? [] : contextData, purposes: negated ? [] : [...new Set([purpose, ...purposeIds])] });
      }
    }
    // a label that names a party the lexicon does not know, before a colon: "Fraud Prevention
    // Entities: We may disclose personal data to help prevent fraud". The label ends in a party noun
    // and the sentence after it gives data away and names no party of its own (a source sentence,
    // "... we receive information from ...", names no recipient).
    if (recipientGate && t.indexOf(':') > 0 && s.start === s.block.start) {
      const lab = labelOf(t, 0);
      const labelText = lab ? t.slice(0, lab) : '';
      if (lab && LABEL_PARTY_NOUN.test(labelText) && !recMatches.some((r) => r.start < lab) && !LABEL_SOURCE.test(t.slice(lab + 1))) {
        const own = labelVerbs(t, lab, frameCtx.shares);
        if (labelGives(t, lab, own, recMatches) && !own.every((v) => v.negated)) {
          store.add('recipients', { id: 'third_party', polarity: 'positive', ...base(0, 'recipient.label', 0.55), data: contextData, purposes: purposeIds });
        }
      }
    }
    // third-party tracking technology that collects: "we may employ third-party cookies to gather data
    // for interest-based advertising" (the party that sets them collects; its type from the purpose)
    if (recipientGate && t.includes('third')) {
      const tech = THIRD_PARTY_TECH.exec(t);
      if (tech && !disclaimerAt(tech.index) && !NEG_BEFORE_ACT.test(t.slice(Math.max(0, tech.index - 30), tech.index)) && !/\b(?:block|disable|reject|refuse|delete|decline|opt out)\w*\b[^.;]{0,40}$/.test(t.slice(0, tech.index))) {
        const c = clauseOf(tech.index);
        const clause = t.slice(c.rel, c.relEnd);
        const collects = /\b(?:collect|gather|track|record|obtain|receive|log|measure|analy[sz]e|monitor)\w*\b/.exec(clause);
        if (collects && !/\b(?:not|never)\b|n't\b/.test(clause.slice(0, Math.max(0, collects.index)))) {
          const id = /\b(?:advertis\w*|ads?|interest[- ]based|marketing|retarget\w*)\b/.test(t) ? 'advertising_partner' : /\b(?:analytic\w*|measur\w*|statistic\w*)\b/.test(t) ? 'analytics_provider' : 'third_party';
          store.add('recipients', { id, polarity: 'positive', ...base(tech.index, 'recipient.third-party-tech', 0.55), data: contextData, purposes: purposeIds });
        }
      }
    }
    // a party given by a pronoun: "we will not share your information with others", "to anyone else"
    const pronounAt: number[] = [];
    if (recipientGate) {
      for (const pm of execAll(PRONOUN_PARTY, t)) {
        const pStart = pm.index + pm[0].length - pm[1]!.length;
        const pEnd = pm.index + pm[0].length;
        if (recMatches.some((r) => r.start < pEnd && r.end > pStart) || disclaimerAt(pStart)) continue;
        const frame = recipientFrame(frameCtx, pStart, pEnd, 'third_party');
        if (!frame || frame.kind !== 'transfer') continue;
        // "sharing with others": a feature of the service, whoever shares; "visible to others": other users
        if (/\bsharing\s+$/.test(t.slice(Math.max(0, pm.index - 12), pm.index))) continue;
        const exposed = /\b(?:visible|viewable|available|accessible|displayed|shown|seen)\s*$/.test(t.slice(0, pm.index));
        const negated = frame.negated || /^no /.test(pm[1]!);
        store.add('recipients', { id: exposed ? 'other_users' : 'third_party', polarity: negated ? 'negative' : 'positive', ...base(pStart, negated ? 'recipient.negated' : 'recipient.transfer', 0.6), data: negated ? [] : contextData, purposes: negated ? [] : purposeIds });
        pronounAt.push(pStart);
      }
    }
    // "we may share information with that service": the party named before it (in the sentence, else
    // in the last blocks of the section); "this service" is usually the site itself and is not read
    if (recipientGate) {
      for (const a of execAll(SINGULAR_PARTY_ANAPHOR, t)) {
        const aStart = a.index;
        const aEnd = aStart + a[0].length;
        if (/[A-Z]/.test(doc.text.slice(s.start + aStart, s.start + aEnd))) continue; // "that Service": a defined term of the site
        if (recMatches.some((r) => r.start < aEnd && r.end > aStart)) continue;
        const frame = recipientFrame(frameCtx, aStart, aEnd, 'third_party');
        if (!frame || frame.negated || disclaimerAt(aStart)) continue;
        // "that service will send your information to us": a source, not a recipient
        if (/^\s+(?:may|might|will|can|could|would|also|then|automatically|sends?|shares?|provides?|gives?|discloses?)\b[^.;]{0,100}?\b(?:to|with) us\b/.test(t.slice(aEnd))) continue;
        // the antecedent has the same head noun: "a social networking service, such as Facebook, ...
        // that service"; "an organization ... that organization" is some organisation, not one named before
        const head = a[0].split(' ').pop()!.replace(/(?:y|e)$/, '');
        const headRe = new RegExp(`\\b${head}\\w*`, 'g');
        const earlier = [...t.slice(0, aStart).matchAll(headRe)].pop();
        const usable = (r: Match) => !['other_users', 'public'].includes(r.id) && (r.id !== 'acquirer' || mergerHere);
        let ante: { id: string; name?: string } | undefined;
        const before = earlierParties(2).filter((p) => new RegExp(`\\b${head}`).test(p.text)).pop();
        if (earlier) {
          const r = recMatches.filter((x) => usable(x) && x.end <= aStart && x.end >= earlier.index - 40).sort((x, y) => Number(!x.name) - Number(!y.name) || x.start - y.start)[0];
          // "another business is involved ... that business": one of the businesses of the paragraph
          const indefinite = /\b(?:an?|another|one|some)\s+(?:[a-z-]+\s+){0,2}$/.test(t.slice(Math.max(0, earlier.index - 30), earlier.index));
          ante = r ? { id: r.id, ...(r.name ? { name: r.name } : {}) } : indefinite && before ? before : { id: 'third_party' };
        } else ante = before;
        if (!ante) continue;
        if (ante.name && model.controller.name && ante.name.toLowerCase().includes(model.controller.name.toLowerCase())) continue;
        store.add('recipients', { id: ante.id, ...(ante.name ? { name: ante.name } : {}), polarity: 'positive', ...base(aStart, anaphoraRule, 0.55), data: contextData, purposes: purposeIds });
      }
    }
    for (const r of recMatches) if (r.id !== 'acquirer' || mergerHere) partyMemory.push({ sec: secKey, block: blockNo, id: demonstrativeType.get(r) ?? r.id, ...(r.name ? { name: r.name } : {}), text: t.slice(r.start, r.end) });

    // sale, stated or denied, with no recipient named
    let saleParty = false;
    if (SELL_RE.test(t) && vs.some((v) => v.kind === 'share') && !isDnt && !choice && (/\b(?:information|data)\b/.test(t) || explicitData.length > 0)) {
      // the sale of data by us: not "if you rent or purchase textbooks", not "sooner ... than sell"
      const sellVerb = vs.find(
        (v) =>
          v.kind === 'share' &&
          SELL_RE.test(t.slice(v.start, v.end + 12)) &&
          // the data after the verb, or before a passive one ("your information is never sold or rented")
          // (in the same clause: "for every event for which we sell tickets, we ... disclose your name" sells no data)
          (/^(?:(?!,\s*(?:we|you|they|it|he|she)\b)[^.;]){0,70}?\b(?:information|data|lists?|names?|addresse?s?|details|it|them)\b/.test(t.slice(v.end)) ||
            (/^(?:sold|rented|leased|traded)\b/.test(t.slice(v.start, v.end)) && /\b(?:information|data|lists?|names?|addresse?s?|details|it|they)\b[^.;]{0,30}\b(?:is|are|be|been|will be|may be|shall be|gets?)\s+(?:(?:not|never|ever|no longer)\s+)?$/.test(t.slice(Math.max(0, v.start - 80), v.start)))) &&
          !USER_SUBJECT_BEFORE.test(t.slice(Math.max(0, v.start - 30), v.start)) && !/\bthan\s+$/.test(t.slice(Math.max(0, v.start - 30), v.start)),
      );
      if (sellVerb) {
        const polarity: Polarity = sellVerb.negated ? 'negative' : 'positive';
        if (!recMatches.length) {
          store.add('recipients', { id: 'third_party', polarity, ...base(sellVerb.start, 'recipient.sale', 0.6), data: polarity === 'positive' ? contextData : [], sold: polarity === 'positive' });
          saleParty = true;
        }
        store.add('purposes', { id: 'sale_of_data', polarity, ...base(sellVerb.start, 'purpose.sale', 0.6), data: polarity === 'positive' ? contextData : [] });
      }
    }
    // a denial with no party word that is not a sale: "we will not share it", "your e-mail address is
    // never disclosed", "we do not trade or exchange this information". Data that goes to no one goes
    // to no third party either. The denied verb must move data (not "send you e-mail"), its object
    // (or the subject of a passive) must be data, and we must be the one denying (not "never share
    // your password", "you do not have to disclose ...", nor "does not reveal ... to us").
    // (a party named in another clause leaves this one's denial alone: "Acme may display statistics
    // publicly or provide them to others. However, Acme does not disclose ...")
    if (recipientGate && !saleParty && !ADVICE.test(t)) {
      const partyAt = [...recMatches.map((r) => r.start), ...pronounAt];
      const denied = vs.find((v) => {
        if (v.kind !== 'share' || !v.negated || !DENIAL_VERB.test(t.slice(v.start, v.end))) return false;
        const c = clauseOf(v.start);
        if (partyAt.some((p) => p >= Math.max(c.rel, v.start - 40) && p < c.relEnd)) return false;
        const pre = t.slice(Math.max(0, v.start - 40), v.start);
        // the user or another party denies ("we ask that they not disclose it"): not our denial
        if (USER_SUBJECT_BEFORE.test(pre) || /\b(?:they|he|she)\s+(?:[a-z']+\s+){0,2}$/.test(pre)) return false;
        // "we cannot ensure that your information will never be disclosed": a disclaimer, not a denial
        if (disclaimerAt(v.start) || DISCLAIMER_RE.test(t.slice(0, v.start))) return false;
        const clauseAfter = t.slice(v.end).split(/[.;:]|,\s*(?:but|however|although|while|and (?:we|you|they))\b/)[0] ?? '';
        // "not shared with us" / "not shared with Acme" (the service itself) denies no third party
        if (TO_OURSELVES.test(clauseAfter.slice(0, 80)) || toController?.test(clauseAfter.slice(0, 80))) return false;
        const objectData = DENIED_OBJECT.test(clauseAfter.slice(0, 80));
        const passiveData = /^(?:shared|disclosed|released|exchanged|distributed|traded|revealed|given|transferred|passed|made)\b/.test(t.slice(v.start, v.end)) && DENIED_PASSIVE_SUBJECT.test(t.slice(Math.max(0, v.start - 240), v.start).replace(/\([^()]*\)/g, ''));
        return objectData || passiveData;
      });
      if (denied) store.add('recipients', { id: 'third_party', polarity: 'negative', ...base(denied.start, 'recipient.denial', 0.55), data: [], purposes: [] });
      // data kept "for internal use only" goes to no third party: a denial with no share verb (not
      // when the sentence also gives data to someone, nor when it is advice or about a party of its own)
      else if (t.includes('internal') && !recMatches.length && !vs.some((v) => v.kind === 'share' && !v.negated)) {
        const io = INTERNAL_ONLY.exec(t);
        if (io && !disclaimerAt(io.index) && INTERNAL_DATA.test(t.slice(Math.max(0, io.index - 120), io.index))) {
          store.add('recipients', { id: 'third_party', polarity: 'negative', ...base(io.index, 'recipient.internal-only', 0.5), data: [], purposes: [] });
        }
      }
    }
    // a denied publication: "your IP address is never publicly visible", "we do not publicly display your e-mail"
    if (recipientGate && !ADVICE.test(t)) {
      const pub = PUBLIC_DENIED.exec(t);
      if (pub && !disclaimerAt(pub.index) && DATA_BEFORE_OR_AFTER.test(t.slice(Math.max(0, pub.index - 100), pub.index + pub[0].length + 60).replace(/\([^()]*\)/g, ''))) {
        store.add('recipients', { id: 'public', polarity: 'negative', ...base(pub.index, 'recipient.negated', 0.55), data: [], purposes: [] });
      }
      // and stated: "we may display this information publicly", "comments you post publicly"
      const act = pub ? null : PUBLIC_ACT.exec(t) ?? (t.includes('site') ? PUBLISHED_ON_SITE.exec(t) : null);
      if (act && !disclaimerAt(act.index) && DATA_BEFORE_OR_AFTER.test(t.slice(Math.max(0, act.index - 100), act.index + act[0].length + 60).replace(/\([^()]*\)/g, ''))) {
        const denied = NEG_BEFORE_ACT.test(t.slice(Math.max(0, act.index - 30), act.index));
        store.add('recipients', { id: 'public', polarity: denied ? 'negative' : 'positive', ...base(act.index, denied ? 'recipient.negated' : 'recipient.public', 0.55), data: denied ? [] : contextData, purposes: denied ? [] : purposeIds });
      }
    }
    // public disclosure with no recipient word: "is public information and will not be treated as confidential"
    // (other users named in passing beside a publication worded as a state are not its recipient, so
    // they do not stand in for it: "so that your contacts can find you, your username is always public")
    if (publicFrame && !recMatches.some((r) => r.id === 'public' || (r.id === 'other_users' && !stateOnly))) {
      store.add('recipients', { id: 'public', polarity: 'positive', ...base(0, 'recipient.public-frame', 0.6), data: contextData });
    }

    // ---- rights and choices
    if (rightsFrame && !isDnt) {
      {
        const mech = sentenceMatches(T.mechanisms, s).map((m) => m.id);
        // an announcement of what the policy explains, naming no means, states no right
        const overview = mech.length === 0 && OVERVIEW_RE.test(t);
        // access through another party ("we will refer you to the provider") is not ours to give
        const elsewhere = ELSEWHERE_RE.test(t);
        // a plain line used as a title ("Right to request access to your data") grants nothing (access4)
        const title = rightTitle(t, s.block.kind === 'paragraph' && !s.lead && s.start - s.block.start < 4 && s.block.end - s.end < 4);
        for (const m of rightMatches) {
          if (overview) continue;
          if ((elsewhere || title) && ACCESS_RIGHTS.has(m.id)) continue;
          if (disclaimerAt(m.start) && !/not (?:be )?able/.test(t)) continue;
          if (/\b(?:not|never|cannot|can't|unable)\b[^.;]{0,20}$/.test(t.slice(Math.max(0, m.start - 25), m.start)) && !choice) continue;
          if (ACCESS_RIGHTS.has(m.id) && !userActs(t, m.start, s.lead)) continue;
          if (ACCESS_RIGHTS.has(m.id) && passiveByOther(t.slice(m.end, m.end + 40))) continue;
          let id = m.id;
          if (id === 'opt_out_marketing' && /\b(?:cookies?|advertis\w*|interest[- ]based|behaviou?ral|tracking|analytics|ads)\b/.test(t) && !/\b(?:e-?mails?|newsletters?|mailings?|messages|communications|bulletins)\b/.test(t)) id = 'opt_out_marketing.advertising';
          let via = [...new Set(mech)];
          if (id === 'decline_to_provide' && !via.includes('do_not_use')) via.push('do_not_use');
          if (id === 'cookie_controls' && !via.includes('browser_settings') && /browser/.test(t)) via.push('browser_settings');
          if (id === 'opt_out_marketing' && via.includes('browser_settings') && !/cookie/.test(t)) via = via.filter((v) => v !== 'browser_settings');
          via.sort();
          store.add('rights', { id, polarity: 'positive', ...base(m.start, 'right.lexicon', 0.7), via });
        }
      }
    }

    // ---- security
    {
      for (const m of secMatches) {
        const c = clauseOf(m.start);
        const ct = t.slice(c.rel, c.relEnd);
        if (DISCLAIMER_RE.test(ct) || /\b(?:no|not)\b[^.]{0,30}(?:100%|completely|perfectly|absolutely|fully) secure|\bimpenetrable\b/.test(ct)) continue;
        if (m.id === 'authentication' && !/\b(?:protect|secur|authenticat|factor|access)/.test(t)) continue;
        // advice to the reader ("it is important for you to protect ... your password") is no measure of ours
        if (m.id === 'authentication' && ct.includes('you') && /\b(?:(?:important|up to|responsible) for you|you (?:should|must)|be sure to|(?:encourage|recommend|urge|advise) you)\b/.test(ct)) continue;
        store.add('security', { id: m.id, polarity: 'positive', ...base(m.start, 'security.lexicon', 0.7) });
      }
    }

    // ---- retention
    if (ret && !isDnt) {
      const b = base(ret.index, `retention.${ret.kind}`, ret.period ? 0.8 : 0.6);
      store.add('retention', { id: ret.kind, polarity: 'positive', ...b, period: ret.period, kind: ret.kind, data: contextData, ...(ret.period ? { name: ret.period } : {}) });
    }

    // ---- international transfers
    if (tr) {
      store.add('transfers', { id: 'international', polarity: 'positive', ...base(tr.index, 'transfer.destination', 0.65), countries: tr.countries, safeguards: tr.safeguards });
      transferBlock = s.block.start;
    } else if (transferBlock === s.block.start && !isDnt) {
      const sg = safeguardsAlone(t);
      if (sg.length) store.add('transfers', { id: 'international', polarity: 'positive', ...base(0, 'transfer.safeguard-after', 0.6), countries: [], safeguards: sg });
    }

    // ---- sources (data about the person from elsewhere)
    const src = SOURCE_FROM.exec(t);
    if (src && !negatedIn(src.index, ['collect'])) {
      const w = src[1]!;
      const id = /affiliat/.test(w) ? 'group_company' : /advertis|broker/.test(w) ? 'advertising_partner' : /partner/.test(w) ? 'business_partner' : /service provider/.test(w) ? 'processor' : /public/.test(w) ? 'public' : 'third_party';
      store.add('sources', { id, polarity: 'positive', ...base(src.index, 'source.from', 0.6) });
    }

    // ---- children
    if (childFrame) {
      childrenEv.push(e('children.mention'));
      const age = /\b(?:under|below|younger than|less than|age of|aged?|over|at least)\s+(?:the age of\s+)?(\d{1,2})\b|\b(\d{1,2})\s+(?:years? (?:of age|old)|and (?:under|older|over))/.exec(t);
      const wordAge = /\b(?:under|below|younger than|less than|age of)\s+(?:the age of\s+)?(thirteen|sixteen|eighteen)\b/.exec(t)?.[1];
      const n = age ? Number(age[1] ?? age[2] ?? NaN) : wordAge ? { thirteen: 13, sixteen: 16, eighteen: 18 }[wordAge as 'thirteen'] : NaN;
      // the age of a gate ("not directed to children under 13", "under 18 only with a parent") outranks
      // an age named for something else ("users under 16: we do not sell", "content unsuitable under 18")
      const gate = n >= 6 && n <= 21 && (CHILD_GATE.test(t) || (!!s.lead && CHILD_GATE.test(s.lead.toLowerCase())));
      if (gate && !minAgeGate) {
        minAge = n;
        minAgeGate = true;
      } else if (n >= 6 && n <= 21 && gate === minAgeGate && (minAge === null || n > minAge)) minAge = n;
      if (/\b(?:not|never|n't)\b[^.;]{0,30}\b(?:knowingly|intentionally)?\s*(?:collect|solicit|request|gather|obtain|maintain|market|direct|intend|designed)|\bnot (?:intended|directed|designed|targeted|meant)\b|\b(?:prohibit|must be (?:at least|over))/.test(t)) knowingly ??= false;
      else if (/\b(?:knowingly )?(?:collect|request|obtain)\w*\b[^.;]{0,60}\b(?:from )?(?:children|kids|minors)\b|\bwith (?:verifiable )?parental consent\b/.test(t) && !/\bnot\b/.test(t)) knowingly = true;
    }

    // ---- policy changes
    const changeTrigger = CHANGE_TRIGGER.test(t);
    const noticeCue = /\b(?:notify|notice|post(?:ed|ing|s)?|inform|let you know|e-?mail you|review (?:it|this)|check (?:back|this|our|the))\b/.test(t);
    // a sentence that counts only through its section, and is about notice before a new use or
    // sharing of data ("we will not use ... without first notifying you"), is no policy-change notice
    const newUseNotice = !changeTrigger && noticeCue && !/\b(?:chang|modif|revis|amend)\w*|\bthis (?:privacy )?(?:policy|statement|notice)\b|\bprivacy (?:policy|statement)\b/.test(t) && /\b(?:use|share|disclos\w*|pass\w*|collect\w*)\b[^.;]{0,80}\b(?:information|data)\b|\b(?:information|data)\b[^.;]{0,60}\b(?:used|shared|disclosed)\b/.test(t);
    if (changeTrigger || ((s.classes.has('changes') || changeSections.has(secKey)) && noticeCue && !newUseNotice)) {
      if (changeTrigger) changeSections.add(secKey);
      changeEv.push(e('policy-change.statement'));
      let k: PolicyModel['policy_change']['notice'] = 'none';
      if (/\b(?:notify|inform|alert|contact|tell) (?:you|our (?:subscribers|users|members|customers))\b[^.]{0,60}\b(?:e-?mail|mail|directly|message|notice)|\bnotified to you (?:via|through|by|in)\b(?![^.]{0,30}\b(?:web ?site|site|page|polic(?:y|ies)|statement)\b)|\bsend (?:you )?(?:an? )?(?:e-?mail|notice|notification|message)|\be-?mail (?:you|notification)|\bpersonal notice|\bdirect notice|\bnotif\w+ (?:to )?you by (?:e-?mail|mail)/.test(t)) k = 'personal';
      else if (/\b(?:post|place|display|provide)\w* (?:a |an )?(?:prominent |conspicuous )?(?:notice|announcement|message|banner)|\bpost\w* (?:on|to)\W{1,3}(?:the |our )?(?:[\w.-]+ ){0,2}blog\b|\bnotice (?:on|at) (?:our |the |this )?(?:web ?site|site|home ?page|services?)/.test(t)) k = 'website';
      else if (/\bpost\w*\b[^.]{0,40}\b(?:changes|revised|updated|new|revisions)\b|\bon this page\b|\bin this (?:section|policy|statement|page)\b|\bpublished\b|\b(?:update|revise|change)\w* the (?:"|')?(?:last updated|effective|revision)|\bcheck (?:back|occasionally|periodically|this (?:page|policy)|(?:our|the) (?:web ?site|site)\b[^.]{0,40}\bchanges)|\breview (?:this (?:policy|page|statement)|it (?:frequently|periodically|regularly|often))|\b(?:current|latest|revised|updated) version\b/.test(t)) k = 'policy_page';
      if (noticeRank[k] > noticeRank[notice]) notice = k;
    }
  }

  // ---- assemble
  const vocab = loadVocabulary();
  const order = (section: VocabularySection, id: string) => {
    const terms = vocab[section] ?? [];
    let key = id;
    for (;;) {
      const i = terms.findIndex((x) => x.id === key);
      if (i >= 0) return i;
      const cut = key.lastIndexOf('.');
      if (cut < 0) return terms.length;
      key = key.slice(0, cut);
    }
  };
  const sectionOf: Record<Facet, VocabularySection> = {
    data_categories: 'data_categories',
    purposes: 'purposes',
    recipients: 'recipients',
    rights: 'rights',
    retention: 'retention_kinds',
    transfers: 'recipients',
    security: 'security_measures',
    sources: 'recipients',
  };
  const evOrder = (a: Evidence, b: Evidence) => a.lines[0] - b.lines[0] || a.lines[1] - b.lines[1] || (a.quote < b.quote ? -1 : a.quote > b.quote ? 1 : 0) || ((a.rule ?? '') < (b.rule ?? '') ? -1 : (a.rule ?? '') > (b.rule ?? '') ? 1 : 0);
  const byFacet = new Map<Facet, (ItemBase & Record<string, unknown>)[]>();
  for (const { facet, item } of store.items.values()) {
    item.evidence.sort(evOrder);
    if (item.confidence !== undefined) item.confidence = Math.round(Math.min(0.95, item.confidence + 0.05 * (item.evidence.length - 1)) * 100) / 100;
    for (const k of ['data_categories', 'purposes', 'via', 'countries', 'safeguards'])
      if (Array.isArray(item[k])) (item[k] as string[]).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    (byFacet.get(facet) ?? byFacet.set(facet, []).get(facet)!).push(item);
  }
  for (const [facet, items] of byFacet) {
    const sec = sectionOf[facet];
    items.sort(
      (a, b) =>
        order(sec, a.id) - order(sec, b.id) ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) ||
        byCodeUnit(a.name ?? '', b.name ?? '') ||
        (a.polarity < b.polarity ? 1 : a.polarity > b.polarity ? -1 : 0),
    );
    // a practice stated and also denied: the positive item is kept and the conflict reported
    (model as unknown as Record<string, unknown>)[facet] = items;
  }
  model.purposes = model.purposes as PurposeItem[];
  model.recipients = model.recipients as RecipientItem[];
  model.rights = model.rights as RightItem[];
  model.retention = model.retention as RetentionItem[];
  model.transfers = model.transfers as TransferItem[];

  cookieEv.sort(evOrder);
  model.cookies = {
    used: cookieUsed,
    kinds: [...cookieKinds].sort(),
    third_party: cookieUsed && cookieThirdParty,
    do_not_track: dnt,
    ...(cookieModality ? { modality: cookieModality } : {}),
    evidence: dedupe(cookieEv),
  };
  model.children = { min_age: minAge, collects_knowingly: knowingly, evidence: dedupe(childrenEv.sort(evOrder)) };
  model.policy_change = { notice, evidence: dedupe(changeEv.sort(evOrder)) };

  // ---- what a policy should state and does not
  const warn = (thing: string, message: string) =>
    diagnostics.push({ ruleId: `meta/missing-${thing}`, severity: 'warning', message, start: { line: doc.frontMatter?.line ?? 1, column: 1 }, source: 'extract' });
  if (!model.controller.name) warn('controller', 'The policy does not name who is responsible for the data (the controller)');
  const c = model.controller.contact;
  if (!c || !(c.email || c.url || c.postal_address || c.phone)) warn('contact', 'The policy gives no e-mail, web page, postal address or phone number to contact');
  if (!model.retention.length) warn('retention', 'The policy does not say how long data is kept');
  if (!model.rights.some((r) => r.polarity === 'positive' && ['access', 'rectification', 'erasure', 'portability'].includes(r.id.split('.')[0]!)))
    warn('rights', 'The policy names no right to access, correct or delete data');
  if (!changeEv.length) warn('policy-change', 'The policy does not say how changes to it are announced');
  for (const [facet, items] of byFacet) {
    for (const it of items) {
      if (it.polarity !== 'positive') continue;
      const neg = items.find((o) => o.id === it.id && (o.name ?? '') === (it.name ?? '') && o.polarity === 'negative');
      if (neg)
        diagnostics.push({
          ruleId: 'extract/contradiction',
          severity: 'info',
          message: `${facet} ${it.id}${it.name ? ` (${it.name})` : ''} is both stated (line ${it.evidence[0]!.lines[0]}) and denied (line ${neg.evidence[0]!.lines[0]})`,
          start: { line: neg.evidence[0]!.lines[0], column: 1 },
          source: 'extract',
        });
    }
  }
  diagnostics.push(...checkEvidence(doc, model));
  return { model, diagnostics: sortDiagnostics(diagnostics) };
}

function dedupe(evs: Evidence[]): Evidence[] {
  const seen = new Set<string>();
  return evs.filter((e) => {
    const k = `${e.lines[0]}:${e.lines[1]}:${e.quote}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export type { Match };
