import { describe, expect, it } from 'vitest';
import type { TrackMembershipRecord } from '../db/repository.ts';
import type { KeptCustodyConsent } from '../db/open-actions.ts';
import { openActionsOf, type ScreeningOpenActionSources } from './service.ts';

const TODAY = '2026-09-01';
const PAEDIATRICS = { sector: 'PAEDIATRICS' as const, organisation: '9990021000016000' };
/** Turns 18 on 2026-10-15, within the three months' notice from TODAY. */
const BORN = '2008-10-15';

const membership = (endedOn: string | null) => ({ endedOn }) as Pick<TrackMembershipRecord, 'endedOn'> as TrackMembershipRecord;
const consent = (c: Partial<KeptCustodyConsent> = {}): KeptCustodyConsent => ({
  id: '01900000-0000-7000-8000-000000000001',
  childId: 'child',
  givenBy: 'CUSTODY_HOLDER',
  validUntil: null,
  withdrawnAt: null,
  recordedByOrganisation: PAEDIATRICS.organisation,
  recordedBySector: PAEDIATRICS.sector,
  ...c,
});
const sources = (s: Partial<ScreeningOpenActionSources> = {}): ScreeningOpenActionSources => ({
  child: { birthDate: BORN, memberships: [membership(null)] },
  results: [],
  consents: [consent()],
  ...s,
});
const dueIn14Days = (r: { screeningDate: string }) => (r.screeningDate === '2026-08-20' ? '2026-09-03' : 'unexpected');

describe("screening's open actions", () => {
  it('names the organisation that recorded a custody holder’s consent as owing the young person’s own by the 18th birthday', () => {
    expect(openActionsOf(sources(), TODAY, dueIn14Days)).toEqual([
      { kind: 'CONSENT_LAPSES_AT_18', subjectId: consent().id, ownerSector: 'PAEDIATRICS', ownerOrganisation: PAEDIATRICS.organisation, dueOn: '2026-10-15', overdue: false },
    ]);
  });

  it('keeps the keeper’s sector: adult psychiatry’s consent is adult psychiatry’s action', () => {
    const [action] = openActionsOf(sources({ consents: [consent({ recordedBySector: 'ADULT_PSYCHIATRY', recordedByOrganisation: '6620' })] }), TODAY, dueIn14Days);
    expect(action).toMatchObject({ ownerSector: 'ADULT_PSYCHIATRY', ownerOrganisation: '6620' });
  });

  it('reports nothing when the child is in no track any more, or not known, or the consent is the young person’s', () => {
    expect(openActionsOf(sources({ child: { birthDate: BORN, memberships: [membership('2026-06-01')] } }), TODAY, dueIn14Days)).toEqual([]);
    expect(openActionsOf(sources({ child: null }), TODAY, dueIn14Days)).toEqual([]);
    expect(openActionsOf(sources({ consents: [consent({ givenBy: 'YOUNG_PERSON' })] }), TODAY, dueIn14Days)).toEqual([]);
  });

  it('reports nothing before the notice period: 18 in more than three months', () => {
    expect(openActionsOf(sources({ child: { birthDate: '2009-01-02', memberships: [membership(null)] } }), TODAY, dueIn14Days)).toEqual([]);
  });

  it('lists a positive screening without a plan beside it, earliest due first', () => {
    const result = { id: '01900000-0000-7000-8000-000000000002', screeningDate: '2026-08-20', recordedBySector: 'HEALTH_VISITING' as const, recordedByOrganisation: '751' };
    expect(openActionsOf(sources({ results: [result] }), TODAY, dueIn14Days).map((a) => [a.kind, a.ownerSector, a.dueOn])).toEqual([
      ['SCREENING_WITHOUT_ACTION_PLAN', 'HEALTH_VISITING', '2026-09-03'],
      ['CONSENT_LAPSES_AT_18', 'PAEDIATRICS', '2026-10-15'],
    ]);
  });
});
