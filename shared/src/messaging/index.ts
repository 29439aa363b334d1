export * from './tables.ts';
export * from './signature.ts';
export * from './outbox.ts';
export * from './worker.ts';
export * from './endpoint.ts';
