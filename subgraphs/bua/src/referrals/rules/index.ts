/** BUA's own Trin 3 rules: the visitation decision and the assessment outcome (the status machine is shared). */
export * from './visitation.ts';
export * from './outcome.ts';
export * from './consent.ts';
