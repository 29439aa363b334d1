import { describe, expect, it } from 'vitest';
import { containsCprLikeNumber, findCprLikeNumbers } from './cpr-like.ts';

// Synthetic numbers only: 120615-4764 is a made-up test value (a date in 2015, serial 4764), as in issue 13.

describe('findCprLikeNumbers catches every way of writing a CPR number', () => {
  it.each([
    ['with the dash', '120615-4764'],
    ['without the dash', '1206154764'],
    ['with a space', '120615 4764'],
    ['with dots in the date', '12.06.15-4764'],
    ['with spaces throughout', '12 06 15 4764'],
    ['with dots and a space', '12.06.15 4764'],
    ['with dots throughout', '12.06.15.4764'],
    ['with hyphens throughout', '12-06-15-4764'],
    ['with slashes', '12/06/15-4764'],
    ['with spaces around the dash', '120615 - 4764'],
    ['with spaced dots', '12. 06. 15 - 4764'],
    ['with runs of spaces', '12  .  06   15   -   4764'],
    ['across a line break', '120615\n4764'],
    ['with one pair boundary marked', '1206 15 4764'],
    ['with an en dash', '120615\u20134764'],
    ['with an em dash', '120615\u20144764'],
    ['with a non-breaking hyphen', '120615\u20114764'],
    ['with a minus sign', '120615\u22124764'],
    ['with a no-break space', '120615\u00a04764'],
    ['with narrow no-break spaces', '12\u202f06\u202f15\u202f4764'],
    ['with a soft hyphen inside', '1206\u00ad15-4764'],
    ['with a zero-width space inside', '120615\u200b4764'],
    ['in full-width digits', '\uff11\uff12\uff10\uff16\uff11\uff15-\uff14\uff17\uff16\uff14'],
    ['in Arabic-Indic digits', '\u0661\u0662\u0660\u0666\u0661\u0665-\u0664\u0667\u0666\u0664'],
    ['on a leap day of a leap year', '290216-4123'],
    ['on a leap day in 2000 (7th digit 4)', '290200-4123'],
    ['with a serial that fails modulus 11', '010190-1235'],
  ])('%s', (_name, cpr) => {
    const text = `Drengen (${cpr}) går i 6. klasse.`;
    const spans = findCprLikeNumbers(text);
    expect(spans).toHaveLength(1);
    expect(text.slice(spans[0]!.start, spans[0]!.end)).toBe(cpr);
  });

  it.each([
    ['at the very start', '1206154764 er nævnt'],
    ['at the very end', 'CPR: 120615-4764'],
    ['glued to letters', 'cpr1206154764.'],
    ['after a sentence end', 'Se journal.120615-4764'],
    ['on its own line', 'Barn:\n120615-4764\nSkole: 6. kl.'],
  ])('%s', (_name, text) => {
    expect(containsCprLikeNumber(text)).toBe(true);
  });

  it('finds each of several numbers, with their positions', () => {
    const text = 'Søskende 120615-4764 og 03.02.11 4321, begge syntetiske.';
    const spans = findCprLikeNumbers(text);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['120615-4764', '03.02.11 4321']);
  });

  it('finds a number that begins after digits that are no date', () => {
    const text = 'Nr. 99 12 06 15 4764';
    expect(findCprLikeNumbers(text).map((s) => text.slice(s.start, s.end))).toEqual(['12 06 15 4764']);
  });
});

describe('findCprLikeNumbers leaves ordinary numbers alone', () => {
  it.each([
    ['a phone number with country code', 'Ring på +45 70 00 00 00 i dag'],
    ['a phone number with a glued country code', 'Tlf. +4570000000'],
    ['a phone number in pairs', 'Åben rådgivning: 87 13 00 00, hverdage 9-12'],
    ['an 8-digit phone number', 'Tlf. 70000000'],
    ['a phone number in fours', 'Tlf. 7000 0000'],
    ['two phone numbers', 'Tlf. 20 30 40 50 eller 86 12 34 56'],
    ['years', 'I 2015 og 2016 flyttede familien'],
    ['a date with a four-digit year, dotted', 'Mødet den 12.06.2015'],
    ['a date with a four-digit year, hyphenated', 'Mødet den 12-06-2015'],
    ['a date with a four-digit year and slashes', 'Mødet den 12/06/2015'],
    ['an ISO date', 'Mødet den 2015-06-12'],
    ['a date with a two-digit year', 'Mødet den 12.06.15'],
    ['a date and a time', 'Mødet den 12.06.2015 kl. 14.30'],
    ['a time span', 'kl. 09.00-09.45'],
    ['a time with a colon', 'kl. 14:30'],
    ['a CVR number', 'CVR 12345678'],
    ['an 8-digit date as a case number', 'journal nr. 20150612'],
    ['a date as a case number followed by four digits', 'journal nr. 20150612 4764'],
    ['a location number', 'GLN 5790000000000'],
    ['an amount', 'bevilget 1.200.000 kr.'],
    ['screening scores', 'SDQ 18, WHO-5 52, uge 12 2026'],
    ['ten digits with an impossible day', 'sag 3213991234'],
    ['ten digits with an impossible month', 'sag 1234567890'],
    ['a leap day in a year that has none', 'sag 290200-1234'],
    ['eleven digits', 'sag 120615-47641'],
  ])('%s', (_name, text) => {
    expect(findCprLikeNumbers(text)).toEqual([]);
  });

  it('has its documented false positive: a two-digit-year date directly followed by four digits', () => {
    expect(containsCprLikeNumber('Mødet 12.06.15 1430')).toBe(true);
  });
});
