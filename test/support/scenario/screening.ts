import { outbox as screeningOutbox, actionPlans, screeningResults, trackMemberships } from '@pathway-graph/screening/db/schema';
import { receivedMessages as municipalityReceived, relativeRegistrations } from '@pathway-graph/municipality/db/schema';
import { count } from 'drizzle-orm';
import type { Principal } from '@pathway-graph/shared';
import { as } from '../auth.ts';
import type { GraphQLResponse } from '../graphql.ts';
import type { TestSystem } from '../system.ts';

/**
 * Scenario helpers for screening in the three risk groups, named after what people do: a paediatrician registers a
 * chronically ill child in track 2 and screens it, adult psychiatry registers a patient's child in track 3, the
 * municipality keeps its offer catalogue and its track-3 worklist, an analyst reads the evaluation. Each helper posts
 * to the gateway as that person and returns the GraphQL answer as it came (data and errors), so a test can assert a
 * refusal as readily as a success.
 */

export type Track = 'RECOGNISED_MENTAL_PROBLEMS' | 'CHRONIC_SOMATIC_ILLNESS' | 'RELATIVE_OF_MENTALLY_ILL';

const MEMBERSHIP = `id track since active endedOn endReason municipality { code }
  basis { problemArea relation diagnosis { code icd10 chapter } }
  registeredBy { sector organisation } screenPositive
  municipalityNotification { status patientConsentOn receivedOn error municipality { code } }`;
const RESULT = `id track instrumentId instrumentRevision versionId informant bandScheme screeningDate ageInYears positive
  actionPlanDueOn scores { id value band { code rank } prorated } flags { id items } thresholds { thresholdId passed reason }
  recordedBy { sector organisation }`;
const PLAN = `id track followUpOn createdOn daysFromScreening note
  offers { id name municipality { code } } municipality { code }
  responsible { sector organisation personName phone } screeningResult { id positive }`;

export interface Membership {
  id: string;
  track: Track;
  since: string;
  active: boolean;
  endedOn: string | null;
  endReason: string | null;
  municipality: { code: number } | null;
  basis: { problemArea: string | null; relation: string | null; diagnosis: { code: string; icd10: string | null; chapter: string } | null };
  registeredBy: { sector: string; organisation: string } | null;
  screenPositive: boolean;
  municipalityNotification: { status: string; patientConsentOn: string; receivedOn: string | null; error: string | null; municipality: { code: number } } | null;
}
export interface Result {
  id: string;
  track: Track;
  instrumentId: string;
  instrumentRevision: string;
  versionId: string;
  informant: string;
  bandScheme: string | null;
  screeningDate: string;
  ageInYears: number;
  positive: boolean;
  actionPlanDueOn: string | null;
  scores: { id: string; value: number | null; band: { code: string; rank: number } | null; prorated: boolean }[];
  flags: { id: string; items: string[] }[];
  thresholds: { thresholdId: string; passed: boolean | null; reason: string | null }[];
  recordedBy: { sector: string; organisation: string };
}
export interface Plan {
  id: string;
  track: Track;
  followUpOn: string;
  createdOn: string;
  daysFromScreening: number;
  note: string | null;
  offers: { id: string; name: string; municipality: { code: number } }[];
  municipality: { code: number } | null;
  responsible: { sector: string; organisation: string; personName: string; phone: string | null };
  screeningResult: { id: string; positive: boolean };
}

/** WHO-5 answers (items 1-5, each 0-5) as the API takes them. */
export const who5Answers = (values: readonly number[]) => values.map((value, i) => ({ item: `item${i + 1}`, value }));

