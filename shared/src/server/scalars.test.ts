import { graphql, type GraphQLScalarType, buildSchema, type GraphQLSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { DATE_SCALAR, DATE_TIME_SCALAR, serializeDate, serializeDateTime } from './scalars.ts';

/** A schema that echoes its arguments, with the shared scalars installed as in every subgraph. */
function echoSchema(): GraphQLSchema {
  const schema = buildSchema(`
    scalar Date
    scalar DateTime
    input Period { from: Date!, until: DateTime }
    type Query { day(on: Date!): Date, instant(at: DateTime!): DateTime, period(p: Period!): String, stored: DateTime, storedDay: Date }
  `);
  Object.assign(schema.getType('Date') as GraphQLScalarType, DATE_SCALAR);
  Object.assign(schema.getType('DateTime') as GraphQLScalarType, DATE_TIME_SCALAR);
  return schema;
}

const schema = echoSchema();
const rootValue = (stored: unknown = null, storedDay: unknown = null) => ({
  day: ({ on }: { on: string }) => on,
  instant: ({ at }: { at: string }) => at,
  period: ({ p }: { p: { from: string; until?: string } }) => `${p.from}/${p.until ?? ''}`,
  stored,
  storedDay,
});
const run = (source: string, variableValues?: Record<string, unknown>, root = rootValue()) => graphql({ schema, source, variableValues, rootValue: root });

describe('DateTime output', () => {
  it.each([
    ['2026-12-01 20:46:27.383+00', '2026-12-01T20:46:27.383Z'], // PostgreSQL, as the municipality's tables return it
    ['2026-12-01 20:46:27+00', '2026-12-01T20:46:27.000Z'],
    ['2026-12-01 20:46:27.383456+00', '2026-12-01T20:46:27.383Z'],
    ['2026-12-01 21:46:27.383+01', '2026-12-01T20:46:27.383Z'],
    ['2026-12-01 20:46:27.383+05:30', '2026-12-01T15:16:27.383Z'],
    ['2026-12-01T20:46:27.383Z', '2026-12-01T20:46:27.383Z'], // ISO, as general practice's return it
    ['2026-12-01T21:46:27+01:00', '2026-12-01T20:46:27.000Z'],
  ])('writes %s as %s', (stored, iso) => {
    expect(serializeDateTime(stored)).toBe(iso);
  });

  it('writes a Date object in ISO form', () => {
    expect(serializeDateTime(new Date(Date.UTC(2026, 11, 1, 20, 46, 27, 383)))).toBe('2026-12-01T20:46:27.383Z');
  });

  it.each([['2026-12-01'], ['2026-12-01 20:46:27'], ['yesterday'], ['2026-02-30 10:00:00+00'], [1764622000000], [new Date('nonsense')]])(
    'refuses %s without echoing it: no time zone, no instant',
    (value) => {
      expect(() => serializeDateTime(value)).toThrow(/DateTime cannot represent/);
      try {
        serializeDateTime(value);
      } catch (e) {
        expect((e as Error).message).not.toContain(String(value));
      }
    },
  );

  it('is what a query returns for a stored PostgreSQL timestamp', async () => {
    const res = await run('{ stored }', undefined, rootValue('2026-12-01 20:46:27.383+00'));
    expect(res).toEqual({ data: { stored: '2026-12-01T20:46:27.383Z' } });
  });
});

describe('DateTime input', () => {
  it.each([
    ['2026-03-01T09:30:00+01:00', '2026-03-01T08:30:00.000Z'],
    ['2026-03-01T08:30:00Z', '2026-03-01T08:30:00.000Z'],
    ['2026-03-01T08:30Z', '2026-03-01T08:30:00.000Z'],
    ['2026-03-01T08:30:00.123456-02:00', '2026-03-01T10:30:00.123Z'],
  ])('accepts %s as %s', async (at, iso) => {
    expect(await run('query($at: DateTime!) { instant(at: $at) }', { at })).toEqual({ data: { instant: iso } });
  });

  it.each([
    ['2026-03-01 08:30:00+00'], // no T
    ['2026-03-01T08:30:00'], // no offset
    ['2026-03-01'],
    ['2026-02-30T08:30:00Z'], // no such day
    ['2026-03-01T24:00:00Z'],
    ['2026-03-01T08:30:00+0100'],
    ['next tuesday'],
  ])('refuses %s with BAD_USER_INPUT naming the variable', async (at) => {
    const res = await run('query($at: DateTime!) { instant(at: $at) }', { at });
    expect(res.data).toBeUndefined();
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0]!.extensions['code']).toBe('BAD_USER_INPUT');
    expect(res.errors![0]!.message).toMatch(/^Variable "\$at" got invalid value/);
    expect(res.errors![0]!.message).toMatch(/ISO 8601 date and time with a time zone offset/);
  });

  it('refuses a number or an object given as a variable, saying what it got', async () => {
    const res = await run('query($at: DateTime!) { instant(at: $at) }', { at: { year: 2026 } });
    expect(res.errors![0]!.message).toMatch(/Got an object; write it as a string/);
    expect(res.errors![0]!.extensions['code']).toBe('BAD_USER_INPUT');
  });

  it('refuses a bad literal too, and a number', async () => {
    const literal = await run('{ instant(at: "2026-03-01T08:30:00") }');
    expect(literal.errors![0]!.message).toMatch(/^A DateTime is an ISO 8601 date and time with a time zone offset/);
    expect(literal.errors![0]!.extensions['code']).toBe('BAD_USER_INPUT');
    // Where the literal was written: the argument's value.
    expect(literal.errors![0]!.locations).toEqual([{ line: 1, column: 15 }]);
    const number = await run('{ instant(at: 20260301) }');
    expect(number.errors![0]!.message).toMatch(/Got a number; write it as a string/);
  });
});

