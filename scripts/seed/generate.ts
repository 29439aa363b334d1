import {
  buildCareCommunicationBundle,
  childPseudonym,
  glnFromPrefix,
  MUNICIPALITY_INBOXES,
  requiredConsentingParty,
  type MunicipalityCode,
  type Role,
  type Sector,
} from '@pathway-graph/shared';
import type { SectorSubgraphName } from '@pathway-graph/shared/registry';
import type { PgTable } from 'drizzle-orm/pg-core';
import * as bua from '@pathway-graph/bua/db/schema';
import * as gp from '@pathway-graph/general-practice/db/schema';
import * as municipality from '@pathway-graph/municipality/db/schema';
import * as screening from '@pathway-graph/screening/db/schema';
// The letters are made by the sectors' own rules, so seeded rows look exactly like ones the running system stores.
import { validateLetter } from '../../subgraphs/general-practice/src/rules/letter.ts';
import { letterMessage } from '../../subgraphs/general-practice/src/rules/message.ts';
import { replyDueDate } from '../../subgraphs/municipality/src/rules/deadline.ts';
import { readIncomingLetter } from '../../subgraphs/municipality/src/rules/incoming-letter.ts';
import { replyMessage } from '../../subgraphs/municipality/src/rules/reply-message.ts';
import { validateReply } from '../../subgraphs/municipality/src/rules/reply.ts';
import { syntheticIdentities } from './identities.ts';
import { allocate, childrenPerMunicipality, populationWeights } from './population.ts';
import { seededRandom, type Random } from './random.ts';
import { uuid4, uuid7At } from './uuid.ts';
import { actorFor, addDays, batches, DAY_MS, dayOf, duringOfficeHours, iso, msOf, stableId, type Batches, type RowBatch } from './common.ts';
import { advisoryGenerator } from './advisory.ts';
import { referralsGenerator } from './referrals.ts';
import { membershipIdOf, registrantOf, screeningsGenerator } from './screenings.ts';
import { partyOf } from '../../subgraphs/screening/src/access.ts';

/** How much synthetic data a scale makes. */
export interface Scale {
  name: string;
  children: number;
  practices: number;
  letters: number;
  /** Days of the advisory service's history (and 90 days ahead): its meetings do not grow with the children. */
  advisoryDays: number;
}

/**
 * `region`: Region Midtjylland, about 290,000 children aged 0-17 and about 440 GP practices (README.md beside this
 * file says where the figures come from), and 60,000 correspondence letters over two years. `small`: the same mix,
 * small enough to look at; `tiny`, for the tests.
 */
export const SCALES = {
  tiny: { name: 'tiny', children: 300, practices: 19, letters: 40, advisoryDays: 42 },
  small: { name: 'small', children: 2_000, practices: 19, letters: 300, advisoryDays: 730 },
  region: { name: 'region', children: 290_000, practices: 440, letters: 60_000, advisoryDays: 730 },
} as const satisfies Record<string, Scale>;

/** The day the synthetic data describes: ages, letter history and consents are as of this day. */
export const REFERENCE_DATE = '2026-12-01';

/** The shares of the mix: how many children each sector knows, how many letters are answered, and so on. */
export const MIX = {
  /** Children with an open municipal case (kendt i kommunen). */
  openCase: 0.08,
  /** Children registered at BUA. */
  bua: 0.03,
  /** Of those, the ones with an open municipal case too. */
  openCaseIfBua: 0.4,
  /** Children in each screening track. */
  tracks: { RECOGNISED_MENTAL_PROBLEMS: 0.03, CHRONIC_SOMATIC_ILLNESS: 0.02, RELATIVE_OF_MENTALLY_ILL: 0.02 },
  /** Letters about a child known to the municipality: the Herning pilot found most were. */
  letterAboutKnownChild: 0.7,
  /** Involved children (known to a sector beyond their GP, or written about) whose families consented to sharing. */
  consent: 0.4,
  /** Letters assigned to a named handler. */
  assigned: 0.6,
} as const;

