/**
 * The vocabulary of correspondence between general practice and the municipalities (agreement 6.2), shared by both
 * sectors because it travels in the messages between them (shared/src/messaging/kinds.ts).
 */

/** The steps of the graduated pathway a correspondence letter belongs to; step 3 is a referral to BUA instead. */
export const CORRESPONDENCE_STEPS = ['TRIN_1', 'TRIN_2'] as const;
export type CorrespondenceStep = (typeof CORRESPONDENCE_STEPS)[number];

/** What the municipality tells the GP it has initiated: the GP always gets a reply (agreement 6.2). */
export const INITIATED_ACTIONS = [
  'PPR_ASSESSMENT',
  'HEALTH_VISITOR_CONTACT',
  'FAMILY_GUIDANCE',
  'SCHOOL_SUPPORT',
  'SOCIAL_CASE_OPENED',
  'NETWORK_MEETING',
  'NO_ACTION_NEEDED',
  'OTHER',
] as const;
export type InitiatedAction = (typeof INITIATED_ACTIONS)[number];

/** Whom the municipality commits to contacting about a child it knows (an open case), to settle the further course. */
export const CONTACT_COMMITMENTS = ['CONTACT_FAMILY', 'CONTACT_GP'] as const;
export type ContactCommitment = (typeof CONTACT_COMMITMENTS)[number];
