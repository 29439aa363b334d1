import { describe, expect, it } from 'vitest';
import {
  buaReferralEvents,
  chronological,
  contactPersonRecordEvents,
  furtherCourseEvents,
  interventionEvents,
  medicationAgreementEvents,
  receivedLetterEvents,
  screeningResultEvents,
  sentLetterEvents,
  sentReferralEvents,
  trackMembershipEvents,
  transitionPlanEvents,
} from './events.ts';

const child = 'child-1';

describe('the events each sector builds from its records', () => {
  it("a GP's sent letter: one event at its step, naming practice and municipality but nothing the letter says", () => {
    const [e] = sentLetterEvents({ id: 'l1', childId: child, sentAt: '2026-11-01T10:00:00+01:00', step: 'TRIN_2', practice: '107510', recipientMunicipalityCode: 751 });
    expect(e).toEqual({
      childId: child,
      id: 'LETTER_SENT:l1',
      at: '2026-11-01T09:00:00.000Z',
      kind: 'LETTER_SENT',
      recordStep: 'TRIN_2',
      subjectId: 'l1',
      summary: 'Correspondence letter (Trin 2) sent by practice 107510 to municipality 751.',
    });
  });

  it("the municipality's letter: received, then read and replied only once they happened", () => {
    const base = { id: 'r1', childId: child, municipalityCode: 751, step: 'TRIN_1' as const, receivedAt: '2026-11-01T10:00:00Z', readAt: null, repliedAt: null };
    expect(receivedLetterEvents(base).map((e) => e.kind)).toEqual(['LETTER_RECEIVED']);
    expect(receivedLetterEvents({ ...base, readAt: '2026-11-02T10:00:00Z', repliedAt: '2026-11-03T10:00:00Z' }).map((e) => e.id)).toEqual([
      'LETTER_RECEIVED:r1',
      'LETTER_READ:r1',
      'LETTER_REPLIED:r1',
    ]);
  });

  it('an intervention: started at the start of its day, ended with its effect', () => {
    const events = interventionEvents({ id: 'i1', childId: child, municipalityCode: 751, kind: 'PSYCHOLOGICAL', step: 'TRIN_1', startedOn: '2026-03-01', endedOn: '2026-05-01', effect: 'NOT_AS_EXPECTED' });
    expect(events.map((e) => [e.kind, e.at, e.recordStep])).toEqual([
      ['INTERVENTION_STARTED', '2026-03-01T00:00:00.000Z', 'TRIN_1'],
      ['INTERVENTION_ENDED', '2026-05-01T00:00:00.000Z', 'TRIN_1'],
    ]);
    expect(events[1]!.summary).toBe('Trin 1 psychological intervention of municipality 751 ended, without the expected effect.');
  });

  it('a referral: an event for the referrer only, none for a sector merely told of it', () => {
    const referral = { id: 'ref', childId: child, sentAt: '2026-11-01T10:00:00Z', referrerSector: 'GENERAL_PRACTICE' as const, referrerOrganisation: '107510' };
    expect(sentReferralEvents({ ...referral, role: 'REFERRER' }).map((e) => e.kind)).toEqual(['REFERRAL_SENT']);
    expect(sentReferralEvents({ ...referral, role: 'INFORMED' })).toEqual([]);
  });

  it("BUA's course: every status, treatment responsibility taken at visitation and returned at closing, each communication", () => {
    const events = buaReferralEvents({
      id: 'ref',
      childId: child,
      history: [
        { status: 'RECEIVED', at: '2026-11-01T10:00:00Z' },
        { status: 'VISITED', at: '2026-11-02T10:00:00Z' },
        { status: 'ASSESSMENT_STARTED', at: '2026-11-03T10:00:00Z' },
        { status: 'ASSESSED', at: '2026-11-04T10:00:00Z' },
        { status: 'CLOSED', at: '2026-11-06T10:00:00Z' },
      ],
      visitationDecision: 'ASSESSMENT',
      outcomeConclusion: 'DIAGNOSED',
      communicated: { MUNICIPALITY: '2026-11-05T10:00:00Z', GENERAL_PRACTICE: '2026-11-05T11:00:00Z' },
      parentsToldAt: '2026-11-05T12:00:00Z',
    });
    expect(chronological(events).map((e) => e.kind)).toEqual([
      'REFERRAL_RECEIVED',
      'TREATMENT_RESPONSIBILITY_TAKEN',
      'VISITATION_ASSESSMENT',
      'ASSESSMENT_STARTED',
      'ASSESSMENT_CONCLUDED',
      'OUTCOME_COMMUNICATED',
      'OUTCOME_COMMUNICATED',
      'OUTCOME_COMMUNICATED',
      'REFERRAL_CLOSED',
      'TREATMENT_RESPONSIBILITY_RETURNED',
    ]);
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
  });

  it('a visitation without need for assessment: no treatment responsibility taken or returned', () => {
    const events = buaReferralEvents({
      id: 'ref',
      childId: child,
      history: [
        { status: 'RECEIVED', at: '2026-11-01T10:00:00Z' },
        { status: 'VISITED', at: '2026-11-02T10:00:00Z' },
        { status: 'CLOSED', at: '2026-11-03T10:00:00Z' },
      ],
      visitationDecision: 'NO_ASSESSMENT_NEEDED',
      outcomeConclusion: null,
      communicated: {},
      parentsToldAt: null,
    });
    expect(events.map((e) => e.kind)).toEqual(['REFERRAL_RECEIVED', 'VISITATION_NO_ASSESSMENT', 'REFERRAL_CLOSED']);
  });

  it('a part of the joint decision after no assessment: one per sector and referral', () => {
    const [e] = furtherCourseEvents({ referralId: 'ref', childId: child, sector: 'GENERAL_PRACTICE', recordedAt: '2026-11-04T10:00:00Z' });
    expect(e).toMatchObject({ id: 'FURTHER_COURSE_RECORDED:ref:GENERAL_PRACTICE', subjectId: 'ref', recordStep: null });
    expect(e!.summary).toBe('After no need for assessment, the GP recorded its part of the further course.');
  });

  it('a medication agreement: the proposing side gives the proposal, the answering side the answer', () => {
    const agreement = { id: 'a1', childId: child, atcCode: 'N06BA04', proposedBy: 'BUA' as const, proposedAt: '2026-11-01T10:00:00Z', responseBy: 'GENERAL_PRACTICE' as const, responseAt: '2026-11-02T10:00:00Z', responseAccepted: false };
    expect(medicationAgreementEvents(agreement, 'BUA').map((e) => e.kind)).toEqual(['MEDICATION_AGREEMENT_PROPOSED']);
    expect(medicationAgreementEvents(agreement, 'GENERAL_PRACTICE').map((e) => [e.kind, e.recordStep])).toEqual([['MEDICATION_AGREEMENT_DECLINED', 'TRIN_4']]);
  });

  it("coordination, transition and screening records, never with a person's name", () => {
    const [appointed] = contactPersonRecordEvents({ id: 'c1', childId: child, organisation: '751', type: 'APPOINTED', at: '2026-11-01T10:00:00Z' }, 'The municipality');
    expect(appointed!.summary).toBe('The municipality appointed a coordinating contact person.');
    expect(transitionPlanEvents({ id: 'p1', childId: child, source: 'RECEIVED', recordedAt: '2026-11-01T10:00:00Z', plannedOn: '2026-12-01' }, 'BUA')).toEqual([]);
    expect(trackMembershipEvents({ id: 'm1', childId: child, track: 'CHRONIC_SOMATIC_ILLNESS', since: '2026-01-01', endedOn: null }).map((e) => e.kind)).toEqual(['TRACK_JOINED']);
    expect(screeningResultEvents({ id: 's1', childId: child, track: 'RECOGNISED_MENTAL_PROBLEMS', instrumentId: 'SDQ', screeningDate: '2026-02-01', positive: true })[0]!.kind).toBe('SCREENING_POSITIVE');
  });
});
