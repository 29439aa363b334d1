/**
 * Referral to child psychiatry (Trin 3, agreement 6.1 and 6.2): the referral's rules, its status as the referrer sees
 * it, BUA's treatment responsibility, and the joint decision after a no-assessment visitation. Shared because the
 * referrer (general practice, municipality) and BUA apply the same rules on both ends of the message.
 */
export * from './referral.ts';
export * from './status.ts';
export * from './treatment-responsibility.ts';
export * from './joint-decision.ts';
export * from './bua.ts';
