import { ageOn, MUNICIPALITY_INBOXES, type Sector } from '@pathway-graph/shared';
import { DEMO_SOR_CODES } from '@pathway-graph/shared/auth/demo-users';
import { DEMO_MUNICIPALITY_CODES } from '@pathway-graph/shared/demo/demo-data';
import { DEMO_OFFERS } from '@pathway-graph/shared/demo/demo-offers';
import * as municipality from '@pathway-graph/municipality/db/schema';
import * as screening from '@pathway-graph/screening/db/schema';
import { partyOf } from '../../subgraphs/screening/src/access.ts';
// Scored by the instruments engine through the subgraph's own recording rules, so every score and band is real.
import { scoredColumns, scoreInput, type RecordScreeningInput } from '../../subgraphs/screening/src/screenings/record.ts';
import { createScreeningSetup, type ScreeningSetup } from '../../subgraphs/screening/src/screenings/setup.ts';
import { actorFor, addDays, batches, endOf, iso, msOf, stableId, type Batches } from './common.ts';
import type { SeedChild, SeedGenerator, SeedPopulation } from './generate.ts';
import { seededRandom, type Random } from './random.ts';
import { uuid7At } from './uuid.ts';

/**
 * Assumptions (docs/ gives no volumes; plausible, not measured): every child in a track is screened a week to a
 * month after joining it and again about every six months (150-210 days) while in it, from age 4 (SDQ, parent
 * form, under 9; WHO-5, self-report, from 9, as the demo does); about a third screen positive at first, fewer later;
 * 80 % of positive screenings get an action plan 2-14 days later from the municipality's catalogue, followed up
 * after 6-13 weeks; the rest are the screeners' open actions. Track 1 is screened by the child's GP, track 2 by
 * paediatrics, track 3 by the municipality.
 */
export const SCREENING_MIX = {
  firstPositive: 0.35,
  /** After a plan, how often the next screening is clearly better. */
  improvesAfterPlan: 0.6,
  plan: 0.8,
  minAge: 4,
} as const;

type Track = screening.ScreeningTrack;

/** Who registered a child in each track (as the demo's tracks): the GP, paediatrics, adult psychiatry. */
export function registrantOf(child: SeedChild, track: Track): { sector: Sector; organisation: string } {
  if (track === 'CHRONIC_SOMATIC_ILLNESS') return { sector: 'PAEDIATRICS', organisation: DEMO_SOR_CODES.PAEDIATRICS };
  if (track === 'RELATIVE_OF_MENTALLY_ILL') return { sector: 'ADULT_PSYCHIATRY', organisation: DEMO_SOR_CODES.ADULT_PSYCHIATRY };
  return { sector: 'GENERAL_PRACTICE', organisation: child.practice };
}

/** Who screens in each track: the GP (track 1), paediatrics (track 2), the municipality (track 3). */
function screenerOf(child: SeedChild, track: Track, k: number) {
  if (track === 'CHRONIC_SOMATIC_ILLNESS') return actorFor('PAEDIATRICS', DEMO_SOR_CODES.PAEDIATRICS, k);
  if (track === 'RELATIVE_OF_MENTALLY_ILL') return actorFor('MUNICIPALITY', String(child.municipalityCode), k);
  return actorFor('GENERAL_PRACTICE', child.practice, k);
}

const ROLE_OF: Partial<Record<Sector, string>> = { GENERAL_PRACTICE: 'GP', PAEDIATRICS: 'PAEDIATRICIAN', MUNICIPALITY: 'CASEWORKER' };

/**
 * The offers of the municipalities the demo has none for: the demo's catalogue again, with ids of their own, so
 * every municipality's action plans can name offers that exist in its catalogue.
 */
export function regionOffers(): (typeof municipality.municipalOffers.$inferInsert)[] {
  const template = DEMO_OFFERS.filter((o) => o.municipalityCode === DEMO_MUNICIPALITY_CODES[0]);
  const codes = MUNICIPALITY_INBOXES.map((m) => m.code).filter((code) => !(DEMO_MUNICIPALITY_CODES as readonly number[]).includes(code));
  // A fixed instant and PRNG of their own: the ids are the same on every run and never meet the children's.
  const at = msOf('2024-01-02') + 9 * 3600_000;
  const random = seededRandom(0x0ffe25);
  let n = 0;
  const id = () => uuid7At(at + n++, random);
  return codes.flatMap((code) => {
    const name = MUNICIPALITY_INBOXES.find((m) => m.code === code)!.name;
    return template.map((t, i) => ({
      id: id(),
      municipalityCode: code,
      name: t.name,
      kind: t.kind,
      targetGroup: t.targetGroup,
      tracks: [...t.tracks],
      minAge: t.minAge,
      maxAge: t.maxAge,
      contact: `${name} Kommune, Børn og Familie, tlf. 70 00 0${i} 00 (syntetisk)`,
      availability: t.availability,
      createdBy: 'synthetic:seed',
      createdAt: iso(at),
      synthetic: true,
    }));
  });
}

