import { describe, expect, it } from 'vitest';
import { OperationNames, outcomeLabel } from './labels.ts';

describe('operation name labels', () => {
  it('keep names that look like code identifiers', () => {
    const names = new OperationNames();
    expect(names.label('ChildOverview')).toBe('ChildOverview');
    expect(names.label('inbox_page_2')).toBe('inbox_page_2');
  });

  it('say anonymous for an operation without a name', () => {
    const names = new OperationNames();
    expect(names.label(undefined)).toBe('(anonymous)');
    expect(names.label('')).toBe('(anonymous)');
  });

  it.each([
    ['a CPR number', 'child_1206154764'],
    ['a CPR number with a dash', 'child-120615-4764'],
    ['spaces (free text, a name)', 'Jens Hansen'],
    ['non-ASCII letters', 'Søren'],
    ['a very long text', `a${'b'.repeat(120)}`],
  ])('withhold %s', (_what, name) => {
    expect(new OperationNames().label(name)).toBe('(withheld)');
  });

  it('count names beyond the limit as other, while known ones keep their label', () => {
    const names = new OperationNames(2);
    expect(names.label('A')).toBe('A');
    expect(names.label('B')).toBe('B');
    expect(names.label('C')).toBe('(other)');
    expect(names.label('A')).toBe('A');
  });
});

describe('outcome labels', () => {
  it('are ok without errors, else the first error’s code', () => {
    expect(outcomeLabel(undefined)).toBe('ok');
    expect(outcomeLabel([])).toBe('ok');
    expect(outcomeLabel([{ extensions: { code: 'CONSENT_REQUIRED' } }, { extensions: { code: 'FORBIDDEN' } }])).toBe('CONSENT_REQUIRED');
  });

  it('are ERROR for an error without a code, or with one that is not an UPPER_SNAKE word', () => {
    expect(outcomeLabel([{}])).toBe('ERROR');
    expect(outcomeLabel([{ extensions: { code: 'Jens Hansen 120615-4764' } }])).toBe('ERROR');
  });
});
