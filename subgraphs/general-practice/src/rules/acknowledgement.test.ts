import { describe, expect, it } from 'vitest';
import { acknowledgementProblem } from './acknowledgement.ts';

describe('acknowledgementProblem', () => {
  const letter = { recipientInboxGln: '5790000123456' };

  it('accepts the Acknowledgement of the inbox the letter went to', () => {
    expect(acknowledgementProblem(letter, { sender: { gln: '5790000123456', sorCode: '1' } })).toBeNull();
  });

  it('refuses one from another location number, naming both', () => {
    const problem = acknowledgementProblem(letter, { sender: { gln: '5790000999999', sorCode: '1' } });
    expect(problem?.code).toBe('WRONG_SENDER');
    expect(problem?.message).toContain('5790000999999');
    expect(problem?.message).toContain('5790000123456');
  });
});