type Track = keyof typeof MIX.tracks;

/** A synthetic child as the generators see it; each sector's rows are derived from it. */
export interface SeedChild {
  id: string;
  cpr: string;
  birthDate: string;
  municipalityCode: MunicipalityCode;
  practice: string;
  openCaseSince: string | null;
  buaSince: string | null;
  tracks: { track: Track; since: string }[];
  lettersAbout: number;
  consented: boolean;
}

export interface SeedPractice {
  ydernummer: string;
  name: string;
  locationNumber: string;
  municipalityCode: MunicipalityCode;
}

/** The population every generator works from. */
export interface SeedPopulation {
  scale: Scale;
  referenceDate: string;
  practices: SeedPractice[];
  children: SeedChild[];
}

export type { RowBatch } from './common.ts';

/**
 * What a feature adds to the synthetic data: referrals, screenings, advisory bookings and the like register a
 * generator in `SEED_GENERATORS`, which gets the population and yields its rows in batches (a few thousand rows each,
 * so region scale never holds a whole table in memory).
 */
export interface SeedGenerator {
  name: string;
  /** Roughly how many rows it will write, for the progress line. */
  estimate(population: SeedPopulation): number;
  generate(population: SeedPopulation, random: Random): Iterable<RowBatch>;
}

/** Every seeded child's name in the letters: synthetic, and the same for all. */
const SYNTHETIC_NAME = { givenNames: 'Syntetisk', familyName: 'Barn' };


/** Practices by population share (at least one per municipality), with ydernumre and location numbers apart from the demo's. */
function makePractices(scale: Scale): SeedPractice[] {
  const perMunicipality = allocate(scale.practices, populationWeights(), 1);
  const practices: SeedPractice[] = [];
  let n = 0;
  for (const [code, count] of perMunicipality) {
    const name = MUNICIPALITY_INBOXES.find((m) => m.code === code)!.name;
    for (let k = 0; k < count; k++, n++) {
      practices.push({
        // Demo practices are 1xxxxx; these are 2xxxxx.
        ydernummer: String(200_000 + n),
        name: `Lægehuset ${name} ${k + 1} (syntetisk)`,
        // A fictitious GS1 range (demo practices use 57900099...).
        locationNumber: glnFromPrefix(`5790001${String(n).padStart(5, '0')}`),
        municipalityCode: code,
      });
    }
  }
  return practices;
}

/** The children, each with its municipality, practice and what the sectors know of it; letters are counted in later. */
export function makePopulation(scale: Scale, pseudonymSecret: string, seed = 20_261_201, referenceDate = REFERENCE_DATE): SeedPopulation {
  const random = seededRandom(seed);
  const practices = makePractices(scale);
  const practicesOf = new Map<number, SeedPractice[]>();
  for (const p of practices) practicesOf.set(p.municipalityCode, [...(practicesOf.get(p.municipalityCode) ?? []), p]);
  const identities = syntheticIdentities(scale.children, referenceDate, random);
  const children: SeedChild[] = [];
  let i = 0;
  const since = (birthDate: string) => {
    // Some day in the last three years, never before birth.
    const earliest = Math.max(msOf(birthDate), msOf(referenceDate) - 3 * 365 * DAY_MS);
    return dayOf(earliest + random.int(0, Math.floor((msOf(referenceDate) - earliest) / DAY_MS)) * DAY_MS);
  };
  /** Some day up to two years before `day` (and at least 90 days before it where the child is old enough). */
  const before = (birthDate: string, day: string) => {
    const earliest = Math.max(msOf(birthDate), msOf(day) - 730 * DAY_MS);
    const latest = Math.max(earliest, msOf(day) - 90 * DAY_MS);
    return dayOf(earliest + random.int(0, Math.floor((latest - earliest) / DAY_MS)) * DAY_MS);
  };
  for (const [code, count] of childrenPerMunicipality(scale.children)) {
    for (let k = 0; k < count; k++, i++) {
      const { cpr, birthDate } = identities[i]!;
      const tracks = (Object.keys(MIX.tracks) as Track[]).filter((t) => random.chance(MIX.tracks[t])).map((track) => ({ track, since: since(birthDate) }));
      // A child at BUA is more often known to the municipality too, mostly from before it was referred.
      const buaSince = random.chance(MIX.bua) ? since(birthDate) : null;
      const openCaseSince = random.chance(buaSince === null ? MIX.openCase : MIX.openCaseIfBua) ? (buaSince === null ? since(birthDate) : before(birthDate, buaSince)) : null;
      children.push({
        id: childPseudonym(cpr, pseudonymSecret),
        cpr,
        birthDate,
        municipalityCode: code,
        practice: random.pick(practicesOf.get(code)!).ydernummer,
        openCaseSince,
        buaSince,
        tracks,
        lettersAbout: 0,
        consented: false,
      });
    }
  }
  return { scale, referenceDate, practices, children };
}

