import { badUserInput, forbidden, type Principal, type Role, type Sector } from '@pathway-graph/shared';

/**
 * Who handles a municipality's correspondence letters (agreement 6.2: "relevant professionals, e.g. a psychologist, a
 * social worker and/or a health visitor"): the municipality's own caseworkers, PPR psychologists, social workers and
 * health visitors. Health visitors act for sector HEALTH_VISITING with the employing municipality's code, which is
 * also how municipalities that route letters through the health and elderly area (section 7) reach them.
 */
export const LETTER_HANDLER_ROLES = ['PPR_PSYCHOLOGIST', 'HEALTH_VISITOR', 'SOCIAL_WORKER', 'CASEWORKER'] as const satisfies readonly Role[];
export type LetterHandlerRole = (typeof LETTER_HANDLER_ROLES)[number];

/** The sector a handler role belongs to (principal.ts binds roles to sectors the same way). */
export function sectorOfHandlerRole(role: LetterHandlerRole): Sector {
  return role === 'HEALTH_VISITOR' ? 'HEALTH_VISITING' : 'MUNICIPALITY';
}

const HANDLER_SECTORS: readonly Sector[] = ['MUNICIPALITY', 'HEALTH_VISITING'];

/** The role the principal handles letters in (the first of LETTER_HANDLER_ROLES it has); call after assertMayHandleLetters. */
export function handlerRoleOf(principal: Principal): LetterHandlerRole {
  const role = LETTER_HANDLER_ROLES.find((r) => principal.roles.includes(r));
  if (!role) throw forbidden(`Correspondence letters are handled by professionals with one of the roles ${LETTER_HANDLER_ROLES.join(', ')}.`);
  return role;
}

/** True when the principal is one of the municipality's own letter handlers. */
export function isLetterHandlerOf(principal: Principal, municipalityCode: number): boolean {
  return (
    HANDLER_SECTORS.includes(principal.sector) &&
    principal.organisation === String(municipalityCode) &&
    principal.roles.some((r) => (LETTER_HANDLER_ROLES as readonly Role[]).includes(r))
  );
}

/**
 * The inbox and its letters are for the receiving municipality's own professionals. Another municipality's staff,
 * GPs, analysts and administrators are refused with FORBIDDEN.
 */
export function assertMayHandleLetters(principal: Principal, municipalityCode: number, field = 'municipalityCode'): void {
  if (isLetterHandlerOf(principal, municipalityCode)) return;
  const sameOrganisation = HANDLER_SECTORS.includes(principal.sector) && principal.organisation === String(municipalityCode);
  if (sameOrganisation) {
    throw forbidden(
      `Correspondence letters are handled by professionals with one of the roles ${LETTER_HANDLER_ROLES.join(', ')}; ` +
        `analysts can use childStatistics for figures.`,
      { field, rule: 'NO_LETTER_HANDLER_ROLE' },
    );
  }
  throw forbidden(
    `The inbox of municipality ${municipalityCode} is only open to municipality ${municipalityCode}'s own professionals; ` +
      `letters to another municipality cannot be read, triaged or answered from outside it.`,
    { field, rule: 'OTHER_ORGANISATION' },
  );
}

/** Who may change the municipality's reply deadline: its own caseworkers (who run the inbox) and administrators. */
export function assertMaySetReplyDeadline(principal: Principal, municipalityCode: number): void {
  const own = principal.sector === 'MUNICIPALITY' && principal.organisation === String(municipalityCode);
  if (own && (principal.roles.includes('CASEWORKER') || principal.roles.includes('ADMINISTRATOR'))) return;
  throw forbidden(
    `Only municipality ${municipalityCode}'s own caseworkers or administrators can change its reply deadline.`,
    { field: 'municipalityCode', requiredRole: 'CASEWORKER' },
  );
}

/** The professional a letter is assigned to, as the client names them. */
export interface AssigneeInput {
  subject: string;
  role: string;
  displayName: string;
  organisation: string;
}

export interface Assignee {
  subject: string;
  role: LetterHandlerRole;
  sector: Sector;
  displayName: string;
  organisation: string;
}

/**
 * A letter can only be assigned to a professional of the receiving municipality with a handler role; assigning a
 * letter to someone in another municipality would disclose the child's data there, so it is refused.
 */
export function validateAssignee(input: AssigneeInput, municipalityCode: number): Assignee {
  const subject = input.subject.trim();
  if (subject.length === 0 || subject.length > 200) {
    throw badUserInput('assignee.subject must be the user id of the professional, 1 to 200 characters.', { field: 'assignee.subject' });
  }
  const displayName = input.displayName.trim();
  if (displayName.length === 0 || displayName.length > 200) {
    throw badUserInput('assignee.displayName must be the name of the professional, 1 to 200 characters.', { field: 'assignee.displayName' });
  }
  if (!(LETTER_HANDLER_ROLES as readonly string[]).includes(input.role)) {
    throw badUserInput(
      `assignee.role must be one of ${LETTER_HANDLER_ROLES.join(', ')} (the professionals who handle letters from general practice); got ${input.role}.`,
      { field: 'assignee.role' },
    );
  }
  const role = input.role as LetterHandlerRole;
  if (input.organisation.trim() !== String(municipalityCode)) {
    throw badUserInput(
      `The letter was sent to municipality ${municipalityCode}, so it can only be assigned to a professional of municipality ` +
        `${municipalityCode}; assignee.organisation is ${input.organisation.trim() || 'empty'}. Forward the GP to the other municipality's inbox instead.`,
      { field: 'assignee.organisation', rule: 'ASSIGNEE_OTHER_MUNICIPALITY' },
    );
  }
  return { subject, role, sector: sectorOfHandlerRole(role), displayName, organisation: String(municipalityCode) };
}
