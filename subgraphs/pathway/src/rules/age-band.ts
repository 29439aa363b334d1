import { ageOn } from '@pathway-graph/shared';
import type { AgeBand } from '../generated/resolvers-types.ts';

/**
 * The band a child is in on a day. 15 and 18 are the legal edges: from 15 the young person consents alone, at 18
 * the agreement's target group ends (section 4) and the transition to adult services applies (section 6.1).
 */
export function ageBandOn(birthDate: string, onDate: string): AgeBand {
  const age = ageOn(birthDate, onDate);
  if (age < 6) return 'UNDER_6';
  if (age < 13) return 'AGE_6_TO_12';
  if (age < 15) return 'AGE_13_TO_14';
  if (age < 18) return 'AGE_15_TO_17';
  return 'ADULT';
}