/** Someone signed in (a demo user by name, or a principal), doing what that person does in the screening tracks. */
export function screeningActor(t: TestSystem, user: string | Principal) {
  const ask = async <T>(query: string, variables?: Record<string, unknown>) => t.query<T>(query, variables, await as(user));
  return {
    user,
    registerInTrack: (input: Record<string, unknown>) =>
      ask<{ registerInScreeningTrack: Membership }>(`mutation($input: RegisterInTrackInput!) { registerInScreeningTrack(input: $input) { ${MEMBERSHIP} } }`, {
        input,
      }),
    /** Track 2: the chronic illness as an ICD-10 code outside chapter F. */
    registerChronicallyIll: (cpr: string, diagnosisCode: string, municipalityCode: number, since?: string) =>
      ask<{ registerInScreeningTrack: Membership }>(`mutation($input: RegisterInTrackInput!) { registerInScreeningTrack(input: $input) { ${MEMBERSHIP} } }`, {
        input: { cpr, track: 'CHRONIC_SOMATIC_ILLNESS', municipalityCode, chronicIllness: { diagnosisCode }, ...(since ? { since } : {}) },
      }),
    /** Track 3: the patient's child, with the relation and (when given) the patient's consent to telling the municipality. */
    registerPatientsChild: (cpr: string, municipalityCode: number, relative: { relation: 'PARENT' | 'SIBLING'; patientConsentOn?: string; contactPhone?: string }) =>
      ask<{ registerInScreeningTrack: Membership }>(`mutation($input: RegisterInTrackInput!) { registerInScreeningTrack(input: $input) { ${MEMBERSHIP} } }`, {
        input: { cpr, track: 'RELATIVE_OF_MENTALLY_ILL', municipalityCode, relative },
      }),
    endMembership: (id: string, reason: string, endedOn?: string) =>
      ask<{ endTrackMembership: Membership }>(`mutation($id: ID!, $reason: MembershipEndReason!, $endedOn: Date) {
        endTrackMembership(id: $id, reason: $reason, endedOn: $endedOn) { ${MEMBERSHIP} } }`, { id, reason, endedOn }),
    screen: (input: Record<string, unknown>) =>
      ask<{ recordScreening: Result }>(`mutation($input: RecordScreeningInput!) { recordScreening(input: $input) { ${RESULT} } }`, { input }),
    /** A WHO-5 self-report (the child answers items 1-5). */
    screenWho5: (childId: string, track: Track, values: readonly number[], screeningDate?: string) =>
      ask<{ recordScreening: Result }>(`mutation($input: RecordScreeningInput!) { recordScreening(input: $input) { ${RESULT} } }`, {
        input: { childId, track, instrumentId: 'who5', versionId: '1998', informant: 'SELF', answers: who5Answers(values), ...(screeningDate ? { screeningDate } : {}) },
      }),
    makeActionPlan: (input: Record<string, unknown>) =>
      ask<{ createActionPlan: Plan }>(`mutation($input: CreateActionPlanInput!) { createActionPlan(input: $input) { ${PLAN} } }`, { input }),
    openActions: (args: { overdueOnly?: boolean; first?: number } = {}) =>
      ask<{ openScreeningActions: { edges: { node: { dueOn: string; overdue: boolean; track: Track; child: { id: string }; screeningResult: { id: string } } }[] } }>(
        `query($overdueOnly: Boolean, $first: Int) { openScreeningActions(overdueOnly: $overdueOnly, first: $first) {
          edges { node { dueOn overdue track child { id } screeningResult { id } } } } }`,
        args,
      ),
    childScreening: (childId: string) =>
      ask<{ child: { id: string; trackMemberships: Membership[] | null; screenings: Result[] | null; actionPlans: Plan[] | null;
        screeningTrends: { instrumentId: string; scoreId: string; informant: string; meaningfulChange: number | null;
          points: { value: number | null; screeningDate: string }[]; changes: { change: number | null; meaningful: boolean | null; direction: string | null }[] }[] | null } }>(
        `query($id: ID!) { child(id: $id) { id trackMemberships { ${MEMBERSHIP} } screenings { ${RESULT} } actionPlans { ${PLAN} }
          screeningTrends { instrumentId scoreId informant meaningfulChange points { value screeningDate } changes { change meaningful direction } } } }`,
        { id: childId },
      ),
    /** One field of the child's screening data, alone, so a refusal of it is not mixed with others. */
    childField: (childId: string, field: string) =>
      ask<{ child: Record<string, unknown> }>(`query($id: ID!) { child(id: $id) { ${field} } }`, { id: childId }),
    offers: (municipalityCode: number, track?: Track, age?: number) =>
      ask<{ municipalOffers: { edges: { node: { id: string; name: string; tracks: Track[]; minAge: number; maxAge: number } }[] } }>(
        `query($code: Int!, $track: ScreeningTrack, $age: Int) { municipalOffers(municipalityCode: $code, track: $track, age: $age) {
          edges { node { id name tracks minAge maxAge } } } }`,
        { code: municipalityCode, track, age },
      ),
    addOffer: (input: Record<string, unknown>) =>
      ask<{ createMunicipalOffer: { id: string } }>('mutation($input: NewMunicipalOfferInput!) { createMunicipalOffer(input: $input) { id } }', { input }),
    relativeWorklist: (municipalityCode: number, first = 50) =>
      ask<{ relativeRegistrations: { edges: { node: { id: string; relation: string; patientConsentOn: string; contactName: string; departmentSorCode: string;
        birthDate: string; status: string; child: { id: string } } }[] } }>(
        `query($code: Int!, $first: Int) { relativeRegistrations(municipalityCode: $code, first: $first) {
          edges { node { id relation patientConsentOn contactName departmentSorCode birthDate status child { id } } } } }`,
        { code: municipalityCode, first },
      ),
    /** Takes a track-3 registration from the worklist (family services): TAKEN, with who took it. */
    takeRelativeRegistration: (id: string) =>
      ask<{ takeRelativeRegistration: { id: string; status: string; takenByName: string | null; takenAt: string | null } }>(
        'mutation($id: ID!) { takeRelativeRegistration(id: $id) { id status takenByName takenAt } }',
        { id },
      ),
    evaluation: (from: string, to: string, track?: Track) =>
      ask<{ screeningEvaluation: { rows: { track: Track; municipality: { code: number } | null; childrenRegistered: number | null; childrenScreened: number | null;
        childrenScreenedPositive: number | null; childrenWithActionPlan: number | null; medianDaysToActionPlan: number | null;
        childrenImprovedOnRescreening: number | null; withheld: string[] }[]; suppressionRule: string } }>(
        `query($from: Date!, $to: Date!, $track: ScreeningTrack) { screeningEvaluation(from: $from, to: $to, track: $track) { suppressionRule
          rows { track municipality { code } childrenRegistered childrenScreened childrenScreenedPositive childrenWithActionPlan
            medianDaysToActionPlan childrenImprovedOnRescreening withheld } } }`,
        { from, to, track },
      ),
  };
}

