import type { Principal } from '../auth/principal.ts';
import { forbidden } from '../errors.ts';
import { hasClinicalRole } from './policy.ts';

/**
 * Turning a CPR number into the child's pseudonym is a look-up of a person, so only professionals who work with
 * children may do it; analysts work on aggregates and administrators on access logs, neither on a named child.
 */
export function assertMayLookUpChildByCpr(principal: Principal): void {
  if (!hasClinicalRole(principal)) {
    throw forbidden('Only professionals working with children can look a child up by CPR number; analysts see aggregates only.', {
      rule: 'NO_CLINICAL_ROLE',
    });
  }
}
