import { glnFromPrefix } from '../domain/gln.ts';
import { toIsoDate } from '../domain/calendar.ts';
import { requiredConsentingParty } from '../access/consent.ts';
import type { Sector } from '../auth/principal.ts';

/**
 * Synthetic demo data, shared by every sector's seed so that one gateway query shows the same fictitious children
 * in all subgraphs. Nothing here describes a real person: the CPR numbers are generated from a fixed seed, every
 * seeded row is flagged `synthetic`, and practice names say "(syntetisk)".
 */

/** Screening tracks (spor) of the terms of reference for early detection. */
export type ScreeningTrack = 'RECOGNISED_MENTAL_PROBLEMS' | 'CHRONIC_SOMATIC_ILLNESS' | 'RELATIVE_OF_MENTALLY_ILL';

export interface DemoPractice {
  ydernummer: string;
  name: string;
  locationNumber: string;
  municipalityCode: number;
}

export interface DemoChild {
  cpr: string;
  birthDate: string;
  municipalityCode: number;
  practiceYdernummer: string;
  hasOpenMunicipalCase: boolean;
  buaRegisteredOn: string | null;
  screeningTracks: { track: ScreeningTrack; since: string }[];
}

/** Municipalities with demo children; the others have reference data only. */
export const DEMO_MUNICIPALITY_CODES = [751, 657, 740, 730, 791, 615] as const;

const streets = ['Søndergade', 'Vestergade', 'Nørregade', 'Østergade', 'Torvet', 'Parkvej', 'Skolegade', 'Bakkevej', 'Engvej', 'Kirkevej', 'Stationsvej', 'Havnegade'];

export const DEMO_PRACTICES: readonly DemoPractice[] = DEMO_MUNICIPALITY_CODES.flatMap((code, i) =>
  [0, 1].map((j) => {
    const n = i * 2 + j;
    return {
      ydernummer: String(100_000 + code * 10 + j),
      name: `Lægehuset ${streets[n % streets.length]} (syntetisk)`,
      // 12-digit prefix of a fictitious GS1 range, check digit computed.
      locationNumber: glnFromPrefix(`57900099${String(code).padStart(3, '0')}${j}`),
      municipalityCode: code,
    };
  }),
);

/** A small deterministic PRNG (mulberry32) so every subgraph derives the same children. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CHILDREN_PER_MUNICIPALITY = 10;

function buildChildren(): DemoChild[] {
  const random = prng(20_231_107);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const seen = new Set<string>();
  const children: DemoChild[] = [];
  for (const code of DEMO_MUNICIPALITY_CODES) {
    const practices = DEMO_PRACTICES.filter((p) => p.municipalityCode === code);
    for (let k = 0; k < CHILDREN_PER_MUNICIPALITY; k++) {
      const year = int(2009, 2024);
      const month = int(1, 12);
      const day = int(1, 28);
      // 7th digit 4 with YY <= 36 places the birth in the 2000s (the CPR century rule).
      let cpr: string;
      do {
        cpr = `${String(day).padStart(2, '0')}${String(month).padStart(2, '0')}${String(year % 100).padStart(2, '0')}4${String(int(0, 999)).padStart(3, '0')}`;
      } while (seen.has(cpr));
      seen.add(cpr);
      const birthDate = toIsoDate(year, month, day);
      const tracks: DemoChild['screeningTracks'] = [];
      if (k % 3 === 0) tracks.push({ track: 'RECOGNISED_MENTAL_PROBLEMS', since: '2026-03-01' });
      if (k % 5 === 1) tracks.push({ track: 'CHRONIC_SOMATIC_ILLNESS', since: '2025-09-15' });
      if (k % 4 === 2) tracks.push({ track: 'RELATIVE_OF_MENTALLY_ILL', since: '2026-01-20' });
      children.push({
        cpr,
        birthDate,
        municipalityCode: code,
        practiceYdernummer: practices[k % practices.length]!.ydernummer,
        // The Herning pilot found most children written about were already known to the municipality.
        hasOpenMunicipalCase: k % 3 !== 2,
        buaRegisteredOn: k % 4 === 0 ? '2026-05-04' : null,
        screeningTracks: tracks,
      });
    }
  }
  return children;
}

export const DEMO_CHILDREN: readonly DemoChild[] = buildChildren();

/** The day the synthetic families consented, and the party that had to (15 or older: the young person). */
export const DEMO_CONSENT_DATE = '2026-09-01';

/** Every fifth demo child has no consents, so the demo also shows what a refusal looks like. */
export function demoChildConsents(child: DemoChild): boolean {
  return DEMO_CHILDREN.indexOf(child) % 5 !== 4;
}

/**
 * The synthetic consents a sector holds for a demo child: disclosure to every other care sector for care
 * coordination, given by whoever had to give it on DEMO_CONSENT_DATE.
 */
export function demoConsentsFor(child: DemoChild, ownerSectors: readonly Sector[]) {
  if (!demoChildConsents(child)) return [];
  const givenBy = requiredConsentingParty(child.birthDate, DEMO_CONSENT_DATE);
  return CARE_SECTORS.filter((s) => !ownerSectors.includes(s)).map((recipientSector) => ({
    givenBy,
    givenOn: DEMO_CONSENT_DATE,
    recipientSector,
    recipientOrganisation: null,
    purposes: ['CARE_COORDINATION' as const],
    validFrom: DEMO_CONSENT_DATE,
    validUntil: null,
  }));
}

const CARE_SECTORS: readonly Sector[] = ['MUNICIPALITY', 'GENERAL_PRACTICE', 'BUA', 'PAEDIATRICS', 'ADULT_PSYCHIATRY', 'HEALTH_VISITING'];
