import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { GraphQLResponse, TestSystem } from '../system.ts';

/**
 * The referral pathway (Trin 3 and 4, agreement 6.1) as the people in it act, through the gateway: a GP or a
 * municipality refers, BUA's clinician visits, assesses and communicates, the referrer follows the status.
 */

export const REFERRAL_FIELDS = `id role status child { id } referrer { sector organisation } municipalityCode ydernummer reason stepReached acute
  delivery { status note } statusHistory { status at }
  statusTimes { sentAt receivedAt visitedAt assessmentStartedAt assessedAt closedAt }
  visitation { decision reason decidedAt }
  outcome { conclusion diagnoses { sks icd10 title chapter } treatment { description startedOn } childNeeds results concludedAt }
  treatmentResponsibility { holder startedAt basis }
  interventionsTried { kind pathwayStep effect }
  furtherCourse { status waitingFor parts { sector furtherCourse } agreedAt }`;

export const BUA_REFERRAL_FIELDS = `id status acute ageInDays child { id } referrer { sector organisation } municipalityCode ydernummer reason stepReached
  emergencyPhoneContact { at withWhom } notificationFiled { filedAt }
  interventionsTried { kind pathwayStep description effect }
  statusTimes { sentAt receivedAt visitedAt assessmentStartedAt assessedAt closedAt }
  visitation { decision reason } visitationDecidedBy
  outcome { conclusion diagnoses { sks icd10 title } treatment { description startedOn } childNeeds results }
  parentCommunication { at how by } communications { recipient at } pendingCommunications
  partiesNotTold { party organisation reason explanation }
  treatmentResponsibility { holder startedAt }`;

export type Referral = Record<string, unknown> & { id: string; status: string; role: string };
export type BuaReferral = Record<string, unknown> & { id: string; status: string; pendingCommunications: string[] };

const now = () => new Date().toISOString();

/** What a GP fills in for a direct, non-acute referral (agreement 6.2), with the custody holder's consent. */
export function gpReferral(cpr: string, overrides: Record<string, unknown> = {}) {
  return {
    messageId: randomUUID(),
    cpr,
    municipalityCode: 751,
    reason: 'Vedvarende uro og koncentrationsbesvær i skole og hjem gennem et år; ønsker udredning for ADHD. (syntetisk)',
    stepReached: 'NONE',
    acute: false,
    consents: [{ givenBy: 'CUSTODY_HOLDER', givenOn: '2026-11-01' }],
    ...overrides,
  };
}

/** A municipality's referral after Trin 2, with the Trin 2 intervention that did not have the expected effect. */
export function municipalReferral(childId: string, ydernummer: string, overrides: Record<string, unknown> = {}) {
  return {
    messageId: randomUUID(),
    childId,
    ydernummer,
    reason: 'Trin 2-indsatsen har ikke haft den forventede effekt; angst og skolefravær tiltager. (syntetisk)',
    stepReached: 'TRIN_2',
    acute: false,
    interventionsTried: [
      { kind: 'PSYCHOLOGICAL', pathwayStep: 'TRIN_1', description: 'Samtaleforløb hos PPR', startedOn: '2026-03-01', endedOn: '2026-05-01', responsible: 'PPR Aarhus', effect: 'NOT_AS_EXPECTED' },
      { kind: 'PEDAGOGICAL', pathwayStep: 'TRIN_2', description: 'Støtte i klassen og familiebehandling', startedOn: '2026-06-01', endedOn: '2026-10-15', responsible: 'Familieafdelingen Aarhus', effect: 'NOT_AS_EXPECTED' },
    ],
    consents: [{ givenBy: 'CUSTODY_HOLDER', givenOn: '2026-11-01' }],
    ...overrides,
  };
}

