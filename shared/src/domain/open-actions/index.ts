export * from './open-actions.ts';
