import { parseDiagnosisCode } from '@pathway-graph/shared/domain/icd10/index';
import { missingCommunications, type OutcomeRecipient, type ReferralState } from '@pathway-graph/shared/domain/referral/index';
import {
  diagnosisModel,
  statusTimesModel,
  treatmentResponsibilityModel,
  type OutcomeModel,
  type StatusTimesModel,
  type TreatmentResponsibilityModel,
} from '@pathway-graph/shared/sector/referrer/model';
import { serializeDateTime } from '@pathway-graph/shared';
import type { ReferralRow } from '../db/schema.ts';
import type { PartyNotTold } from './rules/consent.ts';

/** The referral's course as the shared status rules see it. */
export function stateOf(row: ReferralRow): ReferralState {
  return { status: row.status, history: row.history, visitationDecision: row.visitationDecision, communicated: row.communicated };
}

/** A referral as BUA's worklist and the child's record show it (`BuaReferral`); never the CPR number. */
export interface BuaReferralModel {
  id: string;
  child: { id: string };
  referrer: { sector: string; organisation: string };
  requestedBy: { name: string; role: string };
  municipalityCode: number;
  ydernummer: string;
  reason: string;
  stepReached: string;
  acute: boolean;
  emergencyPhoneContact: { at: string; withWhom: string } | null;
  notificationFiled: { filedAt: string; reference: string | null } | null;
  interventionsTried: { kind: string; pathwayStep: string; description: string; startedOn: string; endedOn: string | null; responsible: string; effect: string | null }[];
  screeningResultIds: string[];
  consents: { givenBy: string; givenOn: string }[];
  sentAt: string;
  receivedAt: string;
  ageInDays: number;
  status: ReferralRow['status'];
  statusHistory: { status: ReferralRow['status']; at: string }[];
  statusTimes: StatusTimesModel;
  visitation: { decision: string; reason: string | null; decidedAt: string } | null;
  visitationDecidedBy: string | null;
  outcome: OutcomeModel | null;
  parentCommunication: { at: string; how: string; by: string } | null;
  communications: { recipient: OutcomeRecipient; at: string }[];
  pendingCommunications: OutcomeRecipient[];
  partiesNotTold: PartyNotTold[];
  treatmentResponsibility: TreatmentResponsibilityModel;
}

const DAY_MS = 86_400_000;

/** `notTold`: the sectors BUA may no longer tell of the referral (rules/consent.ts); they do not hold it open. */
export function buaReferralModel(row: ReferralRow, now: Date, notTold: readonly PartyNotTold[] = []): BuaReferralModel {
  const state = stateOf(row);
  const visited = row.history.find((h) => h.status === 'VISITED');
  const decided = state.status === 'ASSESSED' || (state.status === 'VISITED' && state.visitationDecision === 'NO_ASSESSMENT_NEEDED');
  const { recordedBy: _recordedBy, ...outcome } = row.outcome ?? { recordedBy: null };
  return {
    id: row.id,
    child: { id: row.childId },
    referrer: { sector: row.referrerSector, organisation: row.referrerOrganisation },
    requestedBy: { name: row.requesterName, role: row.requesterRole },
    municipalityCode: row.municipalityCode,
    ydernummer: row.ydernummer,
    reason: row.reason,
    stepReached: row.stepReached,
    acute: row.acute,
    emergencyPhoneContact: row.emergencyPhoneContact,
    notificationFiled: row.notificationFiled,
    interventionsTried: row.interventionsTried.map(({ step, ...i }) => ({ ...i, pathwayStep: step })),
    screeningResultIds: row.screeningResultIds,
    consents: row.consents,
    sentAt: row.sentAt,
    receivedAt: row.receivedAt,
    ageInDays: Math.max(0, Math.floor((now.getTime() - Date.parse(serializeDateTime(row.receivedAt))) / DAY_MS)),
    status: row.status,
    statusHistory: row.history,
    statusTimes: statusTimesModel(state),
    visitation:
      row.visitationDecision === null ? null : { decision: row.visitationDecision, reason: row.visitationReason, decidedAt: visited?.at ?? row.receivedAt },
    visitationDecidedBy: row.visitationDecidedBy,
    outcome:
      row.outcome === null
        ? null
        : { ...(outcome as Omit<NonNullable<ReferralRow['outcome']>, 'recordedBy'>), diagnoses: row.outcome.diagnoses.map((sks) => diagnosisModel(parseDiagnosisCode(sks))) },
    parentCommunication: row.parentCommunication,
    communications: (Object.entries(row.communicated) as [OutcomeRecipient, string][]).map(([recipient, at]) => ({ recipient, at })),
    pendingCommunications: decided && state.status !== 'CLOSED' ? missingCommunications(state, notTold.map((n) => n.party)) : [],
    partiesNotTold: [...notTold],
    treatmentResponsibility: treatmentResponsibilityModel(state),
  };
}
