import { type Principal, type Purpose, type Role, type Sector } from '../auth/principal.ts';
import { consentRequired, forbidden, type ErrorDetails } from '../errors.ts';
import {
  type ConsentCoverageGap,
  type ConsentInactiveReason,
  type ConsentRecord,
  type ConsentingParty,
  consentCoverageGaps,
  consentInactiveReasons,
  describeConsentProblem,
  requiredConsentingParty,
} from './consent.ts';
import { capitalise, organisationLabel, purposeLabel, sectorLabel } from './labels.ts';

/**
 * Who may read a child's data, as one pure decision (ARCHITECTURE.md, "Access control, consent and audit"):
 * a sector always sees its own records; another sector sees them only where the agreement mandates the message (a
 * reply to the sender, agreement 6.2; a referral outcome to the referrer, Trin 3) or with an active consent given to
 * the data owner; analysts get aggregates only. Services call `decideChildRead`, write the decision to the access
 * log, then `assertAllowed`.
 */

/** Whose data it is: the sectors (and, if one, the organisation) that recorded it and may disclose it. */
export interface DataOwner {
  sectors: readonly Sector[];
  /** e.g. '751' when the data belongs to one municipality or practice; null = any organisation of the sectors. */
  organisation: string | null;
  /** How messages name the owner, e.g. "municipality 751"; never a person's name. */
  description: string;
}

/**
 * PERSONAL: structured facts about the child; FREE_TEXT: letters, descriptions, minutes. Both need the same legal
 * basis today (consent covers the data, not its form), so the decision does not vary by class; callers pass it so
 * the access log records what kind of data was shown, and so a stricter rule for free text has a place to live.
 */
export type DataClass = 'PERSONAL' | 'FREE_TEXT';

export interface ChildReadRequest {
  principal: Principal;
  purpose: Purpose;
  owner: DataOwner;
  dataClass: DataClass;
  /** What is being read, for messages: 'the municipal case status'. */
  what: string;
  /** The consents the owner holds for this child. */
  consents: readonly ConsentRecord[];
  birthDate: string | null;
  /** Today's date in Denmark (YYYY-MM-DD) and the current instant, for consent validity and withdrawal. */
  today: string;
  now: Date;
  /** Recipients the agreement itself sends this data to, e.g. the GP practice that wrote the letter being replied to. */
  addressedTo?: readonly { sector: Sector; organisation: string | null }[];
}

export type DecisionBasis = 'OWN_ORGANISATION' | 'ADDRESSED_TO_READER' | 'CONSENT';

/** Machine-readable name of the rule that refused, in `details.rule` and in the error's extensions. */
export type DenialRule =
  | 'ANALYST_AGGREGATES_ONLY'
  | 'ADMINISTRATOR_NO_CARE_DATA'
  | 'BUA_ADVISER_ANONYMOUS_CASES'
  | 'NO_CLINICAL_ROLE'
  | 'OTHER_ORGANISATION'
  | 'NO_ACTIVE_CONSENT';

export type Decision =
  | { allowed: true; basis: DecisionBasis }
  | { allowed: false; code: 'FORBIDDEN' | 'CONSENT_REQUIRED'; reason: string; details?: ErrorDetails };

/** Roles that care for children and may, given a legal basis, see one child's data. */
export const CLINICAL_ROLES: readonly Role[] = [
  'CASEWORKER',
  'PPR_PSYCHOLOGIST',
  'HEALTH_VISITOR',
  'SOCIAL_WORKER',
  'GP',
  'BUA_CLINICIAN',
  'PAEDIATRICIAN',
  'ADULT_PSYCHIATRY_CLINICIAN',
];

export function hasClinicalRole(principal: Pick<Principal, 'roles'>): boolean {
  return principal.roles.some((role) => CLINICAL_ROLES.includes(role));
}