export function referralScenario(t: TestSystem) {
  const call = <T>(user: string, query: string, variables?: Record<string, unknown>) => t.queryAs<T>(user, query, variables);
  const ok = <T>(res: GraphQLResponse<T>): T => {
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    return res.data!;
  };

  async function until<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await read();
      if (done(value)) return value;
      if (Date.now() > deadline) throw new Error(`${what} never happened; last seen: ${JSON.stringify(value)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  const asGp = (user = 'gp-107510') => ({
    refer: (input: Record<string, unknown>) =>
      call<{ referChildToBua: Referral }>(user, `mutation($input: ReferChildToBuaInput!) { referChildToBua(input: $input) { ${REFERRAL_FIELDS} } }`, { input }),
    referral: (id: string) => call<{ practiceReferralToBua: Referral }>(user, `query($id: ID!) { practiceReferralToBua(id: $id) { ${REFERRAL_FIELDS} } }`, { id }),
    referrals: (ydernummer: string, first = 50) =>
      call<{ practiceReferralsToBua: { edges: { node: Referral }[] } }>(
        user,
        `query($y: String!, $first: Int) { practiceReferralsToBua(ydernummer: $y, first: $first) { edges { node { id status } } } }`,
        { y: ydernummer, first },
      ),
    recordFurtherCourse: (referralId: string, furtherCourse: string) =>
      call<{ recordPracticeFurtherCourse: Referral }>(
        user,
        `mutation($id: ID!, $f: String!) { recordPracticeFurtherCourse(referralId: $id, furtherCourse: $f) { ${REFERRAL_FIELDS} } }`,
        { id: referralId, f: furtherCourse },
      ),
    /** Waits until BUA's status messages have brought the referral to `status` here (an informed practice learns of it from them). */
    awaitStatus: (id: string, status: string) =>
      until(
        `the GP seeing referral ${id} as ${status}`,
        async () => (await asGp(user).referral(id)).data?.practiceReferralToBua ?? null,
        (r) => r?.status === status,
      ).then((r) => r!),
  });

  const asMunicipality = (user = 'caseworker-751') => ({
    refer: (input: Record<string, unknown>) =>
      call<{ referChildToBuaFromMunicipality: Referral }>(
        user,
        `mutation($input: MunicipalReferralInput!) { referChildToBuaFromMunicipality(input: $input) { ${REFERRAL_FIELDS} } }`,
        { input },
      ),
    referral: (id: string) =>
      call<{ municipalityReferralToBua: Referral }>(user, `query($id: ID!) { municipalityReferralToBua(id: $id) { ${REFERRAL_FIELDS} } }`, { id }),
    recordFurtherCourse: (referralId: string, furtherCourse: string) =>
      call<{ recordMunicipalFurtherCourse: Referral }>(
        user,
        `mutation($id: ID!, $f: String!) { recordMunicipalFurtherCourse(referralId: $id, furtherCourse: $f) { ${REFERRAL_FIELDS} } }`,
        { id: referralId, f: furtherCourse },
      ),
    awaitStatus: (id: string, status: string) =>
      until(
        `the municipality seeing referral ${id} as ${status}`,
        async () => (await asMunicipality(user).referral(id)).data?.municipalityReferralToBua ?? null,
        (r) => r?.status === status,
      ).then((r) => r!),
  });

  const asBuaClinician = (user = 'bua-clinician') => ({
    worklist: (args: Record<string, unknown> = {}) =>
      call<{ buaReferralWorklist: { edges: { node: BuaReferral }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } }>(
        user,
        `query($statuses: [ReferralStatus!], $first: Int, $after: String, $minAgeDays: Int, $maxAgeDays: Int) {
          buaReferralWorklist(statuses: $statuses, first: $first, after: $after, minAgeDays: $minAgeDays, maxAgeDays: $maxAgeDays) {
            edges { node { id status acute } } pageInfo { hasNextPage endCursor } } }`,
        args,
      ),
    referral: (id: string) => call<{ buaReferral: BuaReferral }>(user, `query($id: ID!) { buaReferral(id: $id) { ${BUA_REFERRAL_FIELDS} } }`, { id }),
    /** Waits until the referral has arrived at BUA. */
    awaitReferral: (id: string) =>
      until(`referral ${id} arriving at BUA`, async () => (await asBuaClinician(user).referral(id)).data?.buaReferral ?? null, (r) => r !== null),
    visit: (referralId: string, decision: string, reason: string | null = null) =>
      call<{ decideBuaVisitation: BuaReferral }>(
        user,
        `mutation($id: ID!, $input: VisitationInput!) { decideBuaVisitation(referralId: $id, input: $input) { ${BUA_REFERRAL_FIELDS} } }`,
        { id: referralId, input: { decision, reason, decidedAt: now(), decidedBy: 'Demo Overlæge (syntetisk)' } },
      ),
    startAssessment: (referralId: string) =>
      call<{ startBuaAssessment: BuaReferral }>(
        user,
        `mutation($id: ID!, $at: DateTime!) { startBuaAssessment(referralId: $id, startedAt: $at) { ${BUA_REFERRAL_FIELDS} } }`,
        { id: referralId, at: now() },
      ),
    recordOutcome: (referralId: string, outcome: Record<string, unknown> = {}) =>
      call<{ recordBuaAssessmentOutcome: { referral: BuaReferral; warnings: { code: string; field: string }[] } }>(
        user,
        `mutation($id: ID!, $input: AssessmentOutcomeInput!) { recordBuaAssessmentOutcome(referralId: $id, input: $input) {
          referral { ${BUA_REFERRAL_FIELDS} } warnings { code field message } } }`,
        {
          id: referralId,
          input: {
            conclusion: 'DIAGNOSED',
            diagnoses: ['F90.0'],
            treatment: { description: 'Psykoedukation og opstart af medicinsk behandling', startedOn: '2026-11-20' },
            childNeeds: 'Struktur i skoledagen og støtte til forældrene. (syntetisk)',
            results: 'Opfylder kriterierne for ADHD, kombineret type. (syntetisk)',
            concludedAt: now(),
            ...outcome,
          },
        },
      ),
    toldParents: (referralId: string) =>
      call<{ recordOutcomeCommunicatedToParents: BuaReferral }>(
        user,
        `mutation($id: ID!, $input: ParentCommunicationInput!) { recordOutcomeCommunicatedToParents(referralId: $id, input: $input) { ${BUA_REFERRAL_FIELDS} } }`,
        { id: referralId, input: { at: now(), how: 'IN_PERSON', by: 'Demo Overlæge (syntetisk)' } },
      ),
    close: (referralId: string) =>
      call<{ closeBuaReferral: BuaReferral }>(
        user,
        `mutation($id: ID!, $at: DateTime!) { closeBuaReferral(referralId: $id, closedAt: $at) { ${BUA_REFERRAL_FIELDS} } }`,
        { id: referralId, at: now() },
      ),
    /** Waits until BUA's status messages carrying the outcome have been delivered to both sectors around the child. */
    awaitOutcomeDelivered: (referralId: string) =>
      until(
        `the outcome of ${referralId} reaching the municipality and the GP`,
        async () => ok(await asBuaClinician(user).referral(referralId)).buaReferral,
        (r) => !r.pendingCommunications.includes('MUNICIPALITY') && !r.pendingCommunications.includes('GENERAL_PRACTICE'),
      ),
  });

  const MEDICATION = `id referralId medicine { atcCode name } prescriber prescribesFrom reviewOn proposedBy status response { by accepted reason } reviewDue`;
  /** Trin 4: one side proposes a medication agreement, the other answers; each sees both sides' copies of the child. */
  const medication = {
    proposeAsBua: (input: Record<string, unknown>, user = 'bua-clinician') =>
      call<{ proposeBuaMedicationAgreement: { agreement: { id: string; status: string }; warnings: { code: string }[] } }>(
        user,
        `mutation($input: MedicationAgreementInput!) { proposeBuaMedicationAgreement(input: $input) { agreement { ${MEDICATION} } warnings { code field } } }`,
        { input },
      ),
    respondAsGp: (id: string, accept: boolean, reason: string | null = null, user = 'gp-107510') =>
      call<{ respondToPracticeMedicationAgreement: { id: string; status: string } }>(
        user,
        `mutation($id: ID!, $accept: Boolean!, $reason: String) { respondToPracticeMedicationAgreement(id: $id, accept: $accept, reason: $reason) { ${MEDICATION} } }`,
        { id, accept, reason },
      ),
    ofChild: (cpr: string, field: 'buaMedicationAgreements' | 'generalPracticeMedicationAgreements', user: string) =>
      call<{ childByCpr: Record<string, { id: string; status: string }[] | null> }>(user, `query($cpr: String!) { childByCpr(cpr: $cpr) { ${field} { ${MEDICATION} } } }`, { cpr }),
  };

  return { asGp, asMunicipality, asBuaClinician, medication, ok, until };
}
