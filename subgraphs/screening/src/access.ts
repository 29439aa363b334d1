import type { GuardedChild, SectorOwnership } from '@pathway-graph/shared';
import type { ChildRecord } from './db/repository.ts';

/**
 * The screening tracks are kept by the organisations that screen (paediatrics, adult psychiatry, health visiting),
 * shared between them and not scoped to one organisation.
 */
export const screeningOwnership: SectorOwnership = {
  sectors: ['PAEDIATRICS', 'ADULT_PSYCHIATRY', 'HEALTH_VISITING'],
  describe: () => 'the screening tracks',
};

/** What the access guard needs of a child; a child screening does not know is still guarded (knowing that is data too). */
export function guardOf(id: string, record: ChildRecord | null): GuardedChild {
  return {
    id,
    known: record !== null,
    birthDate: record?.birthDate ?? null,
    ownerOrganisation: null,
  };
}
