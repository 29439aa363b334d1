import { DEMO_SOR_CODES } from '../auth/demo-users.ts';
import { uuidV5 } from '../fhir/uuid.ts';
import { childPseudonym } from '../domain/pseudonym.ts';
import { DEMO_CHILDREN, demoChildConsents, type DemoChild, type ScreeningTrack } from './demo-data.ts';

/**
 * The synthetic screening-track demo both sides seed alike: screening its memberships (and, for track 3, the message
 * to the child's municipality as delivered), the municipality the track-3 registrations in its worklist. Ids derive
 * from the child's pseudonym (never its CPR number, which a name-based UUID would give away).
 */

const DEMO_SCREENING_NAMESPACE = '6f1d3a5e-2b4c-4e8f-9a7d-1c2b3d4e5f60';

export function demoMembershipId(childId: string, track: ScreeningTrack): string {
  return uuidV5(`demo-membership/${childId}/${track}`, DEMO_SCREENING_NAMESPACE);
}

export interface DemoRelativeRegistration {
  membershipId: string;
  messageId: string;
  childId: string;
  birthDate: string;
  municipalityCode: number;
  registeredOn: string;
  receivedOn: string;
  relation: 'PARENT' | 'SIBLING';
  departmentSorCode: string;
  contactName: string;
  contactPhone: string;
}

/** The demo children in track 3 whose (synthetic) parent consented to telling the municipality. */
export function demoRelativeRegistrations(pseudonymSecret: string): DemoRelativeRegistration[] {
  return DEMO_CHILDREN.filter((c: DemoChild) => c.screeningTracks.some((t) => t.track === 'RELATIVE_OF_MENTALLY_ILL') && demoChildConsents(c)).map((c, i) => {
    const childId = childPseudonym(c.cpr, pseudonymSecret);
    const since = c.screeningTracks.find((t) => t.track === 'RELATIVE_OF_MENTALLY_ILL')!.since;
    const membershipId = demoMembershipId(childId, 'RELATIVE_OF_MENTALLY_ILL');
    return {
      membershipId,
      messageId: `relative-registration-${membershipId}`,
      childId,
      birthDate: c.birthDate,
      municipalityCode: c.municipalityCode,
      registeredOn: since,
      receivedOn: since,
      relation: i % 3 === 2 ? 'SIBLING' : 'PARENT',
      departmentSorCode: DEMO_SOR_CODES.ADULT_PSYCHIATRY,
      contactName: 'Demo Adult Psychiatry Clinician',
      contactPhone: '+45 70 00 00 00',
    };
  });
}
