import { withholdingOf, type GuardedChild, type Principal, type SectorOwnership } from '@pathway-graph/shared';
import type { Context } from './context.ts';
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

/**
 * Other sectors take part in the tracks too (the GP registers in track 2, the municipality screens in track 3). A
 * record is addressed to the organisations named in its `parties` (`SECTOR:organisation`): the one that made it,
 * the one that registered the child in the track, the municipality a track-3 registration was sent to, the
 * organisation an action plan makes responsible. They read what is addressed to them without a consent, as the
 * policy's "addressed to the reader" basis; everything else of the child needs a consent, as for any other sector.
 */
export const partyOf = (sector: string, organisation: string): string => `${sector}:${organisation}`;
export const partyOfPrincipal = (principal: Pick<Principal, 'sector' | 'organisation'>): string => partyOf(principal.sector, principal.organisation);

/**
 * The records of a child the reader may see, with the read logged under `part`. The owner sectors and readers with
 * a consent see all of them; another reader sees those addressed to their organisation, and when none is, the
 * policy's refusal (worded alike whether or not screening knows the child, so nothing is given away).
 */
export async function readableRecords<T extends { parties: readonly string[] }>(
  ctx: Context,
  childId: string,
  record: ChildRecord | null,
  rows: readonly T[],
  part: string,
  what: string,
): Promise<T[]> {
  const guard = guardOf(childId, record);
  try {
    await ctx.access.read(guard, part, what);
    return [...rows];
  } catch (error) {
    if (!withholdingOf(error)) throw error;
    const own = partyOfPrincipal(ctx.principal);
    const addressed = rows.filter((r) => r.parties.includes(own));
    if (addressed.length === 0) throw error;
    await ctx.access.read(guard, part, what, { addressedTo: [{ sector: ctx.principal.sector, organisation: ctx.principal.organisation }] });
    return addressed;
  }
}
