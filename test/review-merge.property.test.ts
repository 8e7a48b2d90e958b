// Property: whatever mix of human and inferred items policy.yaml holds, and whatever the fresh
// extraction finds, --update keeps every human item's bytes, lands on the right set of items,
// produces a valid model, and is idempotent.
import { describe, test, expect } from '@jest/globals';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { mergeReviewed } from '../src/review/index.js';
import { emptyModel, itemKey, type DataCategoryItem, type PolicyModel } from '../src/model/types.js';
import { checkModel } from '../src/validate/schema.js';

const IDS = ['contact.email', 'contact.phone', 'identity.name', 'online.ip_address', 'online.cookies', 'device.info', 'location.approximate', 'activity.usage'];

interface Entry {
  id: string;
  human: 'declared' | 'reviewed' | null;
  comment: boolean;
  flow: boolean;
}

function item(e: Pick<Entry, 'id' | 'human'>, confidence: number): DataCategoryItem {
  return {
    id: e.id,
    polarity: 'positive',
    modality: 'asserted',
    source: e.human === 'declared' ? 'declared' : 'inferred',
    ...(e.human === 'declared' ? {} : { confidence, rule: 'data/lexicon' }),
    ...(e.human === 'reviewed' ? { reviewed: true } : {}),
    evidence: [{ lines: [3, 3], quote: `about ${e.id}`, section: ['Policy'] }],
  };
}

function entryText(e: Entry, n: number): string {
  const it = item(e, 0.5);
  const body = e.flow
    ? `  - ${stringify(it, { lineWidth: 0, collectionStyle: 'flow' }).trim()}${e.human ? `  # kept ${n}` : ''}\n`
    : stringify([it], { lineWidth: 0 })
        .split('\n')
        .map((l) => (l ? '  ' + l : l))
        .join('\n')
        .replace(/^(\s*- id: .*)$/m, e.human ? `$1   # kept ${n}` : '$1');
  return (e.comment ? `  # note ${n}: why\n` : '') + body;
}

const base = emptyModel({ id: 'p', title: 'P', version: '1.0.0', effective_date: null, last_updated: null, languages: ['en'], jurisdictions: [] });

function reviewedText(entries: Entry[]): { text: string; blocks: string[] } {
  const head = stringify({ ...base, data_categories: [] }, { lineWidth: 0 }).replace('data_categories: []\n', '');
  const blocks = entries.map((e, n) => entryText(e, n));
  const text = `# reviewed\n${head.replace(/^purposes:/m, () => `data_categories:${entries.length ? '\n' + blocks.join('') : ' []\n'}purposes:`)}`;
  return { text: text.replace(/data_categories:\n$/, 'data_categories: []\n'), blocks: blocks.filter((_, n) => entries[n]!.human) };
}

const entries = fc
  .uniqueArray(fc.constantFrom(...IDS), { maxLength: 6 })
  .chain((ids) =>
    fc.tuple(
      fc.tuple(...ids.map((id) => fc.record({ id: fc.constant(id), human: fc.constantFrom<Entry['human']>('declared', 'reviewed', null), comment: fc.boolean(), flow: fc.boolean() }))),
      fc.subarray(IDS),
    ),
  );

describe('extract --update merge, for any mix of items', () => {
  test('human items keep their bytes; the item set is right; the result is valid and stable', () => {
    fc.assert(
      fc.property(entries, ([list, found]) => {
        const { text, blocks } = reviewedText(list);
        expect(checkModel(parse(text))).toEqual([]);
        const fresh: PolicyModel = { ...structuredClone(base), data_categories: found.map((id) => item({ id, human: null }, 0.9)) };
        const out = mergeReviewed(text, fresh).text!;
        for (const b of blocks) expect(out).toContain(b);
        const model = parse(out) as PolicyModel;
        expect(checkModel(model)).toEqual([]);
        const humans = list.filter((e) => e.human).map((e) => e.id);
        const keptInferred = list.filter((e) => !e.human && found.includes(e.id)).map((e) => e.id);
        const added = found.filter((id) => !list.some((e) => e.id === id));
        expect(model.data_categories.map((d) => itemKey(d)).sort()).toEqual([...humans, ...keptInferred, ...added].sort());
        for (const d of model.data_categories) if (!humans.includes(d.id)) expect(d).toMatchObject({ source: 'inferred', confidence: 0.9 });
        expect(mergeReviewed(out, fresh).text).toBe(out);
      }),
      { numRuns: 120, seed: 42 },
    );
  });
});
