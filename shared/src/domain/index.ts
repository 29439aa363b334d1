export * from './calendar.ts';
export * from './cpr.ts';
export * from './age.ts';
export * from './pseudonym.ts';
export * from './gln.ts';
export * from './municipalities.ts';
export * from './municipality-inboxes.ts';
export * from './working-days.ts';
