import { describe, expect, it } from 'vitest';
import { GraphQLError } from 'graphql';
import type { Principal } from '../auth/principal.ts';
import { consentRequired, forbidden, notFound } from '../errors.ts';
import { assertAllowed, decideChildRead, type ChildReadRequest } from './policy.ts';
import { withholdingOf } from './withheld.ts';

const owner = { sectors: ['BUA'] as const, organisation: null, description: 'BUA' };
const reader = (p: Partial<Principal>): Principal => ({
  subject: 'test:reader',
  displayName: 'Test Reader',
  sector: 'MUNICIPALITY',
  organisation: '751',
  roles: ['CASEWORKER'],
  ...p,
});
const request = (principal: Principal, o: ChildReadRequest['owner'] = owner): ChildReadRequest => ({
  principal,
  purpose: 'CARE_COORDINATION',
  owner: o,
  dataClass: 'PERSONAL',
  what: 'whether the child is known to BUA',
  consents: [],
  birthDate: null,
  today: '2026-11-23',
  now: new Date('2026-11-23T10:00:00Z'),
});

/** The refusal the policy gives, as the access guard throws it. */
function refusalFor(req: ChildReadRequest): GraphQLError {
  try {
    assertAllowed(decideChildRead(req));
  } catch (e) {
    return e as GraphQLError;
  }
  throw new Error('expected a refusal');
}

describe('withholdingOf', () => {
  it('turns a missing consent into NO_CONSENT with the refusal’s own words', () => {
    const error = refusalFor(request(reader({})));
    expect(withholdingOf(error)).toEqual({ reason: 'NO_CONSENT', message: error.message });
    expect(error.message).toMatch(/^Whether the child is known to BUA belongs to BUA/);
  });

  it('turns another organisation’s records into OTHER_ORGANISATION', () => {
    const error = refusalFor(request(reader({ organisation: '657' }), { sectors: ['MUNICIPALITY'], organisation: '751', description: 'the municipality' }));
    expect(withholdingOf(error)).toEqual({ reason: 'OTHER_ORGANISATION', message: error.message });
  });

  it.each([
    ['an analyst', reader({ roles: ['ANALYST'] })],
    ['an administrator', reader({ roles: ['ADMINISTRATOR'] })],
    ['a BUA adviser', reader({ sector: 'BUA', organisation: '543211000016001', roles: ['BUA_ADVISER'] })],
  ])('turns a role that sees no child-level data (%s) into NOT_PERMITTED_FOR_ROLE', (_, principal) => {
    const error = refusalFor(request(principal));
    expect(withholdingOf(error)).toEqual({ reason: 'NOT_PERMITTED_FOR_ROLE', message: error.message });
  });

  it('falls back on the code for a refusal without a rule', () => {
    expect(withholdingOf(consentRequired('Needs a consent.'))).toEqual({ reason: 'NO_CONSENT', message: 'Needs a consent.' });
    expect(withholdingOf(forbidden('Not for you.'))).toEqual({ reason: 'NOT_PERMITTED_FOR_ROLE', message: 'Not for you.' });
    expect(withholdingOf(forbidden('Not for you.', { rule: 'toString' }))).toEqual({ reason: 'NOT_PERMITTED_FOR_ROLE', message: 'Not for you.' });
  });

  it('is no withholding for anything but a refusal: a failure stays a failure', () => {
    expect(withholdingOf(notFound('No such child.'))).toBeNull();
    expect(withholdingOf(new GraphQLError('connection reset'))).toBeNull();
    expect(withholdingOf(new Error('connection reset'))).toBeNull();
    expect(withholdingOf({ extensions: { code: 'FORBIDDEN' }, message: 'looks like one' })).toBeNull();
  });
});
