import { CARE_COMMUNICATION_CATEGORIES } from '@pathway-graph/shared';
import { describe, expect, it } from 'vitest';
import { categoryEnum, contactCommitmentOf, initiatedActionsOf } from './model.ts';

describe('stored letter values as the shared GraphQL enums', () => {
  it('shows every MedCom category code as its upper-snake enum value', () => {
    expect(categoryEnum('other')).toBe('OTHER');
    expect(categoryEnum('psychiatry-social-disability')).toBe('PSYCHIATRY_SOCIAL_DISABILITY');
    expect(CARE_COMMUNICATION_CATEGORIES.map(categoryEnum)).toHaveLength(18);
  });

  it('fails loudly on a stored category outside MedCom’s list rather than show it as another', () => {
    expect(() => categoryEnum('OTHER')).toThrow(/outside the MedCom CareCommunication categories/);
    expect(() => categoryEnum('gossip')).toThrow(/outside the MedCom CareCommunication categories/);
  });

  it('keeps the initiated items the contract knows, in order, and leaves out any other', () => {
    expect(initiatedActionsOf(['NETWORK_MEETING', 'PPR_ASSESSMENT'])).toEqual(['NETWORK_MEETING', 'PPR_ASSESSMENT']);
    expect(initiatedActionsOf(['Samtale med PPR', 'FAMILY_GUIDANCE'])).toEqual(['FAMILY_GUIDANCE']);
  });

  it('shows a known contact commitment, and null for none or one the contract does not know', () => {
    expect(contactCommitmentOf('CONTACT_GP')).toBe('CONTACT_GP');
    expect(contactCommitmentOf(null)).toBeNull();
    expect(contactCommitmentOf('Vi ringer')).toBeNull();
  });
});