const CARE_SECTORS: readonly Sector[] = ['MUNICIPALITY', 'GENERAL_PRACTICE', 'BUA', 'PAEDIATRICS', 'ADULT_PSYCHIATRY', 'HEALTH_VISITING'];
const SCREENING_SECTORS: readonly Sector[] = ['PAEDIATRICS', 'ADULT_PSYCHIATRY', 'HEALTH_VISITING'];
/** The role a reader of each sector has in the synthetic history. */
const READER_ROLE: Readonly<Record<Sector, Role>> = {
  MUNICIPALITY: 'CASEWORKER',
  GENERAL_PRACTICE: 'GP',
  BUA: 'BUA_CLINICIAN',
  PAEDIATRICS: 'PAEDIATRICIAN',
  ADULT_PSYCHIATRY: 'ADULT_PSYCHIATRY_CLINICIAN',
  HEALTH_VISITING: 'HEALTH_VISITOR',
  REGION: 'ADMINISTRATOR',
};

const LETTER_TOPICS = [
  { category: 'OTHER', topic: 'Mistrivsel', subject: 'Barn i mistrivsel', text: 'Syntetisk brev: barnet er ked af det i skolen og sover dårligt.' },
  { category: 'OTHER', topic: 'Skolefravær', subject: 'Højt skolefravær', text: 'Syntetisk brev: barnet har meget fravær og ondt i maven om morgenen.' },
  { category: 'PSYCHIATRY_SOCIAL_DISABILITY', topic: 'Angst', subject: 'Angst og tilbagetrækning', text: 'Syntetisk brev: barnet trækker sig fra venner og er bange for at gå ud.' },
  { category: 'OTHER', topic: 'Familie', subject: 'Belastet familie', text: 'Syntetisk brev: forældrene beder om hjælp og rådgivning i hverdagen.' },
] as const;

const HANDLER_ROLES = ['CASEWORKER', 'PPR_PSYCHOLOGIST', 'SOCIAL_WORKER', 'HEALTH_VISITOR'] as const;


/**
 * Sixty thousand correspondence letters over two years (at region scale), each through the whole flow: sent by the
 * child's own practice to the child's municipality, received, assigned, read and mostly answered, with every side's
 * rows (the GP's letter, status history and reply; the municipality's received letter, events and reply) and their
 * access-log entries. The MedCom bundles and the received letter are made by the sectors' own rules.
 */
