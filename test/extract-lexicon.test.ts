import { expect, test } from '@jest/globals';
import { isKnownId, type VocabularySection } from '../src/model/vocabulary.js';
import { loadLexicon, loadRawLexicon, matchAll, requiredLiterals, wordRe } from '../src/extract/lexicon.js';

const raw = loadRawLexicon();

test('the lexicon is versioned', () => {
  expect(Number.isInteger(raw.version)).toBe(true);
  expect(loadLexicon().version).toBe(raw.version);
});

test('every id the lexicon can emit is a vocabulary id of its section', () => {
  const sections: [VocabularySection, string[]][] = [
    ['data_categories', Object.keys(raw.data_categories)],
    ['purposes', Object.keys(raw.purposes)],
    ['recipients', [...Object.keys(raw.recipients), ...Object.values(raw.named_recipients).map(([id]) => id)]],
    ['rights', [...Object.keys(raw.rights), 'opt_out_marketing.advertising']],
    ['choice_mechanisms', Object.keys(raw.choice_mechanisms)],
    ['security_measures', Object.keys(raw.security_measures)],
    ['retention_kinds', ['stated_period', 'limited', 'legal_requirement', 'indefinite']],
  ];
  const unknown: string[] = [];
  for (const [section, list] of sections) for (const id of list) if (!isKnownId(section, id) || id.startsWith('x.')) unknown.push(`${section}:${id}`);
  expect(unknown).toEqual([]);
});

test('every pattern compiles', () => {
  const all = [raw.data_categories, raw.purposes, raw.recipients, raw.rights, raw.choice_mechanisms, raw.security_measures].flatMap((s) => Object.values(s).flat());
  for (const p of [...all, ...Object.keys(raw.named_recipients), ...raw.anaphora, ...raw.data_guards]) expect(() => wordRe(p)).not.toThrow();
});

test('required literals: every match of a pattern contains one of them', () => {
  expect(requiredLiterals('e-?mail addresse?s?')).toEqual(['mail address']);
  expect(requiredLiterals('ssl|tls|https')).toEqual(['ssl', 'tls', 'https']);
  expect(requiredLiterals('(?:tele)?phone numbers?')).toEqual(['phone number']);
  expect(requiredLiterals('[a-z]+')).toBeUndefined();
  const samples = [
    'we collect your e-mail address, telephone number, ip address and date of birth',
    'we share personal information with service providers, advertisers and law enforcement agencies',
    'you can access, correct or delete your personal information; opt-out of marketing; set your browser to reject cookies',
    'we use ssl encryption, firewalls and reasonable security measures to personalize content and for analytics',
  ];
  const lex = loadLexicon();
  for (const table of [lex.data, lex.purposes, lex.recipients, lex.rights, lex.mechanisms, lex.security])
    for (const p of table)
      for (const s of samples) {
        p.re.lastIndex = 0;
        for (const m of s.matchAll(p.re)) if (p.lits) expect(p.lits.some((l) => m[0].includes(l))).toBe(true);
      }
  // the prefiltered matcher finds what the plain regexes find
  const idx = lex.index;
  for (const s of samples) {
    idx.scan(s);
    expect(matchAll(lex.data, s, idx)).toEqual(matchAll(lex.data, s));
    expect(matchAll(lex.recipients, s, idx)).toEqual(matchAll(lex.recipients, s));
  }
});

test('guards: "company information", "non-personal information", "retains the services"', () => {
  const lex = loadLexicon();
  expect(matchAll(lex.data, 'we provide company information to our worldwide offices').map((m) => m.id)).toEqual([]);
  expect(matchAll(lex.data, 'we collect your e-mail address').map((m) => m.id)).toEqual(['contact.email']);
  expect(matchAll(lex.data, 'domain names, ip addresses, and browser types').map((m) => m.id)).toEqual(['online.ip_address', 'online.ip_address', 'device.info']);
});

test('"name" as a verb is no personal name; a person\'s name is', () => {
  const L = loadLexicon();
  const names = (t: string) => matchAll(L.data, t).filter((m) => m.id === 'identity.name').map((m) => t.slice(m.start, m.end));
  expect(names('the server identifies and names tv channels; it will name the channels and provide channel names.')).toEqual([]);
  expect(names('we ask for your name and email address, and your full name on the invoice.')).toEqual(['name', 'full name']);
});

