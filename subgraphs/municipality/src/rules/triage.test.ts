import type { Principal } from '@pathway-graph/shared';
import { describe, expect, it } from 'vitest';
import { assertMayHandleLetters, assertMaySetReplyDeadline, handlerRoleOf, validateAssignee } from './triage.ts';

const person = (p: Partial<Principal>): Principal => ({
  subject: 's',
  displayName: 'Demo',
  sector: 'MUNICIPALITY',
  organisation: '751',
  roles: ['CASEWORKER'],
  ...p,
});

describe('assertMayHandleLetters', () => {
  it('lets the municipality’s caseworkers, PPR psychologists, social workers and health visitors in', () => {
    for (const roles of [['CASEWORKER'], ['PPR_PSYCHOLOGIST'], ['SOCIAL_WORKER']] as const) {
      expect(() => assertMayHandleLetters(person({ roles: [...roles] }), 751)).not.toThrow();
    }
    expect(() => assertMayHandleLetters(person({ sector: 'HEALTH_VISITING', roles: ['HEALTH_VISITOR'] }), 751)).not.toThrow();
  });

  it('refuses another municipality’s staff and GPs', () => {
    expect(() => assertMayHandleLetters(person({ organisation: '657' }), 751)).toThrow(/only open to municipality 751/);
    expect(() => assertMayHandleLetters(person({ sector: 'GENERAL_PRACTICE', organisation: '107510', roles: ['GP'] }), 751)).toThrow(
      /only open to municipality 751/,
    );
  });

  it('refuses the municipality’s own analyst, naming the roles that may', () => {
    expect(() => assertMayHandleLetters(person({ roles: ['ANALYST'] }), 751)).toThrow(/PPR_PSYCHOLOGIST/);
  });
});

describe('assertMaySetReplyDeadline', () => {
  it('lets the own caseworker or administrator change it, nobody else', () => {
    expect(() => assertMaySetReplyDeadline(person({}), 751)).not.toThrow();
    expect(() => assertMaySetReplyDeadline(person({ roles: ['ADMINISTRATOR'] }), 751)).not.toThrow();
    expect(() => assertMaySetReplyDeadline(person({ roles: ['PPR_PSYCHOLOGIST'] }), 751)).toThrow(/caseworkers or administrators/);
    expect(() => assertMaySetReplyDeadline(person({ organisation: '657' }), 751)).toThrow(/municipality 751/);
  });
});

describe('validateAssignee', () => {
  const ok = { subject: 'demo:ppr-751', role: 'PPR_PSYCHOLOGIST', displayName: 'Demo PPR', organisation: '751' };

  it('accepts a professional of the receiving municipality and derives the sector from the role', () => {
    expect(validateAssignee(ok, 751)).toMatchObject({ role: 'PPR_PSYCHOLOGIST', sector: 'MUNICIPALITY' });
    expect(validateAssignee({ ...ok, role: 'HEALTH_VISITOR' }, 751).sector).toBe('HEALTH_VISITING');
  });

  it('refuses a person of another municipality with a clear message and field', () => {
    try {
      validateAssignee({ ...ok, organisation: '657' }, 751);
      expect.unreachable();
    } catch (e) {
      expect((e as Error).message).toMatch(/only be assigned to a professional of municipality 751/);
      expect((e as { extensions: Record<string, unknown> }).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'assignee.organisation' });
    }
  });

  it('refuses roles that do not handle letters, and empty names', () => {
    expect(() => validateAssignee({ ...ok, role: 'GP' }, 751)).toThrow(/assignee.role must be one of/);
    expect(() => validateAssignee({ ...ok, role: 'ANALYST' }, 751)).toThrow(/assignee.role/);
    expect(() => validateAssignee({ ...ok, subject: ' ' }, 751)).toThrow(/assignee.subject/);
    expect(() => validateAssignee({ ...ok, displayName: '' }, 751)).toThrow(/assignee.displayName/);
  });
});

describe('handlerRoleOf', () => {
  it('is the role a person handles letters in, the first of the handler roles they have', () => {
    expect(handlerRoleOf(person({ roles: ['ANALYST', 'SOCIAL_WORKER'] }))).toBe('SOCIAL_WORKER');
    expect(handlerRoleOf(person({ roles: ['CASEWORKER', 'PPR_PSYCHOLOGIST'] }))).toBe('PPR_PSYCHOLOGIST');
    expect(handlerRoleOf(person({ sector: 'HEALTH_VISITING', roles: ['HEALTH_VISITOR'] }))).toBe('HEALTH_VISITOR');
  });

  it('refuses someone without one', () => {
    expect(() => handlerRoleOf(person({ roles: ['ANALYST'] }))).toThrow(/handled by professionals with one of the roles/);
  });
});
