import { describe, expect, it } from 'vitest';
import { categoryEnum } from './models.ts';

describe("a received letter's category as the shared GraphQL enum", () => {
  it('shows the stored MedCom code as general practice shows it', () => {
    expect(categoryEnum('other')).toBe('OTHER');
    expect(categoryEnum('psychiatry-social-disability')).toBe('PSYCHIATRY_SOCIAL_DISABILITY');
  });

  it('fails loudly on a stored value outside MedCom’s list', () => {
    expect(() => categoryEnum('Other')).toThrow(/outside the MedCom CareCommunication categories/);
  });
});