export const lettersGenerator: SeedGenerator = {
  name: 'letters',
  estimate: ({ scale }) => scale.letters * 14,
  *generate(population, random) {
    const { children, referenceDate, scale } = population;
    const practices = new Map(population.practices.map((p) => [p.ydernummer, p]));
    const known = children.filter((c) => c.openCaseSince !== null);
    const firstDay = msOf(addDays(referenceDate, -730));
    const CHUNK = 1_000;
    for (let start = 0; start < scale.letters; start += CHUNK) {
      const out = batches();
      for (let n = start; n < Math.min(scale.letters, start + CHUNK); n++) {
        // Letters in time order, so UUIDv7 ids sort as the inbox does.
        const sentMs = duringOfficeHours(dayOf(firstDay + Math.floor(((n + random.next()) * 730 * DAY_MS) / scale.letters)), random);
        const sentOn = dayOf(sentMs);
        let child = random.chance(MIX.letterAboutKnownChild) && known.length > 0 ? random.pick(known) : random.pick(children);
        // A child born after the letter's day cannot be written about: take another.
        while (child.birthDate > sentOn) child = random.pick(children);
        child.lettersAbout += 1;
        addLetter(out, random, { child, practice: practices.get(child.practice)!, n, sentMs, referenceDate });
      }
      yield* out.all();
    }
  },
};

