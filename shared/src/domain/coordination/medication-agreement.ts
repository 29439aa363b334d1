import { parseIsoDate } from '../age.ts';
import { parseAtcSubstance, parseMedicineName, type AtcWarning } from '../atc/atc-code.ts';
import { badUserInput, conflict } from '../../errors.ts';
import { instantMs, oneOf, optionalText, parseInstant } from '../input.ts';

/**
 * Trin 4: "Der indgås aftale mellem børne- og ungdomspsykiatrien og almen praksis ... om eventuel videreførelse af og
 * opfølgning på farmakologisk behandling" (agreement 6.1). One side proposes (the medicine, who prescribes from when,
 * when it is reviewed), the other accepts or declines. A new proposal supersedes the one before it (open or
 * accepted). Both subgraphs hold the agreement (it travels as messages), so the state machine is shared:
 *
 *   PROPOSED -> ACCEPTED | DECLINED;  PROPOSED | ACCEPTED -> SUPERSEDED (by a newer proposal)
 */

export const AGREEMENT_PARTIES = ['BUA', 'GENERAL_PRACTICE'] as const;
export type AgreementParty = (typeof AGREEMENT_PARTIES)[number];

export type MedicationAgreementStatus = 'PROPOSED' | 'ACCEPTED' | 'DECLINED' | 'SUPERSEDED';

export interface MedicationProposal {
  medicine: { atcCode: string; name: string };
  /** Who prescribes (and renews) the medicine from `prescribesFrom`. */
  prescriber: AgreementParty;
  prescribesFrom: string;
  reviewOn: string;
  note: string | null;
  proposedBy: AgreementParty;
  proposedAt: string;
}

export interface MedicationAgreement {
  status: MedicationAgreementStatus;
  proposal: MedicationProposal;
  response: { by: AgreementParty; at: string; accepted: boolean; reason: string | null } | null;
  supersededAt: string | null;
}

export interface MedicationProposalInput {
  medicine: { atcCode: string; name: string };
  prescriber: string;
  prescribesFrom: string;
  reviewOn: string;
  note?: string | null;
  proposedBy: string;
  proposedAt: string;
}

const PARTY_LABEL: Record<AgreementParty, string> = { BUA: 'BUA', GENERAL_PRACTICE: 'the GP' };

/** A new proposal, validated; `warnings` carries the ATC remark (e.g. a code outside N05/N06). */
export function proposeMedicationAgreement(input: MedicationProposalInput, today: string): { agreement: MedicationAgreement; warnings: AtcWarning[] } {
  const atc = parseAtcSubstance(input.medicine?.atcCode, 'medicine.atcCode');
  const name = parseMedicineName(input.medicine?.name, 'medicine.name');
  const prescribesFrom = parseIsoDate(input.prescribesFrom, 'prescribesFrom');
  const reviewOn = parseIsoDate(input.reviewOn, 'reviewOn');
  if (reviewOn <= prescribesFrom) {
    throw badUserInput(`reviewOn (${reviewOn}) must come after prescribesFrom (${prescribesFrom}): the review follows up the prescribing it agrees.`, { field: 'reviewOn' });
  }
  if (reviewOn < today) throw badUserInput('reviewOn lies in the past; agree a review date ahead.', { field: 'reviewOn' });
  const proposal: MedicationProposal = {
    medicine: { atcCode: atc.code, name },
    prescriber: oneOf(input.prescriber, AGREEMENT_PARTIES, 'prescriber', 'Who prescribes'),
    prescribesFrom,
    reviewOn,
    note: optionalText(input.note, 'note', 2_000, 'The note'),
    proposedBy: oneOf(input.proposedBy, AGREEMENT_PARTIES, 'proposedBy', 'Who proposes'),
    proposedAt: parseInstant(input.proposedAt, 'proposedAt'),
  };
  return { agreement: { status: 'PROPOSED', proposal, response: null, supersededAt: null }, warnings: atc.warnings };
}

/** The other side's answer: accepted, or declined with a reason. */
export function respondToMedicationAgreement(
  agreement: MedicationAgreement,
  input: { by: string; at: string; accept: boolean; reason?: string | null },
): MedicationAgreement {
  const by = oneOf(input.by, AGREEMENT_PARTIES, 'by', 'Who responds');
  const word = input.accept ? 'accepted' : 'declined';
  if (agreement.status !== 'PROPOSED') {
    const done = agreement.response ? ` by ${PARTY_LABEL[agreement.response.by]} at ${agreement.response.at}` : '';
    const messages: Record<Exclude<MedicationAgreementStatus, 'PROPOSED'>, string> = {
      ACCEPTED: `The agreement was already accepted${done}; it cannot be ${word} again.`,
      DECLINED: `The proposal was declined${done}; make a new proposal instead.`,
      SUPERSEDED: `This proposal was superseded at ${agreement.supersededAt}; respond to the newer proposal.`,
    };
    throw conflict(messages[agreement.status], { field: 'status', reason: agreement.status });
  }
  if (by === agreement.proposal.proposedBy) {
    throw conflict(
      `${PARTY_LABEL[by]} made this proposal, so only ${PARTY_LABEL[by === 'BUA' ? 'GENERAL_PRACTICE' : 'BUA']} can accept or decline it (the agreement is between the two).`,
      { field: 'by', reason: 'PROPOSER_CANNOT_RESPOND' },
    );
  }
  const at = parseInstant(input.at, 'at');
  if (instantMs(at) < instantMs(agreement.proposal.proposedAt)) {
    throw badUserInput('The response is dated before the proposal it answers.', { field: 'at' });
  }
  const reason = optionalText(input.reason, 'reason', 2_000, 'The reason');
  if (!input.accept && reason === null) {
    throw badUserInput('Say why the proposal is declined, so the other side can propose what would work.', { field: 'reason' });
  }
  return { ...agreement, status: input.accept ? 'ACCEPTED' : 'DECLINED', response: { by, at, accepted: input.accept, reason } };
}

/** The previous agreement, superseded by a newer proposal made at `at`. */
export function supersedeMedicationAgreement(previous: MedicationAgreement, at: string): MedicationAgreement {
  if (previous.status === 'SUPERSEDED') {
    throw conflict(`This agreement was already superseded at ${previous.supersededAt}.`, { field: 'status', reason: 'SUPERSEDED' });
  }
  if (previous.status === 'DECLINED') {
    throw conflict('A declined proposal is not in force, so there is nothing to supersede; just make the new proposal.', { field: 'status', reason: 'DECLINED' });
  }
  return { ...previous, status: 'SUPERSEDED', supersededAt: parseInstant(at, 'at') };
}

/** The agreement in force: the accepted one not superseded (at most one when the history was kept by these rules). */
export const agreementInForce = (agreements: readonly MedicationAgreement[]): MedicationAgreement | null =>
  agreements.find((a) => a.status === 'ACCEPTED') ?? null;

/** Due for review: in force and the review date has come. */
export const isReviewDue = (agreement: MedicationAgreement, today: string): boolean =>
  agreement.status === 'ACCEPTED' && today >= agreement.proposal.reviewOn;
