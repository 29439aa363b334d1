import { hasClinicalRole, type Principal, type Sector } from '@pathway-graph/shared';
import type { ScreeningTrack } from '../db/schema.ts';

/**
 * The three tracks (spor) of the terms of reference for early detection and intervention in three risk groups, with
 * the organisations each track's working group names ("Sammensætning af arbejdsgruppen"), as reference data. Which
 * of them register children in the track and which screen (and then make the action plan) is this system's reading
 * of the terms: the paediatric clinic or the GP registers a chronically ill child (track 2, "hos praktiserende læger
 * og i ambulatorier"), adult psychiatry registers its patients' children (track 3, "personalet i psykiatrien
 * forpligter sig til at spørge patienter, om de har børn"), and the municipality's family services, PPR and school
 * take it from there.
 */

export type ParticipantKind =
  | 'BUA'
  | 'GENERAL_PRACTICE'
  | 'PPR'
  | 'FAMILY_SERVICES'
  | 'SCHOOL_SERVICES'
  | 'PAEDIATRICS'
  | 'HEALTH_IT'
  | 'HEALTH_VISITING'
  | 'ADULT_PSYCHIATRY'
  | 'RELATIVES_ORGANISATION';

export interface TrackParticipant {
  kind: ParticipantKind;
  /** As the terms of reference name it. */
  name: string;
  /** The sector its staff sign in as; null for a participant without users in this system (health IT, a relatives' organisation). */
  sector: Sector | null;
  /** Registers children in the track. */
  registers: boolean;
  /** Screens children of the track, and makes their action plans. */
  screens: boolean;
}

export interface TrackDefinition {
  track: ScreeningTrack;
  /** Spor 1, 2, 3. */
  number: number;
  name: string;
  description: string;
  /** What a registration in this track records as its basis. */
  basis: string;
  participants: readonly TrackParticipant[];
}

export const TRACK_DEFINITIONS: readonly TrackDefinition[] = [
  {
    track: 'RECOGNISED_MENTAL_PROBLEMS',
    number: 1,
    name: 'Børn og unge med erkendte psykiske problemer',
    description: 'Children and young people with recognised mental problems.',
    basis: 'The area of the recognised problem, and its ICD-10 chapter F diagnosis code when there is one (none is required).',
    participants: [
      { kind: 'BUA', name: 'BUA (regional)', sector: 'BUA', registers: true, screens: true },
      { kind: 'GENERAL_PRACTICE', name: 'Almen praksis', sector: 'GENERAL_PRACTICE', registers: true, screens: true },
      { kind: 'PPR', name: 'PPR (kommunal)', sector: 'MUNICIPALITY', registers: true, screens: true },
      { kind: 'FAMILY_SERVICES', name: 'Familieområdet (kommunal)', sector: 'MUNICIPALITY', registers: true, screens: true },
      { kind: 'SCHOOL_SERVICES', name: 'Skoleområdet (kommunal)', sector: 'MUNICIPALITY', registers: true, screens: true },
    ],
  },
  {
    track: 'CHRONIC_SOMATIC_ILLNESS',
    number: 2,
    name: 'Børn med kronisk somatisk sygdom',
    description: 'Children with a chronic somatic illness.',
    basis: 'The chronic illness as an ICD-10 code of a chapter other than F, registered by the paediatric clinic or the GP.',
    participants: [
      { kind: 'PAEDIATRICS', name: 'Pædiatrien (regional)', sector: 'PAEDIATRICS', registers: true, screens: true },
      { kind: 'HEALTH_IT', name: 'Sundheds-IT (regional)', sector: null, registers: false, screens: false },
      { kind: 'GENERAL_PRACTICE', name: 'Almen praksis', sector: 'GENERAL_PRACTICE', registers: true, screens: true },
      { kind: 'HEALTH_VISITING', name: 'Sundhedsplejen (kommunal)', sector: 'HEALTH_VISITING', registers: false, screens: true },
    ],
  },
  {
    track: 'RELATIVE_OF_MENTALLY_ILL',
    number: 3,
    name: 'Børn og unge der er pårørende til forældre eller søskende med psykisk sygdom',
    description: 'Children and young people who are relatives of a parent or sibling with a mental illness.',
    basis:
      'The relation (parent or sibling) of the adult psychiatric patient who was asked whether they have children; ' +
      "nothing else about the patient. With the patient's consent the child's municipality is told.",
    participants: [
      { kind: 'RELATIVES_ORGANISATION', name: 'Pårørendeorganisation, fx Bedre Psykiatri', sector: null, registers: false, screens: false },
      { kind: 'ADULT_PSYCHIATRY', name: 'Psykiatrien (regional)', sector: 'ADULT_PSYCHIATRY', registers: true, screens: false },
      { kind: 'FAMILY_SERVICES', name: 'Familieområdet (kommunal)', sector: 'MUNICIPALITY', registers: false, screens: true },
      { kind: 'PPR', name: 'PPR/skoleområdet (kommunal)', sector: 'MUNICIPALITY', registers: false, screens: true },
    ],
  },
];

export function trackDefinition(track: ScreeningTrack): TrackDefinition {
  return TRACK_DEFINITIONS.find((t) => t.track === track)!;
}

const sectorsThat = (track: ScreeningTrack, does: 'registers' | 'screens'): Sector[] => [
  ...new Set(trackDefinition(track).participants.filter((p) => p[does] && p.sector).map((p) => p.sector!)),
];

/** The sectors whose clinical staff register children in the track. */
export const registeringSectors = (track: ScreeningTrack): Sector[] => sectorsThat(track, 'registers');
/** The sectors whose clinical staff screen children of the track and make their action plans. */
export const screeningSectors = (track: ScreeningTrack): Sector[] => sectorsThat(track, 'screens');

export type TrackAct = 'register' | 'screen';

/** Whether the principal's organisation takes part in the track for this act, with a clinical role. */
export function mayActInTrack(principal: Principal, track: ScreeningTrack, act: TrackAct): boolean {
  const sectors = act === 'register' ? registeringSectors(track) : screeningSectors(track);
  return sectors.includes(principal.sector) && hasClinicalRole(principal);
}
