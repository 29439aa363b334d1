import { GraphQLError } from 'graphql';
import type { Principal, Role, Sector } from '@pathway-graph/shared';

/** Test helpers for the advisory rules: what a refusal said, and principals that read like the domain. */

export interface Refusal {
  code: unknown;
  field: unknown;
  message: string;
  extensions: Record<string, unknown>;
}

/** Runs `fn`, which must refuse with a GraphQLError, and returns the refusal's code, field and message. */
export function refusalOf(fn: () => unknown): Refusal {
  try {
    fn();
  } catch (e) {
    if (!(e instanceof GraphQLError)) throw e;
    return { code: e.extensions['code'], field: e.extensions['field'], message: e.message, extensions: e.extensions };
  }
  throw new Error('expected a refusal, but the call succeeded');
}

export function person(subject: string, sector: Sector, organisation: string, ...roles: Role[]): Principal {
  return { subject, displayName: `Synthetic ${subject}`, sector, organisation, roles };
}

export const asMunicipal = (subject: string, municipality: number, role: Role = 'PPR_PSYCHOLOGIST') =>
  person(subject, 'MUNICIPALITY', String(municipality), role);
export const asAdviser = (subject = 'adviser-1') => person(subject, 'BUA', '265011000016007', 'BUA_ADVISER');
export const asGp = (ydernummer: string, subject = `gp-${ydernummer}`) => person(subject, 'GENERAL_PRACTICE', ydernummer, 'GP');