function addLetter(
  out: Batches,
  random: Random,
  { child, practice, n, sentMs, referenceDate }: { child: SeedChild; practice: SeedPractice; n: number; sentMs: number; referenceDate: string },
) {
  const sentOn = dayOf(sentMs);
  const inbox = MUNICIPALITY_INBOXES.find((m) => m.code === child.municipalityCode)!;
  const content = random.pick(LETTER_TOPICS);
  const gpActor = actorFor('GENERAL_PRACTICE', practice.ydernummer, random.int(1, 3));
  const letter = validateLetter(
    {
      messageId: `synthetic-letter-${String(n).padStart(6, '0')}`,
      cpr: child.cpr,
      municipalityCode: child.municipalityCode,
      category: content.category,
      topic: content.topic,
      subject: content.subject,
      text: content.text,
      step: random.chance(0.8) ? 'TRIN_1' : 'TRIN_2',
      consent: { givenBy: requiredConsentingParty(child.birthDate, sentOn), givenOn: sentOn },
      signature: { name: gpActor.actorName, title: 'Praktiserende læge', phone: '+45 70 00 00 00' },
    },
    { today: sentOn },
  );
  const receivedMs = sentMs + random.int(5, 300) * 1000;
  const receivedOn = dayOf(receivedMs);
  const replyDueOn = replyDueDate(receivedOn, 10);
  const ageDays = (msOf(referenceDate) - msOf(sentOn)) / DAY_MS;
  const answered = random.chance(ageDays > 20 ? 0.92 : ageDays > 5 ? 0.5 : 0.1);
  const readMs = answered || random.chance(0.5) ? receivedMs + random.int(1, 72) * 3600_000 : null;
  const repliedMs = answered ? readMs! + random.int(1, 14 * 24) * 3600_000 : null;
  const latest = msOf(referenceDate) + DAY_MS - 1;
  const at = (ms: number | null) => (ms === null ? null : Math.min(ms, latest));
  const [read, replied] = [at(readMs), at(repliedMs)];
  const status = replied !== null ? 'ANSWERED' : read !== null ? 'READ' : 'DELIVERED';
  const role = random.pick(HANDLER_ROLES);
  const handler = actorFor('MUNICIPALITY', String(child.municipalityCode), random.int(1, 40));
  const assigned = random.chance(MIX.assigned) ? receivedMs + random.int(10, 600) * 60_000 : null;

  // General practice: the letter, its history, and later the reply.
  const gpLetterId = uuid7At(sentMs, random);
  // The MedCom ids of the bundle: version 4 as MedCom wants them, drawn from the seeded PRNG so a seed is reproducible.
  const ids = { bundleId: uuid4(random), headerId: uuid4(random), conversationId: uuid4(random), segmentId: uuid4(random) };
  const gpRow = {
    id: gpLetterId,
    messageId: letter.messageId,
    headerId: ids.headerId,
    practice: practice.ydernummer,
    childId: child.id,
    cpr: letter.cpr,
    recipientMunicipalityCode: letter.recipient.code,
    recipientInboxGln: letter.recipient.inboxLocationNumber,
    recipientInboxName: letter.recipient.inboxName,
    category: letter.category,
    topic: letter.topic,
    subject: letter.subject,
    text: letter.text,
    step: letter.step,
    consentGivenBy: letter.consent.givenBy,
    consentGivenOn: letter.consent.givenOn,
    signatureName: letter.signature.name,
    signatureTitle: letter.signature.title,
    signaturePhone: letter.signature.phone,
    status,
    sentAt: new Date(sentMs).toISOString(),
    // The municipality's own due date, which general practice takes over on the receipt.
    replyDueOn,
    createdBy: gpActor.actorSubject,
  };
  out.add('general-practice', gp.letters, gpRow);
  const history: [string, number | null][] = [
    ['QUEUED', sentMs],
    ['DELIVERED', receivedMs],
    ['READ', read],
    ['ANSWERED', replied],
  ];
  for (const [s, ms] of history) {
    if (ms !== null) out.add('general-practice', gp.letterStatusHistory, { id: uuid7At(ms, random), letterId: gpLetterId, status: s, at: iso(ms), note: null });
  }
  const bundle = JSON.stringify(buildCareCommunicationBundle(letterMessage(gpRow, practice, ids, SYNTHETIC_NAME)));

  // The municipality: the letter as its endpoint reads it from the bundle, then the handling.
  const incoming = readIncomingLetter(ids.headerId, { bundle, ydernummer: practice.ydernummer, step: letter.step, subject: letter.subject });
  const { cpr, birthDate, ...rest } = incoming;
  const receivedId = uuid7At(receivedMs, random);
  out.add('municipality', municipality.receivedLetters, {
    ...rest,
    id: receivedId,
    municipalityCode: inbox.code,
    department: inbox.receivingDepartment,
    childId: child.id,
    cpr,
    birthDate,
    receivedAt: iso(receivedMs),
    receivedOn,
    replyDueOn,
    status: replied !== null ? 'ANSWERED' : read !== null ? 'READ' : 'RECEIVED',
    assigneeSubject: assigned === null ? null : handler.actorSubject,
    assigneeRole: assigned === null ? null : role,
    assigneeName: assigned === null ? null : handler.actorName,
    assignedAt: assigned === null ? null : iso(Math.min(assigned, latest)),
    readAt: read === null ? null : iso(read),
    readBy: read === null ? null : handler.actorSubject,
  });
  const events: [string, number | null, string | null][] = [
    ['RECEIVED', receivedMs, null],
    ['ASSIGNED', assigned === null ? null : Math.min(assigned, latest), `${handler.actorName} (${role})`],
    ['READ', read, null],
    ['REPLIED', replied, null],
  ];
  for (const [kind, ms, detail] of events) {
    if (ms === null) continue;
    const person = kind === 'RECEIVED' ? { actorSubject: null, actorName: null } : { actorSubject: handler.actorSubject, actorName: handler.actorName };
    out.add('municipality', municipality.letterEvents, { id: uuid7At(ms, random), letterId: receivedId, at: iso(ms), kind, ...person, detail });
  }

  // The reply, in both sectors, when answered.
  if (replied !== null) {
    // As the inbox decides it: an open case now.
    const knownToMunicipality = child.openCaseSince !== null;
    const reply = validateReply(
      knownToMunicipality
        ? { initiated: [random.pick(['SOCIAL_CASE_OPENED', 'FAMILY_GUIDANCE', 'NETWORK_MEETING'] as const)], contactCommitment: 'CONTACT_FAMILY' }
        : { initiated: [random.pick(['PPR_ASSESSMENT', 'HEALTH_VISITOR_CONTACT', 'NO_ACTION_NEEDED'] as const)], contactOptions: 'Familien kan kontakte Børn og Unge på telefon 70 00 00 00 (syntetisk).' },
      { knownToMunicipality },
    );
    const replyId = uuid4(random);
    const now = iso(replied);
    const message = replyMessage({
      letter: incoming,
      reply,
      author: { displayName: handler.actorName, role, phone: '+4570000000' },
      inboxName: inbox.inboxName,
      messageId: replyId,
      ids: { bundleId: uuid4(random), segmentId: uuid4(random) },
      now,
    });
    out.add('municipality', municipality.letterReplies, {
      id: uuid7At(replied, random),
      letterId: receivedId,
      messageId: replyId,
      initiated: reply.initiated,
      text: reply.text,
      contactCommitment: reply.contactCommitment,
      contactOptions: reply.contactOptions,
      repliedBySubject: handler.actorSubject,
      repliedByName: handler.actorName,
      repliedByRole: role,
      repliedAt: now,
    });
    out.add('general-practice', gp.replies, {
      id: uuid7At(replied + 1000, random),
      letterId: gpLetterId,
      messageId: replyId,
      text: message.payloads.map((p) => p.text).join('\n\n'),
      initiatedItems: reply.initiated,
      contactCommitment: reply.contactCommitment,
      bundle: buildCareCommunicationBundle(message),
      receivedAt: iso(replied + 1000),
    });
  }

  // The access log: the GP's send and later look-ups, the municipality's readings and changes.
  const log = (subgraph: SectorSubgraphName, table: PgTable, ms: number, action: 'READ' | 'CHANGE', actor: ReturnType<typeof actorFor>, roles: string[], operation: string, parts: string[]) =>
    out.add(subgraph, table, { id: uuid7At(ms, random), at: iso(ms), action, ...actor, actorRoles: roles, childId: child.id, operation, parts, purpose: 'CARE_COORDINATION', requestId: uuid7At(ms, random) });
  log('general-practice', gp.accessLog, sentMs, 'CHANGE', gpActor, ['GP'], 'SendLetter', ['correspondenceLetters']);
  for (let k = random.int(1, 2); k > 0; k--) log('general-practice', gp.accessLog, Math.min(sentMs + random.int(1, 30) * DAY_MS, latest), 'READ', gpActor, ['GP'], 'SentLetters', ['correspondenceLetters']);
  const muniRoles = [role];
  if (assigned !== null) log('municipality', municipality.accessLog, Math.min(assigned, latest), 'CHANGE', handler, muniRoles, 'AssignLetter', ['correspondenceLetters']);
  if (read !== null) {
    log('municipality', municipality.accessLog, read, 'READ', handler, muniRoles, 'Inbox', ['correspondenceLetters']);
    log('municipality', municipality.accessLog, read, 'CHANGE', handler, muniRoles, 'MarkLetterRead', ['correspondenceLetters']);
  }
  if (replied !== null) log('municipality', municipality.accessLog, replied, 'CHANGE', handler, muniRoles, 'ReplyToLetter', ['correspondenceLetters', 'correspondenceLetters.reply']);
}


