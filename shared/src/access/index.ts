export * from './consent.ts';
export * from './policy.ts';
export { organisationLabel, purposeLabel, sectorLabel } from './labels.ts';
export * from './suppression.ts';
export * from './correspondence.ts';
export * from './lookup.ts';
export * from './withheld.ts';
export * from './statistics.ts';
