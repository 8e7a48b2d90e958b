import { expect, test } from '@jest/globals';
import { findRetention, isoDuration } from '../src/extract/retention.js';
import { parseDate } from '../src/extract/dates.js';
import { ids, run } from './helpers-extract.js';

const r = (s: string) => findRetention(s.toLowerCase());

test('stated periods become ISO 8601 durations', () => {
  expect(r('We retain server logs for 30 days.')).toMatchObject({ kind: 'stated_period', period: 'P30D' });
  expect(r('We keep your data for up to two years after you close your account.')).toMatchObject({ kind: 'stated_period', period: 'P2Y' });
  expect(r('Records are stored for a period of 18 months.')).toMatchObject({ kind: 'stated_period', period: 'P18M' });
  expect(r('We delete IP addresses within 24 hours.')).toMatchObject({ kind: 'stated_period', period: 'PT24H' });
  expect(r('We retain the information for six (6) weeks.')).toMatchObject({ period: 'P6W' });
  expect(isoDuration(3, 'years')).toBe('P3Y');
});

test('limited, legal requirement and indefinite retention', () => {
  expect(r('We retain your information as long as necessary to provide the service.')).toMatchObject({ kind: 'limited', period: null });
  expect(r('We keep personal information only for as long as required by law.')).toMatchObject({ kind: 'legal_requirement' });
  expect(r('Posts you make are stored indefinitely.')).toMatchObject({ kind: 'indefinite' });
});

test('"retains the services of" is not data retention (seed line 45)', () => {
  expect(r('Kaspersky Labs retains the services of outside contractors to provide services for us.')).toBeNull();
  expect(r('Please keep in mind that we may change this policy.')).toBeNull();
  const { model } = run('# P\n\nKaspersky Labs retains the services of outside contractors to provide services for us.\n');
  expect(model.retention).toEqual([]);
});

test('retention items carry period and kind in the model', () => {
  const { model } = run('# P\n\nWe retain server logs containing your IP address for 90 days.\n');
  expect(model.retention).toHaveLength(1);
  expect(model.retention[0]).toMatchObject({ kind: 'stated_period', period: 'P90D' });
  expect(ids(model, 'retention')).toEqual(['stated_period']);
});

test('dates in several formats', () => {
  expect(parseDate('june 23, 2015')?.iso).toBe('2015-06-23');
  expect(parseDate('1st may 2018')?.iso).toBe('2018-05-01');
  expect(parseDate('2019-12-31')?.iso).toBe('2019-12-31');
  expect(parseDate('12/05/2014')?.iso).toBe('2014-12-05');
  expect(parseDate('sept. 3, 2012')?.iso).toBe('2012-09-03');
  expect(parseDate('march 2019')).toMatchObject({ iso: '2019-03-01', partial: true });
  expect(parseDate('no date here')).toBeNull();
});

test('effective and last-updated dates are found in the text; the archive date never is', () => {
  const header = '> *The following text is extracted and transformed from the example.com privacy policy that was archived on 2013-06-06. Please check the [original snapshot on the Wayback Machine](https://web.archive.org/x) for the most accurate reproduction.*\n\n';
  const a = run(`${header}# Example Privacy Policy\n\n**Last updated: June 23, 2015**\n\nEffective date: 1 July 2015\n\nWe collect your name.\n`).model.policy;
  expect(a.last_updated).toBe('2015-06-23');
  expect(a.effective_date).toBe('2015-07-01');
  expect(a.source).toMatchObject({ site: 'example.com', archived_on: '2013-06-06' });
  const b = run(`${header}# Example\n\nThis policy was last revised on 03/04/2012.\n`).model.policy;
  expect(b.last_updated).toBe('2012-03-04');
  const c = run(`${header}# Example\n\nWe collect your name.\n`);
  expect(c.model.policy.effective_date).toBeNull();
  expect(c.model.policy.last_updated).toBeNull();
  expect(c.diagnostics.map((d) => d.ruleId)).toContain('meta/missing-effective-date');
});
