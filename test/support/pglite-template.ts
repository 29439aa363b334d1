// The template is product code now (a fresh `npm start` copies it too): one implementation for both.
export { ensureTemplate, migratedTemplate, migrationsFolder, migrationsHash, templatePath } from '@pathway-graph/shared/db/pglite-template';