/** Each sector's own record of the children: the municipality's register and cases, the GP lists, BUA, screening. */
export const childrenGenerator: SeedGenerator = {
  name: 'children',
  estimate: ({ children, practices }) => practices.length + children.length * 2.2,
  *generate({ children, practices }, random) {
    yield { subgraph: 'general-practice', table: gp.practices, rows: practices.map((p) => ({ ...p, synthetic: true })) };
    const CHUNK = 10_000;
    for (let i = 0; i < children.length; i += CHUNK) {
      const chunk = children.slice(i, i + CHUNK);
      yield {
        subgraph: 'municipality',
        table: municipality.children,
        rows: chunk.map((c) => ({ id: c.id, cpr: c.cpr, birthDate: c.birthDate, residenceMunicipalityCode: c.municipalityCode, synthetic: true })),
      };
      yield {
        subgraph: 'municipality',
        table: municipality.municipalCases,
        rows: chunk.flatMap((c) => (c.openCaseSince === null ? [] : [{ id: stableId(c.id, 'case'), childId: c.id, municipalityCode: c.municipalityCode, openedOn: c.openCaseSince, synthetic: true }])),
      };
      yield {
        subgraph: 'general-practice',
        table: gp.children,
        rows: chunk.map((c) => ({ id: c.id, cpr: c.cpr, birthDate: c.birthDate, listedPractice: c.practice, synthetic: true })),
      };
      yield {
        subgraph: 'bua',
        table: bua.children,
        rows: chunk.flatMap((c) => (c.buaSince === null ? [] : [{ id: c.id, cpr: c.cpr, registeredOn: c.buaSince, synthetic: true }])),
      };
      const screened = chunk.filter((c) => c.tracks.length > 0);
      yield { subgraph: 'screening', table: screening.children, rows: screened.map((c) => ({ id: c.id, birthDate: c.birthDate, synthetic: true })) };
      yield {
        subgraph: 'screening',
        table: screening.trackMemberships,
        rows: screened.flatMap((c) => c.tracks.map((t) => membershipRow(c, t, random))),
      };
    }
  },
};

