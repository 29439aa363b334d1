import type { InvolvedSector, SectorContactPerson, TreatmentResponsibility, WithheldPart } from '../generated/resolvers-types.ts';
import type { PathwayModel } from '../models.ts';
import { FACTS_FIELD, readFacts, SECTORS } from './facts.ts';
import { mergeOpenActions, type PathwayOpenActionItem } from './open-actions.ts';
import { currentStep, type CurrentStep } from './step.ts';
import { mergeTimeline, type TimelineEvent } from './timeline.ts';

/**
 * The pathway's fields, each from the sector facts it `@requires`, read through `readFacts`: a sector that did not
 * share, or sent something its schema does not declare, contributes nothing, and `withheld` names the sectors that
 * did not share, and those whose events came malformed.
 */

/** The merged timeline of the sectors that shared their events. */
export function timelineFrom(p: PathwayModel): TimelineEvent[] {
  return mergeTimeline(
    SECTORS.flatMap((sector) => {
      const { shared } = readFacts(sector, p[FACTS_FIELD[sector]], ['events']);
      return shared?.events ? [{ sector, events: shared.events }] : [];
    }),
  );
}

export function currentStepFrom(p: PathwayModel): CurrentStep | null {
  const bua = readFacts('BUA', p.buaFacts, ['holdsTreatmentResponsibility']).shared;
  return currentStep(timelineFrom(p), bua?.holdsTreatmentResponsibility ?? null);
}

export function stepBasisFrom(p: PathwayModel) {
  const current = currentStepFrom(p);
  if (!current) return null;
  const { event, rule } = current;
  return { sector: event.sector, kind: event.kind, at: event.at, eventId: event.id, rule };
}

const BUA_RESPONSIBLE = 'BUA holds full treatment responsibility while the child is assessed and treated (agreement 6.1, Trin 3).';
const NOT_BUA =
  'BUA holds no treatment responsibility for the child now: the municipality and the GP carry the course between them (Trin 1, 2 and 4).';

/** Null when BUA did not share its facts: who holds the responsibility is then unknown, not "not BUA". */
export function treatmentResponsibilityFrom(p: PathwayModel): TreatmentResponsibility | null {
  const bua = readFacts('BUA', p.buaFacts, ['holdsTreatmentResponsibility', 'treatmentResponsibilitySince']).shared;
  if (!bua || bua.holdsTreatmentResponsibility === null) return null;
  return bua.holdsTreatmentResponsibility
    ? { holder: 'BUA', startedAt: bua.treatmentResponsibilitySince, basis: BUA_RESPONSIBLE }
    : { holder: null, startedAt: null, basis: NOT_BUA };
}

/** The sectors that keep a coordinating contact person; the screening tracks hold none to show. */
const CONTACT_PERSON_SECTORS = ['MUNICIPALITY', 'GENERAL_PRACTICE', 'BUA'] as const satisfies readonly InvolvedSector[];

export function contactPersonsFrom(p: PathwayModel): SectorContactPerson[] {
  return CONTACT_PERSON_SECTORS.flatMap((sector) => {
    const person = readFacts(sector, p[FACTS_FIELD[sector]], ['coordinatingContactPerson']).shared?.coordinatingContactPerson;
    return person ? [{ sector, ...person }] : [];
  });
}

/** Every shared sector's open actions, merged and sorted by due day. */
export function openActionsFrom(p: PathwayModel): PathwayOpenActionItem[] {
  return mergeOpenActions(
    SECTORS.flatMap((sector) => (readFacts(sector, p[FACTS_FIELD[sector]], ['openActions']).shared?.openActions ?? []).map((a) => ({ ...a, heldBy: sector }))),
  );
}

/**
 * The sectors that did not share their facts with this reader, and why, in the enum's order; and those whose timeline
 * events did not arrive in their declared form (UNAVAILABLE): the timeline and the step leave such a sector's events
 * out, and that must show here, not pass for a sector with nothing to tell.
 */
export function pathwayWithheldFrom(p: PathwayModel): WithheldPart[] {
  return SECTORS.flatMap((sector) => {
    const { withheld } = readFacts(sector, p[FACTS_FIELD[sector]], ['events']);
    return withheld ? [{ sector, reason: withheld.reason, message: withheld.message }] : [];
  });
}
