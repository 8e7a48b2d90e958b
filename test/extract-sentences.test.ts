import { expect, test } from '@jest/globals';
import { splitClauses, splitSentences } from '../src/parse/sentences.js';

const split = (s: string) => splitSentences(s.toLowerCase(), 0, s.length).map((sp) => s.slice(sp.start, sp.end));

test('abbreviations, URLs, e-mail addresses and decimals survive', () => {
  expect(split('We use data, e.g. your name, i.e. what you type. We share it with Acme Inc. and others. Visit www.example.com/privacy.html for more. Write to privacy@example.co.uk today.')).toEqual([
    'We use data, e.g. your name, i.e. what you type.',
    'We share it with Acme Inc. and others.',
    'Visit www.example.com/privacy.html for more.',
    'Write to privacy@example.co.uk today.',
  ]);
  expect(split('Version 2.5 applies. The U.S. government may ask.')).toEqual(['Version 2.5 applies.', 'The U.S. government may ask.']);
});

test('question and exclamation marks end sentences; closing quotes stay with them', () => {
  expect(split('What do we collect? We collect "names." Really!')).toEqual(['What do we collect?', 'We collect "names."', 'Really!']);
});

test('a blank line ends a sentence even without punctuation', () => {
  expect(split('Information we collect\n\nWe collect names.')).toEqual(['Information we collect', 'We collect names.']);
});

test('clauses split at semicolons and contrastive words, not at "including but not limited to"', () => {
  const s = 'we collect names, including but not limited to nicknames; we do not sell them, but we share them unless you object';
  const cl = splitClauses(s, { start: 0, end: s.length }).map((c) => s.slice(c.start, c.end));
  expect(cl).toEqual(['we collect names, including but not limited to nicknames', 'we do not sell them,', 'but we share them', 'unless you object']);
});
