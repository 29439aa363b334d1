import { describe, expect, it } from 'vitest';
import { describeChanges } from './changes.ts';
import { emptyFigures, hidden, shown } from './fixtures.ts';

function twoBienniums() {
  const current = emptyFigures('2025-2026', ['2025-H1', '2025-H2', '2026-H1', '2026-H2']);
  const previous = emptyFigures('2023-2024', ['2023-H1', '2023-H2', '2024-H1', '2024-H2']);
  return { current, previous };
}

describe('describeChanges', () => {
  it('compares the region\'s counts, shares and medians with the previous period', () => {
    const { current, previous } = twoBienniums();
    current.letters.count = { REGION: { '2025-2026': shown(2836) } };
    previous.letters.count = { REGION: { '2023-2024': shown(1802) } };
    current.letters.answeredWithinDeadline = { REGION: shown(0.878) };
    previous.letters.answeredWithinDeadline = { REGION: shown(0.908) };
    current.letters.replyWorkingDaysMedian = { REGION: shown(3) };
    previous.letters.replyWorkingDaysMedian = { REGION: shown(2) };
    current.referrals.daysToAssessmentMedian = { REGION: shown(52) };
    previous.referrals.daysToAssessmentMedian = { REGION: shown(52) };
    expect(describeChanges(current, previous)).toEqual([
      'Correspondence letters from GPs to the municipalities: 2,836 in 2025-2026, up 57% from 1,802 in 2023-2024.',
      'Letters answered within the deadline: 87.8%, down 3.0 percentage points from 90.8% in 2023-2024.',
      'Median reply time: 3 working days, 1 working day more than in 2023-2024.',
      'Median time from referral to assessment: 52 days, the same as in 2023-2024.',
    ]);
  });

  it('names the municipalities with the largest changes', () => {
    const { current, previous } = twoBienniums();
    current.letters.count = { '751': { '2025-2026': shown(786) }, '730': { '2025-2026': shown(188) }, '779': { '2025-2026': shown(40) }, '615': { '2025-2026': shown(90) } };
    previous.letters.count = { '751': { '2023-2024': shown(462) }, '730': { '2023-2024': shown(120) }, '779': { '2023-2024': shown(52) }, '615': { '2023-2024': shown(90) } };
    expect(describeChanges(current, previous)).toEqual([
      'The largest increases in letters were in Aarhus (+324), Randers (+68); the largest decrease in Skive (−12).',
    ]);
  });

  it('never mentions a municipality or a total whose value is hidden in either period', () => {
    const { current, previous } = twoBienniums();
    current.letters.count = { REGION: { '2025-2026': hidden }, '741': { '2025-2026': hidden }, '751': { '2025-2026': shown(786) }, '665': { '2025-2026': shown(60) } };
    previous.letters.count = { REGION: { '2023-2024': shown(1802) }, '741': { '2023-2024': shown(9) }, '751': { '2023-2024': hidden }, '665': { '2023-2024': shown(30) } };
    current.letters.knownToMunicipality = { REGION: shown(0.7) };
    previous.letters.knownToMunicipality = { REGION: hidden };
    const text = describeChanges(current, previous).join(' ');
    expect(text).toBe('The largest increases in letters were in Lemvig (+30).');
    for (const name of ['Samsø', 'Aarhus', 'Correspondence', 'known', '1,802', '786']) expect(text).not.toContain(name);
  });

  it('adds up advisory sessions and positive screenings only when every part is shown', () => {
    const { current, previous } = twoBienniums();
    current.advisory.values = { REGION: { 'CASE_CONSULTATION:USED': shown(600), 'SUPERVISION:USED': shown(100), 'TEACHING:USED': shown(80) } };
    previous.advisory.values = { REGION: { 'CASE_CONSULTATION:USED': shown(600), 'SUPERVISION:USED': shown(100), 'TEACHING:USED': shown(81) } };
    current.screening.values = { REGION: { 'TRACK_1:POSITIVE': shown(400), 'TRACK_2:POSITIVE': hidden, 'TRACK_3:POSITIVE': shown(90) } };
    previous.screening.values = { REGION: { 'TRACK_1:POSITIVE': shown(300), 'TRACK_2:POSITIVE': shown(100), 'TRACK_3:POSITIVE': shown(80) } };
    expect(describeChanges(current, previous)).toEqual(['Advisory sessions used: 780 in 2025-2026, about the same as the 781 in 2023-2024.']);
  });

  it('counts positive screenings, not children, and says so (a child screened positive twice is two screenings)', () => {
    const { current, previous } = twoBienniums();
    current.screening.values = { REGION: { 'TRACK_1:POSITIVE': shown(400), 'TRACK_2:POSITIVE': shown(100), 'TRACK_3:POSITIVE': shown(90) } };
    previous.screening.values = { REGION: { 'TRACK_1:POSITIVE': shown(300), 'TRACK_2:POSITIVE': shown(100), 'TRACK_3:POSITIVE': shown(80) } };
    const text = describeChanges(current, previous);
    expect(text).toEqual(['Positive screenings: 590 in 2025-2026, up 23% from 480 in 2023-2024.']);
    expect(text.join(' ')).not.toMatch(/children/i);
  });

    it('says so when there is nothing to compare', () => {
    const { current, previous } = twoBienniums();
    expect(describeChanges(current, null)).toEqual(['There are no figures for the period before 2025-2026 to compare with.']);
    expect(describeChanges(current, previous)).toEqual(['No figure is shown for both 2025-2026 and 2023-2024, so there is nothing to compare.']);
  });
});
