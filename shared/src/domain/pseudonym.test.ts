import { describe, it, expect } from 'vitest';
import { GraphQLError } from 'graphql';
import { assertChildPseudonym, childPseudonym, isChildPseudonym } from './pseudonym.ts';

const SECRET = 'x'.repeat(32);
const OTHER_SECRET = 'y'.repeat(32);

function badInput(fn: () => unknown): GraphQLError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    expect((error as GraphQLError).extensions['code']).toBe('BAD_USER_INPUT');
    return error as GraphQLError;
  }
  throw new Error('expected a BAD_USER_INPUT error');
}

describe('childPseudonym', () => {
  it('matches a pinned vector, so every subgraph derives the same id', () => {
    expect(childPseudonym('070761-4285', SECRET)).toBe('ch_67b5a095060501f60040dcc4ab51f239');
  });

  it('is the same for DDMMYY-SSSS, DDMMYYSSSS and padded input', () => {
    const id = childPseudonym('0707614285', SECRET);
    expect(childPseudonym('070761-4285', SECRET)).toBe(id);
    expect(childPseudonym(' 070761-4285 ', SECRET)).toBe(id);
  });

  it('has the documented shape and does not contain the CPR number', () => {
    const id = childPseudonym('0707614285', SECRET);
    expect(id).toMatch(/^ch_[0-9a-f]{32}$/);
    expect(isChildPseudonym(id)).toBe(true);
    expect(id).not.toContain('0707614285');
  });

  it('differs per secret and per CPR number', () => {
    const id = childPseudonym('0707614285', SECRET);
    expect(childPseudonym('0707614285', OTHER_SECRET)).not.toBe(id);
    expect(childPseudonym('0707614286', SECRET)).not.toBe(id);
  });

  it('validates the CPR number first, without echoing it', () => {
    const error = badInput(() => childPseudonym('310299-1391', SECRET));
    expect(error.message + JSON.stringify(error.extensions)).not.toContain('3102991391');
    badInput(() => childPseudonym('not a cpr', SECRET));
  });

  it('refuses a secret shorter than 32 characters as a configuration error', () => {
    let thrown: unknown;
    try {
      childPseudonym('0707614285', 'x'.repeat(31));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Error);
    expect(thrown).not.toBeInstanceOf(GraphQLError);
    expect((thrown as Error).message).toContain('at least 32 characters');
    expect((thrown as Error).message).not.toContain('0707614285');
  });
});

describe('isChildPseudonym / assertChildPseudonym', () => {
  const valid = 'ch_67b5a095060501f60040dcc4ab51f239';

  it('accepts the exact shape', () => {
    expect(isChildPseudonym(valid)).toBe(true);
    expect(assertChildPseudonym(valid)).toBe(valid);
  });

  it.each([
    valid.toUpperCase(),
    valid.slice(0, -1),
    `${valid}0`,
    valid.slice(3),
    `cx_${valid.slice(3)}`,
    `${valid.slice(0, -1)}g`,
    '0707614285',
    '',
  ])('rejects %j', (s) => {
    expect(isChildPseudonym(s)).toBe(false);
    const error = badInput(() => assertChildPseudonym(s));
    expect(error.extensions['field']).toBe('childId');
    expect(error.message).toContain('"ch_" followed by 32 lower-case hexadecimal characters');
  });

  it('rejects non-strings', () => {
    expect(isChildPseudonym(42)).toBe(false);
    expect(isChildPseudonym(null)).toBe(false);
  });

  it('does not echo a CPR number sent by mistake', () => {
    const error = badInput(() => assertChildPseudonym('070761-4285', 'id'));
    expect(error.extensions['field']).toBe('id');
    expect(error.message + JSON.stringify(error.extensions)).not.toMatch(/0707614285|070761-4285/);
  });
});