/** The existing offers of a municipality's catalogue (demo or region) that serve the track and take a child of `age`. */
function offersFor(catalogue: readonly { id: string; municipalityCode: number; tracks: readonly string[]; minAge: number; maxAge: number; availability: string }[], code: number, track: Track, age: number) {
  return catalogue.filter((o) => o.municipalityCode === code && o.availability === 'EXISTING' && o.tracks.includes(track) && o.minAge <= age && age <= o.maxAge);
}

/** WHO-5 answers (0-5 each) adding up to `sum` (0-25), spread at random over the five items. */
function who5Answers(sum: number, random: Random) {
  const values = [0, 0, 0, 0, 0];
  for (let left = Math.max(0, Math.min(25, sum)); left > 0; left--) {
    const open = values.map((v, i) => (v < 5 ? i : -1)).filter((i) => i >= 0);
    const i = random.pick(open);
    values[i] = values[i]! + 1;
  }
  return values.map((value, i) => ({ item: `item${i + 1}`, value }));
}

const SDQ_PROBLEM_ITEMS = [3, 8, 13, 16, 24, 5, 7, 12, 18, 22, 2, 10, 15, 21, 25, 6, 11, 14, 19, 23];
const SDQ_REVERSED = new Set([7, 11, 14, 21, 25]);
const SDQ_PROSOCIAL = [1, 4, 9, 17, 20];

/** SDQ parent answers (0-2 each) with a total difficulties score of `total` (0-40), spread at random. */
function sdqAnswers(total: number, random: Random) {
  const points = new Map(SDQ_PROBLEM_ITEMS.map((n) => [n, 0]));
  for (let left = Math.max(0, Math.min(40, total)); left > 0; left--) {
    const open = SDQ_PROBLEM_ITEMS.filter((n) => points.get(n)! < 2);
    const n = random.pick(open);
    points.set(n, points.get(n)! + 1);
  }
  return [
    ...SDQ_PROSOCIAL.map((n) => ({ item: `item${n}`, value: random.int(1, 2) })),
    ...SDQ_PROBLEM_ITEMS.map((n) => ({ item: `item${n}`, value: SDQ_REVERSED.has(n) ? 2 - points.get(n)! : points.get(n)! })),
  ];
}

/** Screenings, action plans and the region's offers; runs after the children, whose track memberships it screens. */
export const screeningsGenerator: SeedGenerator = {
  name: 'screenings',
  estimate: ({ children }) => children.reduce((n, c) => n + c.tracks.length, 0) * 8,
  *generate(population, random) {
    const offers = regionOffers();
    yield { subgraph: 'municipality', table: municipality.municipalOffers, rows: offers };
    const catalogue = [...DEMO_OFFERS, ...offers];
    const setup = createScreeningSetup();
    const members = population.children.filter((c) => c.tracks.length > 0);
    const CHUNK = 2_000;
    for (let start = 0; start < members.length; start += CHUNK) {
      const out = batches();
      for (const child of members.slice(start, start + CHUNK)) {
        for (const { track, since } of child.tracks) addScreenings(out, random, setup, catalogue, population, child, track, since);
      }
      yield* out.all();
    }
  },
};

