import type { ConsentRecord, Purpose } from '@pathway-graph/shared';

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
