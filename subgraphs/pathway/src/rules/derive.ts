import { ageOn } from '@pathway-graph/shared';
import type { AgeBand, WithheldPart } from '../generated/resolvers-types.ts';
import type { ChildModel } from '../models.ts';
import { ageBandOn } from './age-band.ts';
import { FACTS_FIELD, readFacts, SECTORS } from './facts.ts';
import { involvedSectors } from './involved-sectors.ts';

/**
 * The pathway's computed fields, from the sector facts the gateway fetched for them (`@requires`), each read through
 * `readFacts`: what a sector did not share, or sent in a form its schema does not declare, never becomes a fact, and
 * `withheld` names exactly the sectors the other fields had to do without.
 */

const birthDateOf = (child: ChildModel): string | null => readFacts('MUNICIPALITY', child.municipalityFacts).shared?.birthDate ?? null;

/** Whole years today; null when the municipality does not know the child or withheld its date of birth. */
export function ageFrom(child: ChildModel, today: string): number | null {
  const birthDate = birthDateOf(child);
  return birthDate ? ageOn(birthDate, today) : null;
}

export function ageBandFrom(child: ChildModel, today: string): AgeBand | null {
  const birthDate = birthDateOf(child);
  return birthDate ? ageBandOn(birthDate, today) : null;
}

export function involvedSectorsFrom(child: ChildModel) {
  return involvedSectors({
    municipality: readFacts('MUNICIPALITY', child.municipalityFacts),
    generalPractice: readFacts('GENERAL_PRACTICE', child.generalPracticeFacts),
    bua: readFacts('BUA', child.buaFacts),
    screening: readFacts('SCREENING', child.screeningFacts),
  });
}

/** Which sectors did not share their facts with this reader, and why, in the enum's order. */
export function withheldFrom(child: ChildModel): WithheldPart[] {
  return SECTORS.flatMap((sector) => {
    const { withheld } = readFacts(sector, child[FACTS_FIELD[sector]]);
    return withheld ? [{ sector, reason: withheld.reason, message: withheld.message }] : [];
  });
}
