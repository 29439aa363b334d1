import { describe, expect, it } from 'vitest';
import { contactPersonsFrom, currentStepFrom, openActionsFrom, pathwayWithheldFrom, stepBasisFrom, timelineFrom, treatmentResponsibilityFrom } from './pathway.ts';

const refused = { withheld: { reason: 'NO_CONSENT', message: 'No consent (test).' } };
const letter = (id: string, at: string, step: 'TRIN_1' | 'TRIN_2') => ({ id: `LETTER_SENT:${id}`, at, kind: 'LETTER_SENT', recordStep: step, subjectId: id, summary: 'Correspondence letter sent.' });
const received = { id: 'REFERRAL_RECEIVED:r1', at: '2026-03-01T10:00:00.000Z', kind: 'REFERRAL_RECEIVED', recordStep: null, subjectId: 'r1', summary: 'Referral received by BUA.' };
const notConsidered = { status: 'NOT_CONSIDERED', at: null, name: null, role: null, phone: null };

describe('the pathway fields, from the sector facts they require', () => {
  const pathway = {
    id: 'child',
    municipalityFacts: { withheld: null, events: [], coordinatingContactPerson: notConsidered, openActions: [] },
    generalPracticeFacts: { withheld: null, events: [letter('l1', '2026-01-01T10:00:00.000Z', 'TRIN_1'), letter('l2', '2026-02-01T10:00:00.000Z', 'TRIN_2')], coordinatingContactPerson: notConsidered, openActions: [] },
    buaFacts: {
      withheld: null,
      events: [received],
      holdsTreatmentResponsibility: false,
      treatmentResponsibilitySince: null,
      coordinatingContactPerson: { status: 'APPOINTED', at: '2026-03-02T10:00:00.000Z', name: 'Demo (syntetisk)', role: 'Sygeplejerske', phone: null },
      openActions: [{ kind: 'REFERRAL_AWAITING_VISITATION', subjectId: 'r1', ownerSector: 'BUA', ownerOrganisation: '6620', dueOn: '2026-03-11', overdue: false }],
    },
    screeningFacts: refused,
  };

  it('merges the timeline of the sectors that shared, and puts the child at the latest step', () => {
    expect(timelineFrom(pathway).map((e) => e.id)).toEqual(['GENERAL_PRACTICE:LETTER_SENT:l1', 'GENERAL_PRACTICE:LETTER_SENT:l2', 'BUA:REFERRAL_RECEIVED:r1']);
    expect(currentStepFrom(pathway)?.step).toBe('TRIN_3');
    expect(stepBasisFrom(pathway)).toMatchObject({ sector: 'BUA', kind: 'REFERRAL_RECEIVED', eventId: 'BUA:REFERRAL_RECEIVED:r1' });
  });

  it('says who holds treatment responsibility, and nothing when BUA did not share', () => {
    expect(treatmentResponsibilityFrom(pathway)).toMatchObject({ holder: null, startedAt: null });
    expect(treatmentResponsibilityFrom({ ...pathway, buaFacts: { ...pathway.buaFacts, holdsTreatmentResponsibility: true, treatmentResponsibilitySince: '2026-03-05T10:00:00.000Z' } })).toMatchObject({
      holder: 'BUA',
      startedAt: '2026-03-05T10:00:00.000Z',
    });
    expect(treatmentResponsibilityFrom({ ...pathway, buaFacts: refused })).toBeNull();
  });

  it('lists the contact persons and open actions of the sectors that shared, and the others as withheld', () => {
    expect(contactPersonsFrom(pathway).map((c) => `${c.sector}:${c.status}`)).toEqual(['MUNICIPALITY:NOT_CONSIDERED', 'GENERAL_PRACTICE:NOT_CONSIDERED', 'BUA:APPOINTED']);
    expect(openActionsFrom(pathway)).toEqual([{ kind: 'REFERRAL_AWAITING_VISITATION', subjectId: 'r1', heldBy: 'BUA', ownerSector: 'BUA', ownerOrganisation: '6620', dueOn: '2026-03-11', overdue: false }]);
    expect(pathwayWithheldFrom(pathway)).toEqual([{ sector: 'SCREENING', reason: 'NO_CONSENT', message: 'No consent (test).' }]);
  });

  it('uses nothing of a sector whose facts did not arrive in their declared form, and withholds none it did not refuse', () => {
    const malformed = { ...pathway, buaFacts: { ...pathway.buaFacts, events: [{ ...received, kind: 'SOMETHING_ELSE' }] } };
    expect(timelineFrom(malformed).map((e) => e.sector)).toEqual(['GENERAL_PRACTICE', 'GENERAL_PRACTICE']);
    expect(currentStepFrom(malformed)?.step).toBe('TRIN_2');
    const noEvents = { ...pathway, generalPracticeFacts: { withheld: null } };
    expect(timelineFrom(noEvents).map((e) => e.sector)).toEqual(['BUA']);
    // No events is what the sector answered: nothing is withheld.
    expect(pathwayWithheldFrom(noEvents).map((w) => w.sector)).toEqual(['SCREENING']);
  });

  it('marks a sector whose timeline events came malformed as withheld (UNAVAILABLE), in the enum’s order, with what to do', () => {
    for (const event of [{ ...received, kind: 'SOMETHING_ELSE' }, { ...received, at: 'not a time' }, { ...received, recordStep: 3 }, 'REFERRAL_RECEIVED']) {
      const malformed = { ...pathway, buaFacts: { ...pathway.buaFacts, events: [event] } };
      expect(pathwayWithheldFrom(malformed)).toEqual([
        { sector: 'BUA', reason: 'UNAVAILABLE', message: expect.stringMatching(/^BUA's data about the child did not arrive in the form its schema declares.*x-request-id/) },
        { sector: 'SCREENING', reason: 'NO_CONSENT', message: 'No consent (test).' },
      ]);
    }
  });

  it('reads null fields a planner left out of the facts as null (Hive Gateway’s Rust planner), and a required one left out as withheld', () => {
    // As Hive's Rust planner passes them: `withheld`, `recordStep`, and the contact person's empty fields left out.
    const { recordStep: _step, ...receivedWithoutStep } = received;
    const leftOut = {
      ...pathway,
      municipalityFacts: { events: [], coordinatingContactPerson: { status: 'NOT_CONSIDERED' }, openActions: [] },
      buaFacts: { ...pathway.buaFacts, withheld: undefined, events: [receivedWithoutStep], coordinatingContactPerson: { status: 'APPOINTED', at: '2026-03-02T10:00:00.000Z', name: 'Demo (syntetisk)', role: 'Sygeplejerske' } },
    };
    expect(timelineFrom(leftOut)).toEqual(timelineFrom(pathway));
    expect(currentStepFrom(leftOut)).toEqual(currentStepFrom(pathway));
    expect(contactPersonsFrom(leftOut)).toEqual(contactPersonsFrom(pathway));
    expect(pathwayWithheldFrom(leftOut)).toEqual(pathwayWithheldFrom(pathway));
    const { kind: _kind, ...receivedWithoutKind } = received;
    const requiredLeftOut = { ...pathway, buaFacts: { ...pathway.buaFacts, events: [receivedWithoutKind] } };
    expect(timelineFrom(requiredLeftOut).map((e) => e.sector)).toEqual(['GENERAL_PRACTICE', 'GENERAL_PRACTICE']);
  });
});
