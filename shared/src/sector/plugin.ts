import type { ApolloServerPlugin } from '@apollo/server';
import type { AnyDatabase } from '../db/database.ts';
import type { RequestAccess } from './access.ts';
import { appendAccessLog } from './repository.ts';
import type { SectorTables } from './tables.ts';

interface AuditedContext {
  access: RequestAccess;
}

/**
 * Writes a request's read entries to the access log before the response is sent: if the log cannot be written, the
 * request fails rather than release data nobody can later account for.
 */
export function accessLogPlugin<TContext extends AuditedContext>(
  db: AnyDatabase<Record<string, unknown>>,
  tables: SectorTables,
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operationName, operation }) {
          contextValue.access.operation = `${operation?.operation ?? 'query'} ${operationName ?? '(anonymous)'}`;
        },
        async willSendResponse({ contextValue }) {
          await appendAccessLog(db, tables, contextValue.access.takeReadEntries());
        },
      };
    },
  };
}