describe('Date', () => {
  it('writes and reads a real calendar day as it is', async () => {
    expect(serializeDate('2012-02-29')).toBe('2012-02-29');
    expect(await run('query($on: Date!) { day(on: $on) }', { on: '2012-02-29' })).toEqual({ data: { day: '2012-02-29' } });
    expect(await run('{ day(on: "2026-12-31") }')).toEqual({ data: { day: '2026-12-31' } });
  });

  it.each([
    ['2026-02-29', /day 29 does not exist in month 02 \(the year is not a leap year\)/],
    ['2026-13-01', /month 13 does not exist/],
    ['2026-04-31', /day 31 does not exist in month 04/],
    ['2026-4-1', /not written YYYY-MM-DD/],
    ['01-04-2026', /not written YYYY-MM-DD/],
    ['2026-04-01T00:00:00Z', /not written YYYY-MM-DD/],
  ])('refuses %s with BAD_USER_INPUT that names the argument and says why', async (on, reason) => {
    const res = await run('query($p: Period!) { period(p: $p) }', { p: { from: on } });
    expect(res.errors).toHaveLength(1);
    const [error] = res.errors!;
    expect(error!.extensions['code']).toBe('BAD_USER_INPUT');
    expect(error!.message).toMatch(/^Variable "\$p" got invalid value .* at "p\.from"; A Date is a calendar day written YYYY-MM-DD/);
    expect(error!.message).toMatch(reason);
  });

  it('refuses to write anything but a calendar day, without echoing it', () => {
    for (const value of ['2026-02-30', '2026-03-01T00:00:00Z', new Date(), 20260301]) {
      expect(() => serializeDate(value)).toThrow(/^Date cannot represent this value/);
    }
  });

  it('is refused in output as an error of the field, not as data', async () => {
    const res = await run('{ storedDay }', undefined, rootValue(null, '2026-02-30'));
    expect(res.data).toEqual({ storedDay: null });
    expect(res.errors![0]!.message).toMatch(/^Date cannot represent this value/);
    expect(res.errors![0]!.extensions['code']).toBeUndefined();
  });
});
