import { ConfigError } from '@pathway-graph/shared';
import { describe, expect, it } from 'vitest';
import { createScreeningSetup, thresholdsOf } from './setup.ts';

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('the screening setup of a deployment', () => {
  it('by default makes a child positive at WHO-5 50 or below, and at an SDQ total in the two highest of the four bands', () => {
    const setup = createScreeningSetup();
    expect(setup.thresholds).toEqual([
      { id: 'who5-poor-well-being', instrumentId: 'who5', score: 'percentage', condition: { kind: 'value', comparator: 'lte', value: 50 } },
      { id: 'sdq-total-highest-bands', instrumentId: 'sdq', score: 'total', condition: { kind: 'band', bandScheme: 'sdq-uk-4band', bands: ['high', 'very-high'] } },
    ]);
    expect(setup.actionPlanDueDays).toBe(14);
    expect(setup.registry.bandSchemeFor('sdq')).toBe('sdq-uk-4band');
  });

  it('follows the band scheme the deployment chose: with the original three bands, "abnormal" is positive', () => {
    const setup = createScreeningSetup({ bandSchemes: { sdq: 'sdq-uk-3band' } });
    expect(setup.thresholds.find((t) => t.instrumentId === 'sdq')?.condition).toEqual({ kind: 'band', bandScheme: 'sdq-uk-3band', bands: ['abnormal'] });
  });

  it('takes configured thresholds per track, and applies a track’s own only in that track', () => {
    const setup = createScreeningSetup({
      thresholds: [
        { id: 'who5-everywhere', instrumentId: 'who5', score: 'percentage', condition: { kind: 'value', comparator: 'lte', value: 50 } },
        { id: 'who5-track3-stricter', track: 'RELATIVE_OF_MENTALLY_ILL', instrumentId: 'who5', score: 'percentage', condition: { kind: 'value', comparator: 'lte', value: 60 } },
      ],
      actionPlanDueDays: 30,
    });
    expect(thresholdsOf(setup, 'CHRONIC_SOMATIC_ILLNESS').map((t) => t.id)).toEqual(['who5-everywhere']);
    expect(thresholdsOf(setup, 'RELATIVE_OF_MENTALLY_ILL').map((t) => t.id)).toEqual(['who5-everywhere', 'who5-track3-stricter']);
    expect(setup.actionPlanDueDays).toBe(30);
  });

  it('refuses thresholds naming what this deployment does not have, every problem at once under its variable', () => {
    const problems = problemsOf(() =>
      createScreeningSetup({
        thresholds: [
          { id: 'a', instrumentId: 'phq9', score: 'total', condition: { kind: 'value', comparator: 'gte', value: 10 } },
          { id: 'b', instrumentId: 'who5', score: 'total', condition: { kind: 'value', comparator: 'lte', value: 50 } },
          { id: 'c', instrumentId: 'sdq', score: 'total', condition: { kind: 'band', bandScheme: 'sdq-uk-3band', bands: ['abnormal'] } },
          { id: 'd', instrumentId: 'sdq', score: 'total', condition: { kind: 'band', bandScheme: 'sdq-uk-4band', bands: ['enormous'] } },
          { id: 'd', track: 'SPOR_4', instrumentId: 'who5', score: 'percentage', versionIds: ['2024'], condition: { kind: 'value', comparator: 'lte', value: 50 } },
        ],
      }),
    );
    expect(problems.every((p) => p.startsWith('SCREENING_THRESHOLDS: '))).toBe(true);
    const text = problems.join('\n');
    expect(text).toContain('threshold a: no instrument phq9');
    expect(text).toContain('threshold b: WHO-5 has no score total');
    expect(text).toContain('threshold c: bands of sdq-uk-3band, but this deployment bands SDQ with sdq-uk-4band');
    expect(text).toContain('threshold d: sdq-uk-4band has no band enormous for total');
    expect(text).toContain('threshold d appears twice');
    expect(text).toContain('threshold d: track must be one of');
    expect(text).toContain('threshold d: WHO-5 has no version 2024');
  });

  it('refuses thresholds that are not a list of thresholds', () => {
    expect(problemsOf(() => createScreeningSetup({ thresholds: { who5: 50 } })).every((p) => p.startsWith('SCREENING_THRESHOLDS: '))).toBe(true);
  });

  it('refuses a band scheme that does not exist, under SCREENING_BAND_SCHEMES', () => {
    expect(problemsOf(() => createScreeningSetup({ bandSchemes: { sdq: 'sdq-dk-norms' } }))).toEqual([
      expect.stringMatching(/^SCREENING_BAND_SCHEMES: band scheme sdq-dk-norms chosen for sdq does not exist/),
    ]);
  });

  it('refuses a licensed-texts file that cannot be read, under SCREENING_LICENSED_TEXTS_FILE, without quoting it', () => {
    const problems = problemsOf(() => createScreeningSetup({ licensedTextsFile: '/nonexistent/licensed-texts.json' }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^SCREENING_LICENSED_TEXTS_FILE: /);
  });
});
