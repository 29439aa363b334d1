import { conflict, consentCovers, consentInactiveReasons, isConsentActive, type ConsentRecord, type Purpose } from '@pathway-graph/shared';
import type { ReferralState } from '@pathway-graph/shared/domain/referral/index';

/**
 * The consents a referral carries (the child's from 15, a custody holder's before; issue 9: "the child's and custody
 * holders' consent"), as the consents BUA's access guard weighs for the referral's own data. The family consented to
 * the referral being made and shared between the parties around the child, so it lets BUA show that referral's
 * course to those parties: the child's municipality and GP practice the referral names (the referrer among them),
 * for coordinating and treating the child. It does not open BUA's other records, nor the referral to any other
 * organisation; and it is weighed like any consent: a custody holder's lapses at 18, a consent counts from the day it
 * was given.
 */

export interface ReferralConsentSource {
  consents: readonly { givenBy: 'YOUNG_PERSON' | 'CUSTODY_HOLDER'; givenOn: string }[];
  municipalityCode: number;
  ydernummer: string;
}

/** What the family consented the referral to be shared for: the pathway's coordination and the child's treatment. */
export const REFERRAL_CONSENT_PURPOSES: readonly Purpose[] = ['CARE_COORDINATION', 'ASSESSMENT_AND_TREATMENT'];

export function referralConsentRecords(referral: ReferralConsentSource): ConsentRecord[] {
  const parties = [
    { recipientSector: 'MUNICIPALITY' as const, recipientOrganisation: String(referral.municipalityCode) },
    { recipientSector: 'GENERAL_PRACTICE' as const, recipientOrganisation: referral.ydernummer },
  ];
  return referral.consents.flatMap((c) =>
    parties.map((party) => ({
      givenBy: c.givenBy,
      givenOn: c.givenOn,
      ...party,
      purposes: REFERRAL_CONSENT_PURPOSES,
      validFrom: c.givenOn,
      validUntil: null,
      withdrawnAt: null,
    })),
  );
}

/** The two sectors around the child that BUA's status messages go to. */
export type StatusParty = 'MUNICIPALITY' | 'GENERAL_PRACTICE';
export type NotToldReason = 'CUSTODY_HOLDER_CONSENT_LAPSED' | 'NO_CONSENT';

export interface PartyNotTold {
  party: StatusParty;
  organisation: string;
  reason: NotToldReason;
  explanation: string;
}

export interface StatusDisclosure {
  /** The parties BUA may tell of the referral's course now. */
  tell: StatusParty[];
  notTold: PartyNotTold[];
}

/**
 * Whom BUA may tell of a referral's status and outcome now. A status message discloses health data, so it flows only
 * on a consent in force for that party and the pathway's coordination: the referral's own consents, or one BUA holds.
 * A custody holder's consent ends at 18 (weighed as every consent is, `consentInactiveReasons`); from then on only the
 * young person's own consent lets the messages continue. Who is not told, and why, is part of the answer, never a
 * silent drop.
 */
export function statusDisclosure(
  referral: ReferralConsentSource & { birthDate: string },
  buaConsents: readonly ConsentRecord[],
  ctx: { today: string; now: Date },
): StatusDisclosure {
  const time = { birthDate: referral.birthDate, today: ctx.today, now: ctx.now };
  const candidates = [...referralConsentRecords(referral), ...buaConsents];
  const tell: StatusParty[] = [];
  const notTold: PartyNotTold[] = [];
  for (const party of ['MUNICIPALITY', 'GENERAL_PRACTICE'] as const) {
    const organisation = party === 'MUNICIPALITY' ? String(referral.municipalityCode) : referral.ydernummer;
    const covering = candidates.filter((c) => consentCovers(c, { sector: party, organisation }, 'CARE_COORDINATION'));
    if (covering.some((c) => isConsentActive(c, time))) {
      tell.push(party);
      continue;
    }
    const lapsed = covering.some((c) => consentInactiveReasons(c, time).includes('CUSTODY_HOLDER_CONSENT_LAPSED'));
    const who = party === 'MUNICIPALITY' ? 'The municipality' : 'The GP';
    notTold.push({
      party,
      organisation,
      reason: lapsed ? 'CUSTODY_HOLDER_CONSENT_LAPSED' : 'NO_CONSENT',
      explanation: lapsed
        ? `${who} was not told: its consent was a custody holder's, which ended when the young person turned 18. Record the young person's own consent to tell it again.`
        : `${who} was not told: no consent in force lets BUA share the referral's course with it. Record the young person's (or, under 18, a custody holder's) consent first.`,
    });
  }
  return { tell, notTold };
}

/**
 * The parties to send the outcome (or the no-assessment decision) now: those BUA may tell that were not told. When the
 * young person consents after the outcome was withheld at 18, this is how the party learns it (and the referral can
 * then close); sending again to a party whose copy is on its way is harmless, the receiver keeps one status once.
 */
export function outcomeRecipientsToSend(state: ReferralState, tellable: readonly StatusParty[]): StatusParty[] {
  const decided = state.status === 'ASSESSED' || (state.status === 'VISITED' && state.visitationDecision === 'NO_ASSESSMENT_NEEDED');
  if (!decided) {
    throw conflict(
      state.status === 'CLOSED'
        ? 'The referral is closed; its outcome is not sent again. Send a new referral if the child needs one.'
        : 'There is no outcome to send yet: record the assessment outcome (or a visitation decision that no assessment is needed) first.',
      { field: 'referralId', reason: state.status === 'CLOSED' ? 'CLOSED' : 'OUTCOME_NOT_RECORDED' },
    );
  }
  const to = tellable.filter((party) => state.communicated[party] === undefined);
  if (to.length === 0) {
    throw conflict('Every sector BUA may tell has been told the outcome; a sector without a consent in force is not (see partiesNotTold).', {
      field: 'referralId',
      reason: 'NOTHING_TO_SEND',
    });
  }
  return to;
}
