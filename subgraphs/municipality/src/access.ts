import type { GuardedChild, SectorOwnership } from '@pathway-graph/shared';
import type { ChildRecord } from './db/repository.ts';

/** The municipality sector owns this data, each municipality only its own residents' records. */
export const municipalityOwnership: SectorOwnership = {
  sectors: ['MUNICIPALITY'],
  // Never the municipality's code: a refusal must not tell where the child lives.
  describe: () => 'the municipality',
};

/** What the access guard needs of a child; an unknown child belongs to no municipality. */
export function guardOf(id: string, record: ChildRecord | null): GuardedChild {
  return {
    id,
    known: record !== null,
    birthDate: record?.birthDate ?? null,
    ownerOrganisation: record ? String(record.residenceMunicipalityCode) : null,
  };
}