/** Track 1's diagnosis where one is given (chapter F), by problem area. */
const TRACK_1_DIAGNOSES: Partial<Record<screening.ProblemArea, string>> = { ATTENTION_OR_HYPERACTIVITY: 'DF900', AUTISM_SPECTRUM: 'DF840', ANXIETY_OR_DEPRESSION: 'DF321' };
/** Track 2's chronic illnesses: type 1 diabetes, asthma, epilepsy, Crohn's disease (as the demo's). */
const TRACK_2_DIAGNOSES = ['DE109', 'DJ459', 'DG409', 'DK500'] as const;

/**
 * A child's membership of a track with its basis (track 1's problem area, track 2's illness, track 3's relation),
 * its municipality and who registered it (the GP, paediatrics, adult psychiatry). Track 3 without the patient's
 * consent to tell the municipality: nothing was sent.
 */
function membershipRow(child: SeedChild, { track, since }: SeedChild['tracks'][number], random: Random): Record<string, unknown> {
  const registrant = registrantOf(child, track);
  const actor = actorFor(registrant.sector, registrant.organisation, random.int(1, 5));
  const area = track === 'RECOGNISED_MENTAL_PROBLEMS' ? random.pick(screening.PROBLEM_AREAS) : null;
  return {
    id: membershipIdOf(child, track),
    childId: child.id,
    track,
    since,
    municipalityCode: child.municipalityCode,
    problemArea: area,
    diagnosisCode: area !== null ? (random.chance(0.5) ? (TRACK_1_DIAGNOSES[area] ?? null) : null) : track === 'CHRONIC_SOMATIC_ILLNESS' ? random.pick(TRACK_2_DIAGNOSES) : null,
    relation: track === 'RELATIVE_OF_MENTALLY_ILL' ? (random.chance(0.8) ? 'PARENT' : 'SIBLING') : null,
    registeredBySubject: actor.actorSubject,
    registeredByName: actor.actorName,
    registeredBySector: registrant.sector,
    registeredByOrganisation: registrant.organisation,
    registeredAt: iso(msOf(since) + random.int(8 * 3600, 15 * 3600) * 1000),
    parties: [partyOf(registrant.sector, registrant.organisation)],
    synthetic: true,
  };
}

/**
 * Consents, for the involved children (known beyond their GP, or written about) whose families consented: each
 * sector that holds the child's data records disclosure to every other care sector for care coordination, given by
 * whoever had to give it. Then a little history of reads: each involved child's data looked at a few times by the
 * sectors that share in the care. Runs after the letters, which decide who was written about.
 */
