import type { GuardedChild, SectorOwnership } from '@pathway-graph/shared';
import type { ChildRecord } from './db/repository.ts';

/** BUA owns this data: one department, so its records are not scoped to an organisation within the sector. */
export const buaOwnership: SectorOwnership = {
  sectors: ['BUA'],
  describe: () => 'BUA',
};

/** What the access guard needs of a child; a child BUA does not know is still guarded (knowing that is data too). */
export function guardOf(id: string, record: ChildRecord | null): GuardedChild {
  return {
    id,
    known: record !== null,
    birthDate: record?.birthDate ?? null,
    ownerOrganisation: null,
  };
}
