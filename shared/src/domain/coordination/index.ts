/**
 * Coordination around every pathway (agreement 6.1), shared because each rule is used by more than one sector:
 * contact persons and network meetings by all of them, municipal interventions by the municipality (records) and BUA
 * (receives, and checks those attached to a referral), medication agreements by BUA and the GP, transition plans by
 * whichever sector is responsible and read by the others.
 */
export * from './contact-persons.ts';
export * from './network-meetings.ts';
export * from './interventions.ts';
export * from './medication-agreement.ts';
export * from './transition-plan.ts';
