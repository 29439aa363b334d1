import { badUserInput } from '../errors.ts';
import { impossibleDateReason, isLeapYear, toIsoDate } from './calendar.ts';
import { parseCpr, type Cpr } from './cpr.ts';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Validates a YYYY-MM-DD string that names a real calendar date and returns it unchanged. */
export function parseIsoDate(s: string, field: string): string {
  const match = typeof s === 'string' ? ISO_DATE.exec(s) : null;
  if (!match) throw badUserInput(`${field} must be a date written YYYY-MM-DD`, { field });
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const impossible = impossibleDateReason(year, month, day);
  if (impossible) {
    throw badUserInput(`${field} is not a real calendar date: ${impossible.reason}`, { field, part: impossible.part });
  }
  return s;
}

function parts(isoDate: string, field: string): [number, number, number] {
  const [y, m, d] = parseIsoDate(isoDate, field).split('-').map(Number) as [number, number, number];
  return [y, m, d];
}

/**
 * Whole years completed on `onDate`. Someone born 29 February turns a year older on 1 March in non-leap years, as in
 * Danish practice; comparing (month, day) against (2, 29) gives exactly that, since 28 February still sorts before it.
 */
export function ageOn(birthDate: string, onDate: string): number {
  const [by, bm, bd] = parts(birthDate, 'birthDate');
  const [oy, om, od] = parts(onDate, 'onDate');
  if (onDate < birthDate) throw badUserInput('onDate is before the birth date', { field: 'onDate' });
  const hadBirthdayThisYear = om > bm || (om === bm && od >= bd);
  return oy - by - (hadBirthdayThisYear ? 0 : 1);
}

export function ageFromCprOn(cpr: string | Cpr, onDate: string): number {
  return ageOn(typeof cpr === 'string' ? parseCpr(cpr).birthDate : cpr.birthDate, onDate);
}

/** The day the person leaves the target group, and the day custody-holder consents lapse. Same 29-February rule. */
export function eighteenthBirthday(birthDate: string): string {
  const [by, bm, bd] = parts(birthDate, 'birthDate');
  const year = by + 18;
  if (bm === 2 && bd === 29 && !isLeapYear(year)) return toIsoDate(year, 3, 1);
  return toIsoDate(year, bm, bd);
}

/** The agreement covers children and young people aged 0-18: born on or before `onDate`, not yet 18 on it. */
export function isInTargetGroup(birthDate: string, onDate: string): boolean {
  parseIsoDate(birthDate, 'birthDate');
  parseIsoDate(onDate, 'onDate');
  // ISO dates with four-digit years sort lexically in calendar order.
  return birthDate <= onDate && onDate < eighteenthBirthday(birthDate);
}

/** `field` names the client input the birth date came from (e.g. 'cpr'); the message never echoes that input. */
export function assertInTargetGroup(birthDate: string, onDate: string, field = 'birthDate'): void {
  parseIsoDate(birthDate, 'birthDate');
  parseIsoDate(onDate, 'onDate');
  if (onDate < birthDate) {
    throw badUserInput(`The child is not yet born on ${onDate}`, { field, reason: 'NOT_YET_BORN' });
  }
  if (onDate >= eighteenthBirthday(birthDate)) {
    throw badUserInput(
      `The person is 18 or older on ${onDate}; the collaboration agreement covers children and young people aged 0-18`,
      { field, reason: 'AGED_18_OR_OLDER' },
    );
  }
}

// Built once: creating a DateTimeFormat (time-zone data, locale) costs far more than using one, and this runs on every
// request that checks an age or a consent.
const DANISH_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * Today's calendar date in Denmark. Servers run in UTC, where the date is wrong for one or two hours around midnight
 * Danish time; an age check at 00:30 on an 18th birthday must already see the birthday.
 */
export function todayInDenmark(now: Date = new Date()): string {
  const fields = DANISH_DATE.formatToParts(now);
  const get = (type: string) => fields.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}
