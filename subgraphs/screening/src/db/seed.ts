import { ageOn, childPseudonym, seedDemoConsents, uuid7, type Sector } from '@pathway-graph/shared';
import { DEMO_SOR_CODES } from '@pathway-graph/shared/auth/demo-users';
import { DEMO_CHILDREN, DEMO_PRACTICES, demoChildConsents, type DemoChild } from '@pathway-graph/shared/demo/demo-data';
import { demoOffersFor } from '@pathway-graph/shared/demo/demo-offers';
import { demoMembershipId, demoRelativeRegistrations } from '@pathway-graph/shared/demo/demo-screening';
import { scoredColumns, scoreInput, type RecordScreeningInput } from '../screenings/record.ts';
import type { ScreeningSetup } from '../screenings/setup.ts';
import { partyOf } from '../access.ts';
import { countChildren, type ScreeningDb } from './repository.ts';
import { accessLog, actionPlans, children, consents, screeningResults, trackMemberships, type ScreeningTrack } from './schema.ts';

/**
 * Seeds the synthetic demo on first start only (a restart keeps whatever is there): the demo children's track
 * memberships with their basis and municipality, screenings scored by the engine (so every number is what the
 * instruments give), action plans from the demo municipalities' offers, re-screenings that improved, and positive
 * screenings still waiting for a plan (open actions). Everything is marked synthetic.
 */

interface Actor {
  subject: string;
  name: string;
  sector: Sector;
  organisation: string;
}

const PAEDIATRICIAN: Actor = { subject: 'demo:paediatrician', name: 'Demo Paediatrician', sector: 'PAEDIATRICS', organisation: DEMO_SOR_CODES.PAEDIATRICS };
const ADULT_PSYCHIATRY: Actor = { subject: 'demo:adultpsych', name: 'Demo Adult Psychiatry Clinician', sector: 'ADULT_PSYCHIATRY', organisation: DEMO_SOR_CODES.ADULT_PSYCHIATRY };
const gpOf = (child: DemoChild): Actor => {
  const practice = DEMO_PRACTICES.find((p) => p.ydernummer === child.practiceYdernummer)!;
  return { subject: `demo:gp-${practice.ydernummer}`, name: `Demo GP ${practice.ydernummer}`, sector: 'GENERAL_PRACTICE', organisation: practice.ydernummer };
};
const caseworkerOf = (code: number): Actor => ({ subject: `demo:caseworker-${code}`, name: `Demo Caseworker ${code}`, sector: 'MUNICIPALITY', organisation: String(code) });

const party = (a: Actor) => partyOf(a.sector, a.organisation);

/** The dates of the demo's screening story, fixed so every start tells the same one. */
const FIRST_SCREENING = '2026-09-20';
const PLAN_MADE = '2026-09-27';
const FOLLOW_UP = '2026-11-10';
const RESCREENING = '2026-11-10';

export async function seedDemoData(db: ScreeningDb, pseudonymSecret: string, setup: ScreeningSetup): Promise<number> {
  if ((await countChildren(db)) > 0) return 0;
  const screened = DEMO_CHILDREN.filter((c) => c.screeningTracks.length > 0);
  const relatives = new Map(demoRelativeRegistrations(pseudonymSecret).map((r) => [r.childId, r]));

  const childRows: (typeof children.$inferInsert)[] = [];
  const memberships: (typeof trackMemberships.$inferInsert)[] = [];
  const results: (typeof screeningResults.$inferInsert)[] = [];
  const plans: (typeof actionPlans.$inferInsert)[] = [];

  screened.forEach((child, n) => {
    // Screening only learns of a child through a track; the CPR number is used here for the pseudonym and dropped.
    const childId = childPseudonym(child.cpr, pseudonymSecret);
    childRows.push({ id: childId, birthDate: child.birthDate, synthetic: true });
    for (const { track, since } of child.screeningTracks) {
      const registrant = track === 'CHRONIC_SOMATIC_ILLNESS' ? PAEDIATRICIAN : track === 'RELATIVE_OF_MENTALLY_ILL' ? ADULT_PSYCHIATRY : gpOf(child);
      const relative = track === 'RELATIVE_OF_MENTALLY_ILL' ? relatives.get(childId) : undefined;
      const municipality = partyOf('MUNICIPALITY', String(child.municipalityCode));
      const id = demoMembershipId(childId, track);
      const membership = {
        id,
        childId,
        track,
        since,
        municipalityCode: child.municipalityCode,
        problemArea: track === 'RECOGNISED_MENTAL_PROBLEMS' ? (n % 2 ? ('ANXIETY_OR_DEPRESSION' as const) : ('ATTENTION_OR_HYPERACTIVITY' as const)) : null,
        diagnosisCode: track === 'CHRONIC_SOMATIC_ILLNESS' ? ['DE109', 'DJ459', 'DG409', 'DK500'][n % 4]! : track === 'RECOGNISED_MENTAL_PROBLEMS' && n % 2 === 0 ? 'DF900' : null,
        relation: track === 'RELATIVE_OF_MENTALLY_ILL' ? (relative?.relation ?? 'PARENT') : null,
        registeredBySubject: registrant.subject,
        registeredByName: registrant.name,
        registeredBySector: registrant.sector,
        registeredByOrganisation: registrant.organisation,
        registeredAt: `${since}T09:00:00.000Z`,
        parties: [party(registrant), ...(relative ? [municipality] : [])],
        patientConsentOn: relative ? relative.registeredOn : null,
        contactPhone: relative ? relative.contactPhone : null,
        notificationMessageId: relative ? relative.messageId : null,
        notificationStatus: relative ? ('DELIVERED' as const) : null,
        notificationReceivedOn: relative ? relative.receivedOn : null,
        synthetic: true,
      };
      memberships.push(membership);
      seedScreenings(setup, child, n, { ...membership, track }, results, plans);
    }
  });

  await db.transaction(async (tx) => {
    await tx.insert(children).values(childRows);
    await tx.insert(trackMemberships).values(memberships);
    if (results.length) await tx.insert(screeningResults).values(results);
    if (plans.length) await tx.insert(actionPlans).values(plans);
  });
  await seedDemoConsents(db, { consents, accessLog }, ['PAEDIATRICS', 'ADULT_PSYCHIATRY', 'HEALTH_VISITING'], new Set(childRows.map((c) => c.id)), pseudonymSecret);
  return screened.length;
}

