import { assertMunicipalityCode, badUserInput, conflict, parseIsoDate, type MunicipalityCode } from '@pathway-graph/shared';

/**
 * Agreement 6.3: "at hver kommune får en fast kontaktperson". Each municipality has exactly one active contact
 * person at BUA at a time; a change closes the current period and opens the next, so the history shows who it was
 * on any day. Periods are Copenhagen calendar dates, `validFrom` inclusive and `validUntil` exclusive (null: open).
 */
export interface ContactPersonPeriod {
  municipalityCode: MunicipalityCode;
  /** The BUA adviser (their principal subject). */
  adviserId: string;
  validFrom: string;
  validUntil: string | null;
}

function inMunicipality(history: readonly ContactPersonPeriod[], municipalityCode: number): ContactPersonPeriod[] {
  return history.filter((p) => p.municipalityCode === municipalityCode).sort((a, b) => a.validFrom.localeCompare(b.validFrom));
}

/**
 * Checks that the stored history of one municipality holds together: each period ends after it begins, periods do
 * not overlap, and only the latest is open. Throws CONFLICT, since it is the stored data, not a request, that is wrong.
 */
export function assertValidContactHistory(history: readonly ContactPersonPeriod[]): void {
  const byMunicipality = new Map<number, ContactPersonPeriod[]>();
  for (const p of history) byMunicipality.set(p.municipalityCode, [...(byMunicipality.get(p.municipalityCode) ?? []), p]);
  for (const [code, periods] of byMunicipality) {
    const sorted = inMunicipality(periods, code);
    sorted.forEach((p, i) => {
      if (p.validUntil !== null && p.validUntil <= p.validFrom) {
        throw conflict(`The contact-person history of municipality ${code} has a period that ends before it begins (${p.validFrom}).`);
      }
      const next = sorted[i + 1];
      if (next && (p.validUntil === null || p.validUntil > next.validFrom)) {
        throw conflict(`The contact-person history of municipality ${code} has two contact persons on ${next.validFrom}; only one may be active at a time.`);
      }
    });
  }
}

/** The contact person of a municipality on a date, or null when it has none. */
export function contactPersonOn(history: readonly ContactPersonPeriod[], municipalityCode: number, date: string): ContactPersonPeriod | null {
  parseIsoDate(date, 'date');
  return (
    inMunicipality(history, municipalityCode).find((p) => p.validFrom <= date && (p.validUntil === null || date < p.validUntil)) ?? null
  );
}

export interface ContactPersonChange {
  municipalityCode: number;
  adviserId: string;
  /** First day of the new contact person: today or later, since the history of who it was is not rewritten. */
  from: string;
}

/**
 * The rows a change of contact person writes: the latest period closed the day the new one begins (null for the
 * municipality's first contact person), and the new open period.
 */
export function changeContactPerson(
  history: readonly ContactPersonPeriod[],
  change: ContactPersonChange,
  today: string,
): { closed: ContactPersonPeriod | null; opened: ContactPersonPeriod } {
  const municipalityCode = assertMunicipalityCode(change.municipalityCode, 'municipalityCode');
  if (typeof change.adviserId !== 'string' || change.adviserId.trim() === '' || change.adviserId.length > 200) {
    throw badUserInput('adviserId must name the BUA adviser who becomes the contact person (their user id).', { field: 'adviserId' });
  }
  const from = parseIsoDate(change.from, 'from');
  if (from < today) {
    throw badUserInput(`A new contact person can start today (${today}) or later, not in the past: the history of who it was stays as it was.`, {
      field: 'from',
    });
  }
  const periods = inMunicipality(history, municipalityCode);
  const latest = periods.at(-1) ?? null;
  const opened: ContactPersonPeriod = { municipalityCode, adviserId: change.adviserId, validFrom: from, validUntil: null };
  if (!latest) return { closed: null, opened };
  if (latest.validUntil !== null && latest.validUntil > from) {
    throw conflict(`The contact-person history ends on ${latest.validUntil}; a new contact person can start from that day.`, { field: 'from' });
  }
  if (latest.validUntil !== null) return { closed: null, opened };
  if (from <= latest.validFrom) {
    throw conflict(
      `The current contact person's period begins on ${latest.validFrom}; a change must start after that day.`,
      { field: 'from' },
    );
  }
  if (latest.adviserId === change.adviserId) {
    throw conflict('That adviser is already the contact person of this municipality; nothing to change.', { field: 'adviserId' });
  }
  return { closed: { ...latest, validUntil: from }, opened };
}