function addScreenings(
  out: Batches,
  random: Random,
  setup: ScreeningSetup,
  catalogue: Parameters<typeof offersFor>[0],
  { referenceDate }: Pick<SeedPopulation, 'referenceDate'>,
  child: SeedChild,
  track: Track,
  since: string,
): void {
  const latest = endOf(referenceDate);
  const membershipId = membershipIdOf(child, track);
  const registrant = registrantOf(child, track);
  const membershipParties = [partyOf(registrant.sector, registrant.organisation)];
  const screener = screenerOf(child, track, random.int(1, 5));
  const screenerParty = partyOf(screener.actorSector, screener.actorOrganisation);
  let day = addDays(since, random.int(7, 28));
  // The child's state, as the instrument measures it: WHO-5 raw sum (0-25) and SDQ total difficulties (0-40).
  const distressed = random.chance(SCREENING_MIX.firstPositive);
  let who5Sum = distressed ? random.int(3, 12) : random.int(13, 23);
  let sdqTotal = distressed ? random.int(18, 30) : random.int(3, 14);
  for (let n = 0; n < 6 && day <= referenceDate; n++, day = addDays(day, random.int(150, 210))) {
    const age = ageOn(child.birthDate, day);
    if (age < SCREENING_MIX.minAge) continue;
    const input: RecordScreeningInput =
      age >= 9
        ? { childId: child.id, track, screeningDate: day, instrumentId: 'who5', versionId: '1998', informant: 'self', answers: who5Answers(who5Sum, random) }
        : { childId: child.id, track, screeningDate: day, instrumentId: 'sdq', versionId: 'P4-17', informant: 'parent', answers: sdqAnswers(sdqTotal, random) };
    const scored = scoreInput(setup, input, { birthDate: child.birthDate, since, today: day });
    const recordedMs = Math.min(msOf(day) + random.int(8 * 3600, 15 * 3600) * 1000, latest);
    const resultId = uuid7At(recordedMs, random);
    const parties = [...new Set([...membershipParties, screenerParty])];

    // The result goes in before its plan (the plan's foreign key).
    out.add('screening', screening.screeningResults, {
      id: resultId,
      childId: child.id,
      membershipId,
      track,
      municipalityCode: child.municipalityCode,
      ...scoredColumns(scored),
      recordedBySubject: screener.actorSubject,
      recordedByName: screener.actorName,
      recordedBySector: screener.actorSector,
      recordedByOrganisation: screener.actorOrganisation,
      recordedAt: iso(recordedMs),
      parties,
      synthetic: true,
    });
    logChange(out, random, recordedMs, screener, ['screenings'], 'RecordScreening', child.id);

    // A plan for most positive screenings, from the offers of the child's municipality that fit the track and age.
    let planned = false;
    if (scored.positive && random.chance(SCREENING_MIX.plan)) {
      const createdOn = addDays(day, random.int(2, 14));
      const offers = offersFor(catalogue, child.municipalityCode, track, ageOn(child.birthDate, createdOn));
      if (createdOn <= referenceDate && offers.length > 0) {
        planned = true;
        const createdMs = msOf(createdOn) + random.int(8 * 3600, 15 * 3600) * 1000;
        const chosen = offers.length > 1 && random.chance(0.5) ? offers.slice(0, 2) : [random.pick(offers)];
        const responsibleParty = screenerParty;
        out.add('screening', screening.actionPlans, {
          id: uuid7At(createdMs, random),
          childId: child.id,
          membershipId,
          screeningResultId: resultId,
          track,
          municipalityCode: child.municipalityCode,
          offerIds: chosen.map((o) => o.id),
          responsibleSector: screener.actorSector,
          responsibleOrganisation: screener.actorOrganisation,
          responsiblePersonName: screener.actorName,
          responsiblePersonPhone: '+45 70 00 00 00',
          followUpOn: addDays(createdOn, random.int(42, 90)),
          note: 'Syntetisk handleplan.',
          createdOn,
          createdBySubject: screener.actorSubject,
          createdByName: screener.actorName,
          createdBySector: screener.actorSector,
          createdByOrganisation: screener.actorOrganisation,
          createdAt: iso(createdMs),
          parties: [...new Set([...parties, responsibleParty])],
          synthetic: true,
        });
        logChange(out, random, createdMs, screener, ['actionPlans'], 'CreateActionPlan', child.id);
      }
    }

    // The next screening: better after a plan more often than not, otherwise a little up or down.
    const better = planned && random.chance(SCREENING_MIX.improvesAfterPlan);
    who5Sum = Math.max(0, Math.min(25, who5Sum + (better ? random.int(4, 10) : random.int(-3, 3))));
    sdqTotal = Math.max(0, Math.min(40, sdqTotal + (better ? -random.int(4, 10) : random.int(-3, 3))));
  }
}

function logChange(out: Batches, random: Random, ms: number, actor: ReturnType<typeof actorFor>, parts: string[], operation: string, childId: string): void {
  out.add('screening', screening.accessLog, {
    id: uuid7At(ms, random),
    at: iso(ms),
    action: 'CHANGE',
    ...actor,
    actorRoles: [ROLE_OF[actor.actorSector] ?? 'CLINICIAN'],
    childId,
    operation,
    parts,
    purpose: 'CARE_COORDINATION',
    requestId: uuid7At(ms, random),
  });
}

/** The id the children generator gives a child's membership of a track. */
export const membershipIdOf = (child: SeedChild, track: Track): string => stableId(child.id, track);