/** WHO-5 answers giving the index 4 x sum (all five items). */
const who5 = (values: number[]) => values.map((value, i) => ({ item: `item${i + 1}`, value }));
/** SDQ parent answers with a total difficulties score of `total` (up to 10 per problem subscale, prosocial all 2). */
function sdqTotal(total: number) {
  const subscales = [[3, 8, 13, 16, 24], [5, 7, 12, 18, 22], [2, 10, 15, 21, 25], [6, 11, 14, 19, 23]];
  const reversed = new Set([7, 11, 14, 21, 25]);
  const answers = [1, 4, 9, 17, 20].map((n) => ({ item: `item${n}`, value: 2 }));
  let left = total;
  for (const items of subscales) {
    for (const n of items) {
      const points = Math.min(2, left);
      left -= points;
      answers.push({ item: `item${n}`, value: reversed.has(n) ? 2 - points : points });
    }
  }
  return answers;
}

function seedScreenings(
  setup: ScreeningSetup,
  child: DemoChild,
  n: number,
  membership: { id: string; childId: string; track: ScreeningTrack; since: string; municipalityCode: number; parties: string[] },
  results: (typeof screeningResults.$inferInsert)[],
  plans: (typeof actionPlans.$inferInsert)[],
): void {
  const age = ageOn(child.birthDate, FIRST_SCREENING);
  if (age < 4 || age >= 18) return;
  const screener = membership.track === 'CHRONIC_SOMATIC_ILLNESS' ? PAEDIATRICIAN : membership.track === 'RELATIVE_OF_MENTALLY_ILL' ? caseworkerOf(child.municipalityCode) : gpOf(child);
  // Positive first screenings for two children in three; the others screen negative.
  const positive = n % 3 !== 2;
  const first: Omit<RecordScreeningInput, 'childId' | 'track' | 'screeningDate'> =
    age >= 9
      ? { instrumentId: 'who5', versionId: '1998', informant: 'self', answers: who5(positive ? [2, 2, 2, 2, 2] : [4, 3, 4, 3, 4]) }
      : { instrumentId: 'sdq', versionId: 'P4-17', informant: 'parent', answers: sdqTotal(positive ? 21 : 8) };
  const record = (input: typeof first, screeningDate: string) => {
    const scored = scoreInput(setup, { ...input, childId: membership.childId, track: membership.track, screeningDate }, { birthDate: child.birthDate, since: membership.since, today: screeningDate });
    const row = {
      id: uuid7(Date.parse(`${screeningDate}T10:00:00Z`) + results.length),
      childId: membership.childId,
      membershipId: membership.id,
      track: membership.track,
      municipalityCode: membership.municipalityCode,
      ...scoredColumns(scored),
      screeningDate,
      recordedBySubject: screener.subject,
      recordedByName: screener.name,
      recordedBySector: screener.sector,
      recordedByOrganisation: screener.organisation,
      recordedAt: `${screeningDate}T10:00:00.000Z`,
      parties: [...new Set([...membership.parties, party(screener)])],
      synthetic: true,
    };
    results.push(row);
    return row;
  };
  if (FIRST_SCREENING < membership.since) return;
  const result = record(first, FIRST_SCREENING);
  if (!result.positive) return;
  // Every other positive child got a plan from the municipality's offers and was re-screened better; the others'
  // screenings are still waiting for a plan (the screener's open actions).
  const offers = demoOffersFor(child.municipalityCode, membership.track, ageOn(child.birthDate, PLAN_MADE));
  if (n % 2 === 1 || offers.length === 0) return;
  const responsible = membership.track === 'RELATIVE_OF_MENTALLY_ILL' ? caseworkerOf(child.municipalityCode) : screener;
  plans.push({
    id: uuid7(Date.parse(`${PLAN_MADE}T11:00:00Z`) + plans.length),
    childId: membership.childId,
    membershipId: membership.id,
    screeningResultId: result.id,
    track: membership.track,
    municipalityCode: membership.municipalityCode,
    offerIds: offers.slice(0, 2).map((o) => o.id),
    responsibleSector: responsible.sector,
    responsibleOrganisation: responsible.organisation,
    responsiblePersonName: responsible.name,
    responsiblePersonPhone: '+45 70 00 00 00',
    followUpOn: FOLLOW_UP,
    note: 'Syntetisk demo-handleplan.',
    createdOn: PLAN_MADE,
    createdBySubject: screener.subject,
    createdByName: screener.name,
    createdBySector: screener.sector,
    createdByOrganisation: screener.organisation,
    createdAt: `${PLAN_MADE}T11:00:00.000Z`,
    parties: [...new Set([...result.parties, party(responsible)])],
    synthetic: true,
  });
  result.parties = [...new Set([...result.parties, party(responsible)])];
  if (demoChildConsents(child) || n % 4 === 0) {
    record(age >= 9 ? { ...first, answers: who5([3, 4, 3, 4, 3]) } : { ...first, answers: sdqTotal(11) }, RESCREENING);
  }
}
