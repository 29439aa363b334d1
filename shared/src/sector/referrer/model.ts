import { parseDiagnosisCode, type DiagnosisCode } from '../../domain/icd10/diagnosis-code.ts';
import { jointDecisionState, type JointDecisionSector } from '../../domain/referral/joint-decision.ts';
import { statusTimes, type ReferralState, type ReferralStatus, type VisitationDecision } from '../../domain/referral/status.ts';
import { treatmentResponsibility } from '../../domain/referral/treatment-responsibility.ts';
import { serializeDateTime } from '../../server/scalars.ts';
import type { FurtherCourseRow, ReferralRole, ReferrerReferralRow, StoredOutcome } from './tables.ts';

/** A diagnosis as every sector shows it: the SKS code, its ICD-10 form, the Danish title and the chapter. */
export interface DiagnosisModel {
  sks: string;
  icd10: string | null;
  title: string | null;
  chapter: string;
}

export const diagnosisModel = (code: DiagnosisCode): DiagnosisModel => ({ sks: code.sks, icd10: code.icd10, title: code.title, chapter: code.chapter });

export interface OutcomeModel extends Omit<StoredOutcome, 'diagnoses'> {
  diagnoses: DiagnosisModel[];
}

export function outcomeModel(outcome: StoredOutcome): OutcomeModel {
  // Stored as checked on both ends, so the codes parse; their titles come from the classification shipped here.
  return { ...outcome, diagnoses: outcome.diagnoses.map((sks) => diagnosisModel(parseDiagnosisCode(sks))) };
}

export interface TreatmentResponsibilityModel {
  holder: 'BUA' | null;
  startedAt: string | null;
  basis: string;
}

/** Who holds treatment responsibility, derived from the statuses the way BUA derives it (never stored). */
export function treatmentResponsibilityModel(state: ReferralState): TreatmentResponsibilityModel {
  const r = treatmentResponsibility(state);
  return { holder: r.holder, startedAt: r.since, basis: r.basis };
}

export interface StatusTimesModel {
  sentAt: string | null;
  receivedAt: string | null;
  visitedAt: string | null;
  assessmentStartedAt: string | null;
  assessedAt: string | null;
  closedAt: string | null;
}

export function statusTimesModel(state: ReferralState): StatusTimesModel {
  const t = statusTimes(state);
  return { sentAt: t.SENT, receivedAt: t.RECEIVED, visitedAt: t.VISITED, assessmentStartedAt: t.ASSESSMENT_STARTED, assessedAt: t.ASSESSED, closedAt: t.CLOSED };
}

export interface FurtherCourseModel {
  status: 'PENDING' | 'AGREED';
  parts: { sector: JointDecisionSector; furtherCourse: string; recordedAt: string }[];
  waitingFor: JointDecisionSector[];
  agreedAt: string | null;
}

export function furtherCourseModel(decision: VisitationDecision | null, rows: readonly FurtherCourseRow[]): FurtherCourseModel | null {
  if (decision !== 'NO_ASSESSMENT_NEEDED') return null;
  const state = jointDecisionState(rows.map((r) => ({ sector: r.sector, furtherCourse: r.furtherCourse, recordedAt: serializeDateTime(r.recordedAt) })));
  return state.status === 'PENDING'
    ? { status: 'PENDING', parts: state.parts, waitingFor: state.waitingFor, agreedAt: null }
    : { status: 'AGREED', parts: state.parts, waitingFor: [], agreedAt: state.agreedAt };
}

/** The referral's state, rebuilt from what this sector was told: what the shared rules derive the rest from. */
export function referralState(row: ReferrerReferralRow): ReferralState {
  return { status: row.status, history: row.history, visitationDecision: row.visitation?.decision ?? null, communicated: {} };
}

/** A referral to BUA as general practice and the municipality show it (`ReferralToBua` in their schemas). */
export interface ReferralToBuaModel {
  id: string;
  role: ReferralRole;
  child: { id: string };
  referrer: { sector: string; organisation: string };
  municipalityCode: number;
  ydernummer: string;
  messageId: string | null;
  reason: string | null;
  stepReached: string | null;
  acute: boolean | null;
  emergencyPhoneContact: { at: string; withWhom: string } | null;
  notificationFiled: { filedAt: string; reference: string | null } | null;
  interventionsTried: { kind: string; pathwayStep: string; description: string; startedOn: string; endedOn: string | null; responsible: string; effect: string | null }[] | null;
  screeningResultIds: string[] | null;
  consents: { givenBy: string; givenOn: string }[] | null;
  requestedBy: { name: string; role: string } | null;
  sentAt: string | null;
  delivery: { status: string; note: string | null } | null;
  status: ReferralStatus;
  statusHistory: { status: ReferralStatus; at: string }[];
  statusTimes: StatusTimesModel;
  visitation: { decision: VisitationDecision; reason: string | null; decidedAt: string } | null;
  outcome: OutcomeModel | null;
  treatmentResponsibility: TreatmentResponsibilityModel;
  furtherCourse: FurtherCourseModel | null;
}

export function referralToBuaModel(row: ReferrerReferralRow, furtherCourse: readonly FurtherCourseRow[]): ReferralToBuaModel {
  const r = row.referral;
  const state = referralState(row);
  return {
    id: row.id,
    role: row.role,
    child: { id: row.childId },
    referrer: { sector: row.referrerSector, organisation: row.referrerOrganisation },
    municipalityCode: row.municipalityCode,
    ydernummer: row.ydernummer,
    messageId: row.messageId,
    reason: r?.reason ?? null,
    stepReached: r?.stepReached ?? null,
    acute: r?.acute ?? null,
    emergencyPhoneContact: r?.emergencyPhoneContact ?? null,
    notificationFiled: r?.notificationFiled ?? null,
    interventionsTried: r ? r.interventionsTried.map(({ step, ...i }) => ({ ...i, pathwayStep: step })) : null,
    screeningResultIds: r?.screeningResultIds ?? null,
    consents: r?.consents ?? null,
    requestedBy: row.requester,
    sentAt: row.sentAt,
    delivery: row.delivery === null ? null : { status: row.delivery, note: row.deliveryNote },
    status: row.status,
    statusHistory: row.history,
    statusTimes: statusTimesModel(state),
    visitation: row.visitation,
    outcome: row.outcome === null ? null : outcomeModel(row.outcome),
    treatmentResponsibility: treatmentResponsibilityModel(state),
    furtherCourse: furtherCourseModel(row.visitation?.decision ?? null, furtherCourse),
  };
}
