import type { Threshold } from '../model.ts';

/**
 * The thresholds the screening issue names, as a starting point for a deployment's per-track configuration: WHO-5 at
 * or below 50 on the 0-100 scale (poor well-being), and the SDQ total difficulties in the two highest bands of the
 * four-band scheme.
 */
export const EXAMPLE_THRESHOLDS: readonly Threshold[] = [
  { id: 'who5-poor-well-being', instrumentId: 'who5', score: 'percentage', condition: { kind: 'value', comparator: 'lte', value: 50 } },
  { id: 'sdq-total-high', instrumentId: 'sdq', score: 'total', condition: { kind: 'band', bandScheme: 'sdq-uk-4band', bands: ['high', 'very-high'] } },
];
