import { eighteenthBirthday, parseCpr, toIsoDate } from '@pathway-graph/shared';
import type { Random } from './random.ts';

/** A synthetic child's identity: a CPR number that parses, and the birth date it encodes. */
export interface SyntheticIdentity {
  cpr: string;
  birthDate: string;
}

const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Every day on which a child aged 0-17 on `referenceDate` can be born: from the day after 18 years before, to that day. */
export function birthDaysOfTheTargetGroup(referenceDate: string): string[] {
  const end = Date.parse(`${referenceDate}T00:00:00Z`);
  if (Number.isNaN(end)) throw new Error(`referenceDate must be YYYY-MM-DD, not ${referenceDate}`);
  const [y, m, d] = referenceDate.split('-').map(Number) as [number, number, number];
  const days: string[] = [];
  for (let at = Date.parse(`${toIsoDate(y - 18, m, d)}T00:00:00Z`); at <= end; at += DAY_MS) {
    const day = isoDay(at);
    // Born on the day 18 years before (or on 29 February then, with the birthday on 1 March) is 18 already.
    if (referenceDate < eighteenthBirthday(day)) days.push(day);
  }
  return days;
}

/**
 * Serial numbers (the last four digits) of synthetic children: 5000-9999. With a year 00-36, a 7th digit of 5-9 puts
 * the birth in the 2000s (the CPR century rule, shared/src/domain/cpr.ts), and the demo children's serials are
 * 4000-4999, so the two never meet. Each birth day hands out its serials in a fixed shuffled order (a step coprime
 * with 5000 walks all of them), so up to 5,000 children per day are distinct by construction.
 */
const SERIALS_PER_DAY = 5000;
const SERIAL_STEP = 7919;

/**
 * `count` synthetic identities, unique by construction, born on days drawn uniformly from the target group's 18 years
 * before `referenceDate`. Every CPR number is checked with the project's own parser before it is handed out.
 */
export function syntheticIdentities(count: number, referenceDate: string, random: Random): SyntheticIdentity[] {
  const days = birthDaysOfTheTargetGroup(referenceDate);
  const firstYear = Number(days[0]!.slice(0, 4));
  const lastYear = Number(days.at(-1)!.slice(0, 4));
  if (firstYear < 2000 || lastYear > 2036) {
    throw new Error(`synthetic CPR numbers with 7th digit 5-9 cover births in 2000-2036 only; ${referenceDate} needs ${firstYear}-${lastYear}`);
  }
  const issued = new Map<number, number>();
  const identities: SyntheticIdentity[] = [];
  for (let i = 0; i < count; i++) {
    const dayIndex = random.int(0, days.length - 1);
    const n = issued.get(dayIndex) ?? 0;
    if (n >= SERIALS_PER_DAY) throw new Error(`more than ${SERIALS_PER_DAY} synthetic children born on one day`);
    issued.set(dayIndex, n + 1);
    const birthDate = days[dayIndex]!;
    const serial = 5000 + ((n * SERIAL_STEP + dayIndex) % SERIALS_PER_DAY);
    const cpr = `${birthDate.slice(8, 10)}${birthDate.slice(5, 7)}${birthDate.slice(2, 4)}${serial}`;
    if (parseCpr(cpr).birthDate !== birthDate) throw new Error(`synthetic CPR number does not encode its birth date ${birthDate}`);
    identities.push({ cpr, birthDate });
  }
  return identities;
}
