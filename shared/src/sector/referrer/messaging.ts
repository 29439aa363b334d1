import { parseCpr } from '../../domain/cpr.ts';
import { childPseudonym } from '../../domain/pseudonym.ts';
import { parseReferralStatusBundle } from '../../fhir/referral/status-bundle.ts';
import type { MessagingDb } from '../../messaging/outbox.ts';
import { rejectMessage, type ReceivedMessage } from '../../messaging/receiver.ts';
import type { DeliveryFailure } from '../../messaging/worker.ts';
import type { OutboxRow } from '../../messaging/tables.ts';
import { serializeDateTime } from '../../server/scalars.ts';
import { uuid7 } from '../../uuid7.ts';
import { findReferralForUpdate, insertFurtherCourse, insertInformedReferral, setDelivery, updateReferral } from './repository.ts';
import type { ReferringSector } from './service.ts';
import type { ReferrerTables } from './tables.ts';

export interface ReferrerMessagingOptions {
  sector: ReferringSector;
  tables: ReferrerTables;
  pseudonymSecret: string;
  /** Whether this sector has the organisation a message is addressed to (a registered practice, one of the 19). */
  knowsOrganisation(tx: MessagingDb, organisation: string): Promise<boolean>;
}

const SUBGRAPH_SECTOR: Record<string, ReferringSector> = { 'general-practice': 'GENERAL_PRACTICE', municipality: 'MUNICIPALITY' };

/**
 * What BUA and the other referring sector send the referring side, applied exactly once per message (the receiver
 * records the message id in the same transaction): BUA's status messages, which also create the referral here when
 * this sector is the one BUA informs, and the other sector's part of the joint decision on the further course.
 */
export function referrerMessageHandlers(options: ReferrerMessagingOptions) {
  const { sector, tables } = options;

  async function status(tx: MessagingDb, { payload }: ReceivedMessage<'bua-referral-status'>): Promise<Record<string, never>> {
    const m = parseReferralStatusBundle(payload.bundle);
    const organisation = sector === 'GENERAL_PRACTICE' ? m.receiver.ydernummer : m.receiver.municipalityCode?.toString();
    const party = sector === 'GENERAL_PRACTICE' ? payload.parties.ydernummer : String(payload.parties.municipalityCode);
    if (organisation === undefined || organisation !== party) {
      rejectMessage('RECEIVER_NOT_A_PARTY', "The status message's receiver is not the child's organisation named in parties; address it to the party it concerns.");
    }
    if (!(await options.knowsOrganisation(tx, organisation))) {
      rejectMessage('UNKNOWN_RECEIVER', 'The status message is addressed to an organisation this sector does not have; check the parties of the referral.');
    }
    const statusAt = serializeDateTime(m.statusAt);
    const visitation = m.visitation === null ? null : { ...m.visitation, decidedAt: statusAt };
    const outcome = m.outcome === null ? null : { ...m.outcome, concludedAt: statusAt };
    const row = await findReferralForUpdate(tx, tables, m.referralId);
    if (!row) {
      if (payload.referrer.sector === sector && payload.referrer.organisation === organisation) {
        rejectMessage('UNKNOWN_REFERRAL', 'The status names a referral this organisation never sent.');
      }
      let cpr;
      try {
        cpr = parseCpr(m.patient.cpr, 'Patient.identifier');
      } catch {
        rejectMessage('INVALID_PATIENT', "The status message's Patient has no valid CPR number.");
      }
      // This sector is the other one around the child: BUA informs it, so it learns of the referral here.
      await insertInformedReferral(tx, tables, {
        id: m.referralId,
        role: 'INFORMED',
        organisation,
        childId: childPseudonym(cpr.normalized, options.pseudonymSecret),
        cpr: cpr.normalized,
        birthDate: cpr.birthDate,
        referrerSector: payload.referrer.sector,
        referrerOrganisation: payload.referrer.organisation,
        municipalityCode: payload.parties.municipalityCode,
        ydernummer: payload.parties.ydernummer,
        status: m.status,
        history: [{ status: m.status, at: statusAt }],
        visitation,
        outcome,
      });
      return {};
    }
    if (row.organisation !== organisation) {
      rejectMessage('REFERRAL_ELSEWHERE', 'The status names a referral held by another organisation of this sector.');
    }
    // A status already reported (a receipt sent again) changes nothing; delivery is in order per child.
    if (row.history.some((h) => h.status === m.status)) return {};
    await updateReferral(tx, tables, row.id, {
      status: m.status,
      history: [...row.history, { status: m.status, at: statusAt }],
      visitation: visitation ?? row.visitation,
      outcome: outcome ?? row.outcome,
      ...(row.role === 'REFERRER' && row.delivery === 'QUEUED' ? { delivery: 'DELIVERED' as const } : {}),
    });
    return {};
  }

  async function furtherCourse(tx: MessagingDb, { messageId, sender, payload }: ReceivedMessage<'referral-further-course'>): Promise<Record<string, never>> {
    const from = SUBGRAPH_SECTOR[sender];
    if (from === undefined || from === sector || payload.sector !== from) {
      rejectMessage('WRONG_SECTOR', "A part of the joint decision comes from the other sector around the child, and names that sector as its own.");
    }
    const stored = await insertFurtherCourse(tx, tables, {
      id: uuid7(),
      referralId: payload.referralId,
      sector: payload.sector,
      furtherCourse: payload.furtherCourse,
      recordedAt: payload.recordedAt,
      recordedBy: null,
      messageId,
    });
    if (!stored) rejectMessage('ALREADY_RECORDED', "That sector's part of the joint decision on this referral is already recorded here.");
    return {};
  }

  return { 'bua-referral-status': status, 'referral-further-course': furtherCourse };
}

/** What delivery means for a referral: DELIVERED once BUA stored it, FAILED with why. */
export function referralDelivery(tables: ReferrerTables) {
  return {
    onDelivered: {
      'bua-referral': async (tx: MessagingDb, row: OutboxRow) => setDelivery(tx, tables, row.messageId, 'DELIVERED', null),
    },
    onFailed: async (tx: MessagingDb, row: OutboxRow, failure: DeliveryFailure) => {
      if (row.kind !== 'bua-referral') return;
      const note = failure.permanent ? `refused by BUA: ${failure.error}` : `delivery failed after ${row.attempts} attempts (${failure.error})`;
      await setDelivery(tx, tables, row.messageId, 'FAILED', note);
    },
  };
}