export const asPaediatrician = (t: TestSystem) => screeningActor(t, 'paediatrician');
export const asAdultPsychiatry = (t: TestSystem) => screeningActor(t, 'adultpsych');
/** A caseworker of the municipality's children's area (family services); demo users exist for 751 and 657. */
export const asCaseworker = (t: TestSystem, code: number) =>
  screeningActor(
    t,
    code === 751 || code === 657
      ? `caseworker-${code}`
      : { subject: `test:caseworker-${code}`, displayName: `Test Caseworker ${code}`, sector: 'MUNICIPALITY', organisation: String(code), roles: ['CASEWORKER'] },
  );
export const asGp = (t: TestSystem, ydernummer: string) => screeningActor(t, `gp-${ydernummer}`);
export const asRegionAnalyst = (t: TestSystem) => screeningActor(t, 'analyst-region');
export const asMunicipalAnalyst = (t: TestSystem) => screeningActor(t, 'analyst-751');

/** What screening and the municipality hold: a refusal must leave every count as it was. */
export async function screeningCounts(t: TestSystem) {
  const s = t.system.databases.screening.db;
  const m = t.system.databases.municipality.db;
  const n = async (q: Promise<{ n: number }[]>) => (await q)[0]!.n;
  return {
    memberships: await n(s.select({ n: count() }).from(trackMemberships)),
    results: await n(s.select({ n: count() }).from(screeningResults)),
    plans: await n(s.select({ n: count() }).from(actionPlans)),
    outbox: await n(s.select({ n: count() }).from(screeningOutbox)),
    worklist: await n(m.select({ n: count() }).from(relativeRegistrations)),
    received: await n(m.select({ n: count() }).from(municipalityReceived)),
  };
}

/** The error code of a refused answer (the first error's), or null when it succeeded. */
export const codeOf = (res: GraphQLResponse<unknown>): string | null => (res.errors?.[0]?.extensions?.['code'] as string | undefined) ?? null;

/** Polls until `check` holds (delivery runs in the background), failing with `what` after a while. */
export async function eventually<T>(what: string, probe: () => Promise<T>, check: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (check(value)) return value;
    if (Date.now() > until) throw new Error(`${what} did not happen in time; last seen: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * The 25 SDQ symptom answers giving a total difficulties score of `total` (0-40): the problem subscales fill up in
 * order, 2 points per item, reverse-scored items (7, 11, 14, 21, 25) ticked the other way; prosocial all 2. The
 * item numbers are the SDQ's; no item text is needed (youthinmind's copyright).
 */
export function sdqAnswers(total: number): { item: string; value: number }[] {
  const problemSubscales = [[3, 8, 13, 16, 24], [5, 7, 12, 18, 22], [2, 10, 15, 21, 25], [6, 11, 14, 19, 23]];
  const reversed = new Set([7, 11, 14, 21, 25]);
  const answers = [1, 4, 9, 17, 20].map((n) => ({ item: `item${n}`, value: 2 }));
  let left = total;
  for (const items of problemSubscales) {
    for (const n of items) {
      const points = Math.min(2, left);
      left -= points;
      answers.push({ item: `item${n}`, value: reversed.has(n) ? 2 - points : points });
    }
  }
  return answers;
}
