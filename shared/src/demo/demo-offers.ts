import { uuidV5 } from '../fhir/uuid.ts';
import { municipalityName } from '../domain/municipalities.ts';
import { DEMO_MUNICIPALITY_CODES, type ScreeningTrack } from './demo-data.ts';

/**
 * Synthetic offers (tilbud) for the demo municipalities' catalogues. The municipality seeds them; the screening seed
 * refers to them in its demo action plans by id, which is derived from the municipality and the offer's place in
 * this list (the screening subgraph never reads the municipality's database). Names say "(syntetisk)".
 */
export interface DemoOffer {
  id: string;
  municipalityCode: number;
  name: string;
  kind: 'COUNSELLING' | 'GROUP_COURSE' | 'FAMILY_SUPPORT' | 'PARENT_SUPPORT' | 'PEER_GROUP' | 'SCHOOL_SUPPORT' | 'HEALTH_VISITOR_SUPPORT' | 'PSYCHOLOGIST' | 'OTHER';
  targetGroup: string;
  tracks: ScreeningTrack[];
  minAge: number;
  maxAge: number;
  contact: string;
  availability: 'EXISTING' | 'PROPOSED';
}

/** The demo offers' own namespace (any fixed UUID), so their ids never coincide with other derived ids. */
const DEMO_OFFER_NAMESPACE = '0b7e5a52-3c1f-4d7a-9a55-5f0e2f4f7a10';

const TEMPLATES: readonly Omit<DemoOffer, 'id' | 'municipalityCode' | 'contact'>[] = [
  {
    name: 'Samtaleforløb i Ungerådgivningen (syntetisk)',
    kind: 'COUNSELLING',
    targetGroup: 'Børn og unge 10-18 år i let til moderat mistrivsel',
    tracks: ['RECOGNISED_MENTAL_PROBLEMS', 'CHRONIC_SOMATIC_ILLNESS', 'RELATIVE_OF_MENTALLY_ILL'],
    minAge: 10,
    maxAge: 18,
    availability: 'EXISTING',
  },
  {
    name: 'Mestringsgruppe for børn med kronisk sygdom (syntetisk)',
    kind: 'GROUP_COURSE',
    targetGroup: 'Børn 7-15 år med en kronisk somatisk sygdom og deres forældre',
    tracks: ['CHRONIC_SOMATIC_ILLNESS'],
    minAge: 7,
    maxAge: 15,
    availability: 'EXISTING',
  },
  {
    name: 'Netværksgruppe for børn af psykisk syge forældre (syntetisk)',
    kind: 'PEER_GROUP',
    targetGroup: 'Børn og unge 6-18 år, hvis forælder eller søskende har en psykisk sygdom',
    tracks: ['RELATIVE_OF_MENTALLY_ILL'],
    minAge: 6,
    maxAge: 18,
    availability: 'EXISTING',
  },
  {
    name: 'PPR-støtte i skolen (syntetisk)',
    kind: 'SCHOOL_SUPPORT',
    targetGroup: 'Skolebørn 6-16 år med erkendte psykiske vanskeligheder',
    tracks: ['RECOGNISED_MENTAL_PROBLEMS', 'RELATIVE_OF_MENTALLY_ILL'],
    minAge: 6,
    maxAge: 16,
    availability: 'EXISTING',
  },
  {
    name: 'Sundhedsplejens familiesamtaler (syntetisk)',
    kind: 'HEALTH_VISITOR_SUPPORT',
    targetGroup: 'Familier med børn 0-6 år med kronisk sygdom',
    tracks: ['CHRONIC_SOMATIC_ILLNESS'],
    minAge: 0,
    maxAge: 6,
    availability: 'EXISTING',
  },
  {
    name: 'Forældrekursus om angst hos børn (forslag, syntetisk)',
    kind: 'PARENT_SUPPORT',
    targetGroup: 'Forældre til børn 6-12 år med angst',
    tracks: ['RECOGNISED_MENTAL_PROBLEMS'],
    minAge: 6,
    maxAge: 12,
    availability: 'PROPOSED',
  },
];

export const DEMO_OFFERS: readonly DemoOffer[] = DEMO_MUNICIPALITY_CODES.flatMap((code) =>
  TEMPLATES.map((t, i) => ({
    ...t,
    id: uuidV5(`demo-offer/${code}/${i}`, DEMO_OFFER_NAMESPACE),
    municipalityCode: code,
    contact: `${municipalityName(code) ?? code} Kommune, Børn og Familie, tlf. 70 00 0${i} 00 (syntetisk)`,
  })),
);

/** The existing demo offers of a municipality that serve a track and take a child of `age`. */
export function demoOffersFor(municipalityCode: number, track: ScreeningTrack, age: number): DemoOffer[] {
  return DEMO_OFFERS.filter(
    (o) => o.municipalityCode === municipalityCode && o.availability === 'EXISTING' && o.tracks.includes(track) && o.minAge <= age && age <= o.maxAge,
  );
}