export const consentsAndReadsGenerator: SeedGenerator = {
  name: 'consents and reads',
  estimate: ({ children }) => children.length * 0.3 * (MIX.consent * 12 + 4),
  *generate({ children, referenceDate }, random) {
    const holders: { subgraph: SectorSubgraphName; table: typeof municipality.consents; log: typeof municipality.accessLog; sectors: readonly Sector[]; holds: (c: SeedChild) => boolean }[] = [
      { subgraph: 'municipality', table: municipality.consents, log: municipality.accessLog, sectors: ['MUNICIPALITY'], holds: () => true },
      { subgraph: 'general-practice', table: gp.consents, log: gp.accessLog, sectors: ['GENERAL_PRACTICE'], holds: () => true },
      { subgraph: 'bua', table: bua.consents, log: bua.accessLog, sectors: ['BUA'], holds: (c) => c.buaSince !== null },
      { subgraph: 'screening', table: screening.consents, log: screening.accessLog, sectors: SCREENING_SECTORS, holds: (c) => c.tracks.length > 0 },
    ];
    const involved = (c: SeedChild) => c.openCaseSince !== null || c.buaSince !== null || c.tracks.length > 0 || c.lettersAbout > 0;
    const CHUNK = 5_000;
    for (let i = 0; i < children.length; i += CHUNK) {
      const out = batches();
      for (const child of children.slice(i, i + CHUNK)) {
        if (!involved(child)) continue;
        child.consented = random.chance(MIX.consent);
        const givenOn = addDays(referenceDate, -random.int(1, 700));
        const onDay = givenOn < child.birthDate ? child.birthDate : givenOn;
        for (const holder of holders.filter((h) => h.holds(child))) {
          if (child.consented) {
            for (const recipientSector of CARE_SECTORS.filter((s) => !holder.sectors.includes(s))) {
              out.add(holder.subgraph, holder.table, {
                id: uuid7At(msOf(onDay) + 9 * 3600_000, random),
                childId: child.id,
                givenBy: requiredConsentingParty(child.birthDate, onDay),
                givenOn: onDay,
                recipientSector,
                recipientOrganisation: null,
                purposes: ['CARE_COORDINATION'],
                validFrom: onDay,
                validUntil: null,
                recordedBy: 'synthetic:seed',
                recordedByOrganisation: 'synthetic region data',
                recordedAt: iso(msOf(onDay) + 9 * 3600_000),
              });
            }
          }
          // A few reads of the child's data in this sector: by its own staff, or by the other sectors where consented.
          for (let k = random.int(1, 3); k > 0; k--) {
            const ms = msOf(addDays(referenceDate, -random.int(0, 700))) + random.int(7, 16) * 3600_000;
            if (ms < msOf(child.birthDate)) continue;
            const readerSector = child.consented ? random.pick(CARE_SECTORS) : holder.sectors[0]!;
            const organisation = readerSector === 'MUNICIPALITY' ? String(child.municipalityCode) : readerSector === 'GENERAL_PRACTICE' ? child.practice : 'synthetic';
            const reader = actorFor(readerSector, organisation, random.int(1, 20));
            const roles = [READER_ROLE[readerSector]];
            out.add(holder.subgraph, holder.log, {
              id: uuid7At(ms, random),
              at: iso(ms),
              action: 'READ',
              ...reader,
              actorRoles: roles,
              childId: child.id,
              operation: 'Child',
              parts: ['child'],
              purpose: 'CARE_COORDINATION',
              requestId: uuid7At(ms, random),
            });
          }
        }
      }
      yield* out.all();
    }
  },
};

/**
 * The generators of the region seed, in order. A later feature (referrals, screenings, advisory bookings) appends its
 * own; each may read what the ones before it decided (e.g. `child.lettersAbout`, `child.consented`).
 */
export const SEED_GENERATORS: SeedGenerator[] = [childrenGenerator, lettersGenerator, consentsAndReadsGenerator, referralsGenerator, screeningsGenerator, advisoryGenerator];

