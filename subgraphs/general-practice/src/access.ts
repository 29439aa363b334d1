import type { GuardedChild, SectorOwnership } from '@pathway-graph/shared';
import type { ChildRecord } from './db/repository.ts';

/**
 * General practice owns this data, each practice only its own patients' records (the children listed with it).
 * Refusals never name the practice: which practice a child is listed with is itself the data being guarded, so
 * "belongs to general practice 300001" would tell another practice, or a sector without consent, exactly that. Nor
 * do they vary with whether the child is listed at all: "belongs to the child's own general practice" for a listed
 * child beside "belongs to general practice" for an unlisted one would tell a sector without consent which it is.
 */
export const generalPracticeOwnership: SectorOwnership = {
  sectors: ['GENERAL_PRACTICE'],
  describe: () => "the child's own general practice",
};

/** What the access guard needs of a child; a child listed with no practice (or unknown) belongs to no practice. */
export function guardOf(id: string, record: ChildRecord | null): GuardedChild {
  return {
    id,
    known: record !== null,
    birthDate: record?.birthDate ?? null,
    ownerOrganisation: record?.listedPractice ?? null,
  };
}