export function decideChildRead(req: ChildReadRequest): Decision {
  const { principal: reader, owner, purpose } = req;
  const heldBy = `${req.what} held by ${owner.description}`;

  // (a) Only clinical roles see a single child's data.
  if (!hasClinicalRole(reader)) {
    // DOMAIN.md, data minimisation: analysts get aggregates or pseudonymised data, never a child's record.
    if (reader.roles.includes('ANALYST')) {
      return deny('FORBIDDEN', 'ANALYST_AGGREGATES_ONLY', owner,
        'Analysts see aggregate statistics only; child-level data is not available to the analyst role, ' +
          `so ${heldBy} cannot be shown without a clinical role.`);
    }
    // Administrators audit who looked (the access log); reading care data is not part of that job.
    if (reader.roles.includes('ADMINISTRATOR')) {
      return deny('FORBIDDEN', 'ADMINISTRATOR_NO_CARE_DATA', owner,
        `Administrators read access logs, not care data; ${heldBy} cannot be shown without a clinical role.`);
    }
    // Agreement 6.3: advisory cases are anonymous, so advising needs no child's identity or record.
    if (reader.roles.includes('BUA_ADVISER')) {
      return deny('FORBIDDEN', 'BUA_ADVISER_ANONYMOUS_CASES', owner,
        'BUA advisers work on anonymous advisory cases (agreement 6.3) and see no child-level data; ' +
          `${heldBy} cannot be shown without a clinical role.`);
    }
    const roles = reader.roles.length === 0 ? 'No role is given' : `None of the roles ${reader.roles.join(', ')} is clinical`;
    return deny('FORBIDDEN', 'NO_CLINICAL_ROLE', owner, `${roles}; ${heldBy} cannot be shown without a clinical role.`);
  }

  const readerLabel = organisationLabel(reader.sector, reader.organisation);

  // (b) A sector always sees its own records, and only its own organisation's: a consent is given to the disclosing
  // sector to let another sector see the data, so it can never open one municipality's (or practice's) records to
  // another organisation of the same sector.
  if (owner.sectors.includes(reader.sector)) {
    if (owner.organisation === null || owner.organisation === reader.organisation) {
      return { allowed: true, basis: 'OWN_ORGANISATION' };
    }
    return deny('FORBIDDEN', 'OTHER_ORGANISATION', owner,
      `${capitalise(req.what)} belongs to ${owner.description}; ${readerLabel} cannot see another organisation's records.`);
  }

  // (c) The agreement itself sends this data to the reader (6.2: the GP always gets a reply; Trin 3: the referral
  // outcome goes to the referrer), so the recipient may read what was sent to them.
  const addressed = (req.addressedTo ?? []).some(
    (to) => to.sector === reader.sector && (to.organisation === null || to.organisation === reader.organisation),
  );
  if (addressed) return { allowed: true, basis: 'ADDRESSED_TO_READER' };

  // (d) Another sector needs an active consent given to the owner that names the reader and this purpose.
  const time = { birthDate: req.birthDate, today: req.today, now: req.now };
  const assessed = req.consents.map((consent) => ({
    consent,
    inactive: consentInactiveReasons(consent, time),
    gaps: consentCoverageGaps(consent, reader, purpose),
  }));
  if (assessed.some((a) => a.inactive.length === 0 && a.gaps.length === 0)) return { allowed: true, basis: 'CONSENT' };

  // (e) Say exactly what is missing, and why consents on record do not count.
  const party = consentingPartyToday(req.birthDate, req.today);
  const who =
    party === 'YOUNG_PERSON'
      ? 'given by the young person themselves (they are 15 or older)'
      : party === 'CUSTODY_HOLDER'
        ? 'given by a custody holder (forældremyndighedsindehaver), as the child is under 15'
        : 'given by the young person if they are 15 or older, otherwise by a custody holder';
  const nearMisses = assessed.filter((a) => isNearMiss(a.inactive, a.gaps));
  const problems = nearMisses.map((a) =>
    joinClauses([...a.inactive, ...a.gaps].map((p) => describeConsentProblem(p, a.consent, reader, purpose))),
  );
  const notCounting =
    problems.length === 0
      ? ''
      : ` Consents on record that do not count: ${[...new Set(problems)].map((p) => `one ${p}`).join('; ')}.`;
  const reason =
    `${capitalise(req.what)} belongs to ${owner.description}. Showing it to ${readerLabel} needs an active consent ` +
    `held by ${owner.description} to disclose to ${sectorLabel(reader.sector)} for ${purposeLabel(purpose)}, ` +
    `${who}.${notCounting}`;
  return deny('CONSENT_REQUIRED', 'NO_ACTIVE_CONSENT', owner, reason, {
    recipientSector: reader.sector,
    purpose,
    requiredConsentingParty: party,
    consentProblems: [...new Set(nearMisses.flatMap((a) => [...a.inactive, ...a.gaps]))],
  });
}

/** Throws the decision's refusal as FORBIDDEN or CONSENT_REQUIRED; returns when allowed. */
export function assertAllowed(decision: Decision): asserts decision is Extract<Decision, { allowed: true }> {
  if (decision.allowed) return;
  // The message is for the person; details (rule, owner, missing recipient and purpose) are for the client.
  const details = decision.details ?? {};
  throw decision.code === 'FORBIDDEN' ? forbidden(decision.reason, details) : consentRequired(decision.reason, details);
}

function deny(
  code: 'FORBIDDEN' | 'CONSENT_REQUIRED',
  rule: DenialRule,
  owner: DataOwner,
  reason: string,
  extra: ErrorDetails = {},
): Decision {
  return { allowed: false, code, reason, details: { rule, owner: owner.description, ownerSectors: [...owner.sectors], ...extra } };
}

/** "a", "a and b", "a, b and c". */
function joinClauses(clauses: readonly string[]): string {
  return clauses.length <= 1 ? clauses.join('') : `${clauses.slice(0, -1).join(', ')} and ${clauses.at(-1)}`;
}

function consentingPartyToday(birthDate: string | null, today: string): ConsentingParty | null {
  if (birthDate === null || today < birthDate) return null;
  return requiredConsentingParty(birthDate, today);
}

/**
 * A consent worth explaining to this reader: one for their own sector (whatever else is wrong with it), or one that
 * would count but for the sector. Consents for other sectors that would not count anyway are left out: they are
 * none of this reader's business.
 */
function isNearMiss(inactive: readonly ConsentInactiveReason[], gaps: readonly ConsentCoverageGap[]): boolean {
  if (!gaps.includes('OTHER_SECTOR')) return true;
  return inactive.length === 0 && gaps.length === 1;
}
