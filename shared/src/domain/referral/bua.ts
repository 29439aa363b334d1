import type { MessageOrganization } from '../../fhir/referral/parties.ts';

/**
 * The receiving department of every referral: Region Midtjylland has one child and adolescent psychiatric
 * department (BUA), so a referral names no choice of receiver. Its SOR code here is the fictitious one the demo users
 * act for (item number 999001, see shared/src/auth/demo-users.ts); a deployment replaces it with the department's
 * real SOR code, the one the national referral hub routes by.
 */
export const BUA_SOR_CODE = '9990011000016009';

export const BUA_ORGANISATION: MessageOrganization = {
  sorCode: BUA_SOR_CODE,
  name: 'Børne- og Ungdomspsykiatrisk Afdeling, Region Midtjylland',
};