test('padSafe: only patterns in which nothing can match U+0000 get the long first run', async () => {
  const { padSafe, nativeRegExp } = await import('../src/extract/native-regexp.js');
  expect(padSafe('(?<![a-z0-9])(?:e-?mail address(?:es)?|\\s*opt[- ]out)(?![a-z0-9])')).toBe(true);
  // unsafe: an atom that can match U+0000, reachable on the pad (no required literal before it),
  // repeated without bound or inside a repeated group
  for (const unsafe of ['.*b', '.{0,}b', '[^,]+', '\\W+x', '\\S*', '\\D+', '\\p{L}+', '(?:\\x00)*', '(?:[^,]{0,60})*', '(?:.b)+', '(?:a?(?:[^,]b)?){2,5}', '[,.;]|.+b', '[a\\W]*', '(?:x|\\u0000){3}', 'a?.*', 'a*[^,]+', '(?:a|b?)[^,]+', '(?=a)[^,]+', 'x|[^,]+', '(?:a)?.*', '\\b.*'])
    expect([unsafe, padSafe(unsafe)]).toEqual([unsafe, false]);
  // safe: such an atom alone or counted, a dot in a class, repeated groups of safe atoms, and any
  // of them behind a required literal (which U+0000 cannot match, so the run never reaches them)
  for (const safe of ['\\b(?:by|via)\\b|[,.;]|$', '[.]+x', '[\\].]x', 'a[-.]b', 'a.{0,40}b', '(?![^.;]{0,60}\\bx)', '\\p{L}', '(?:a[^,]{0,9}b)?', '(?:\\s+(?:and|or))*', '\\D', 'a.*b', '(?:a.b)+', '(?<![a-z0-9])(?:(?:access|view)(?: \\([^()]{1,60}\\))?(?:, |/))*(?:access|view)', '(?:ab|cd)[^,]*', 'x(?:[^,]*)*', '[].*'])
    expect([safe, padSafe(safe)]).toEqual([safe, true]);
  // the first run changes nothing about what the expression matches next
  const re = nativeRegExp(/(?<![a-z])opt[- ]out(?![a-z])/g);
  expect(re.lastIndex).toBe(0);
  expect([...'you may opt-out or opt out'.matchAll(re)].map((m) => m.index)).toEqual([8, 19]);
  // every lexicon table but a few is safe, so the cold-start saving holds
  const lex = loadLexicon();
  const tables = [lex.data, lex.purposes, lex.recipients, lex.named, lex.rights, lex.mechanisms, lex.security].flat();
  expect(tables.filter((p) => padSafe(p.re.source)).length).toBeGreaterThan(tables.length * 0.9);
  // the verdict is decided once, when the lexicon is compiled (the build stores it), not at each start
  expect(tables.filter((p) => p.pad !== padSafe(p.re.source)).map((p) => p.id)).toEqual([]);
});

test('eager(): every expression compiled at the first extraction is safe for the long first run', async () => {
  const { padSafe, eagerRegExps, warmEager, nativeRegExp } = await import('../src/extract/native-regexp.js');
  await import('../src/extract/index.js');
  const list = eagerRegExps();
  expect(list.length).toBeGreaterThan(20);
  // warmEager does not check padSafe itself (it would cost each start the walk the build saves)
  expect(list.filter((re) => !padSafe(re.source)).map((re) => re.source.slice(0, 60))).toEqual([]);
  // and it changes nothing about what they match next. A failed run over the pad resets a global
  // expression's lastIndex by itself, so the reset is checked on one that matches the pad.
  const global = list.filter((re) => re.global || re.sticky);
  expect(global.length).toBeGreaterThan(0);
  warmEager();
  expect(global.filter((re) => re.lastIndex !== 0).map((re) => re.source.slice(0, 60))).toEqual([]);
  const matchesPad = nativeRegExp(/\0+/g, false, true);
  expect(matchesPad.lastIndex).toBe(0);
});
