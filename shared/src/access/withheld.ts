import { GraphQLError } from 'graphql';
import { ErrorCode } from '../errors.ts';
import type { DenialRule } from './policy.ts';

/**
 * Why a sector's data about a child was withheld from a reader, as the facts a sector hands the pathway subgraph
 * say it (`withheld` instead of an error, so computed fields never raise errors about fields the client did not
 * select). The reason and the message are exactly those of the refusal the policy gave, so a withholding tells the
 * reader nothing a refusal of the sector's own fields would not.
 */
export const WITHHELD_REASONS = ['NO_CONSENT', 'OTHER_ORGANISATION', 'NOT_PERMITTED_FOR_ROLE', 'UNAVAILABLE'] as const;
export type WithheldReason = (typeof WITHHELD_REASONS)[number];

export interface Withholding {
  reason: WithheldReason;
  /** The refusal's own message: what is missing and what to do. */
  message: string;
}

const REASON_OF_RULE: Record<DenialRule, WithheldReason> = {
  NO_ACTIVE_CONSENT: 'NO_CONSENT',
  OTHER_ORGANISATION: 'OTHER_ORGANISATION',
  ANALYST_AGGREGATES_ONLY: 'NOT_PERMITTED_FOR_ROLE',
  ADMINISTRATOR_NO_CARE_DATA: 'NOT_PERMITTED_FOR_ROLE',
  BUA_ADVISER_ANONYMOUS_CASES: 'NOT_PERMITTED_FOR_ROLE',
  NO_CLINICAL_ROLE: 'NOT_PERMITTED_FOR_ROLE',
};

/**
 * The withholding a refusal amounts to, or null when `error` is no refusal (a failing database is a failure, not a
 * reason to withhold, and must surface as one).
 */
export function withholdingOf(error: unknown): Withholding | null {
  if (!(error instanceof GraphQLError)) return null;
  const code = error.extensions['code'];
  if (code !== ErrorCode.CONSENT_REQUIRED && code !== ErrorCode.FORBIDDEN) return null;
  const rule = error.extensions['rule'];
  const byRule = typeof rule === 'string' && Object.hasOwn(REASON_OF_RULE, rule) ? REASON_OF_RULE[rule as DenialRule] : undefined;
  return { reason: byRule ?? (code === ErrorCode.CONSENT_REQUIRED ? 'NO_CONSENT' : 'NOT_PERMITTED_FOR_ROLE'), message: error.message };
}
