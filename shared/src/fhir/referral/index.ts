/**
 * The referral to BUA and BUA's status and outcome messages as FHIR R4 message Bundles, after MedCom's draft logical
 * model (medcomdk/dk-medcom-ref-lm 0.1.0). See docs/referral-fhir.md.
 */
export { buildReferralBundle, parseReferralBundle, type ReferralMessage } from './referral-bundle.ts';
export { buildReferralStatusBundle, parseReferralStatusBundle, type ReferralStatusMessage } from './status-bundle.ts';
export { type MessageOrganization } from './parties.ts';
export { LOCAL, NEW_REFERRAL_EVENT, REFERRAL_STATUS_EVENT, REFERRAL_SYSTEM } from './constants.ts';
