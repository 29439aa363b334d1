import { z } from 'zod';
import { CONTACT_COMMITMENTS, CORRESPONDENCE_STEPS, INITIATED_ACTIONS } from '../domain/correspondence.ts';
import { parseCareCommunicationBundle } from '../fhir/parse.ts';
import type { FhirBundle } from '../fhir/fhir-types.ts';
import type { CareCommunicationActivity } from '../fhir/types.ts';
import { isRegionMidtjyllandMunicipalityCode } from '../domain/municipalities.ts';
import { defineMessageKind } from './define.ts';

/**
 * THE MESSAGE CONTRACT: every kind of message one sector sends another. A new cross-sector flow adds its kinds here
 * (a payload schema, `from` and `to`, a description) and nothing else in shared/: routing, signatures, the outbox, the
 * delivery worker and the receiving endpoint all derive from this object. Kind names are stored as text
 * (outbox.kind, received_messages.kind), so renaming one needs care; adding one needs no migration.
 *
 * A new flow, e.g. a referral from general practice to BUA:
 * 1. here: `'bua-referral': defineMessageKind({ from: ['general-practice'], to: ['bua'], description, payload, response })`;
 * 2. the sender queues it in the transaction of its own record:
 *    `messageOutbox('general-practice', tables).enqueue(tx, { kind: 'bua-referral', to: 'bua', messageId, childId, payload })`
 *    (the payload is checked against the schema there; a bad one throws and stores nothing), and may add an
 *    `onDelivered['bua-referral']` hook to its delivery worker;
 * 3. the receiver handles it: `sectorMessaging({ subgraph: 'bua', ..., handlers: { 'bua-referral': async (tx, m) => ... } })`
 *    (the type-check fails until every kind sent to it has a handler), which mounts POST /messages and, for a sender,
 *    the delivery worker. Configuration (keys, endpoint URLs) follows from `from` and `to` by itself.
 */

/** A MedCom CareCommunication Bundle (FHIR JSON) with the given activity, as parseCareCommunicationBundle accepts it. */
function careCommunicationBundle(activity: CareCommunicationActivity) {
  return z
    .custom<FhirBundle>((value) => typeof value === 'object' && value !== null && !Array.isArray(value), 'must be a FHIR Bundle (a JSON object)')
    .superRefine((value, ctx) => {
      try {
        const { message } = parseCareCommunicationBundle(value);
        if (message.activity !== activity) ctx.addIssue({ code: 'custom', message: `must be a MedCom ${activity}, not a ${message.activity}` });
        else if (message.activity === 'reply-message' && !('messageId' in message.inReplyTo)) {
          ctx.addIssue({ code: 'custom', message: "must name the MessageHeader of the letter it answers (Provenance.entity[revision])" });
        }
      } catch (error) {
        // The parser's refusals name the element and the rule, never the value found there.
        ctx.addIssue({ code: 'custom', message: error instanceof Error ? error.message : 'is not a MedCom CareCommunication Bundle' });
      }
    });
}

const isoDate = z.iso.date();
/** Identifiers of earlier messages, as the outbox and the receivers bound them. */
const messageId = z.string().min(1).max(200);

export const MESSAGE_CONTRACT = {
  'correspondence-letter': defineMessageKind({
    from: ['general-practice'],
    to: ['municipality'],
    description:
      "A GP's correspondence letter (korrespondancebrev, agreement 6.2) to a municipality's inbox: the MedCom " +
      'CareCommunication new-message, with what MedCom has no element for beside it (the practice, the pathway step, ' +
      'a subject line). The municipality routes it by the receiver location number in the bundle and answers with the ' +
      'reply due date it set itself.',
    payload: z.object({
      bundle: careCommunicationBundle('new-message'),
      /** The sending practice's provider number. */
      ydernummer: z.string().regex(/^\d{1,6}$/, 'must be 1 to 6 digits (a ydernummer)'),
      step: z.enum(CORRESPONDENCE_STEPS),
      subject: z.string().trim().min(1).max(200),
    }),
    response: z.object({
      /** The last day a reply is on time, by the receiving municipality's own deadline. */
      replyDueOn: isoDate,
    }),
  }),

  'correspondence-reply': defineMessageKind({
    from: ['municipality'],
    to: ['general-practice'],
    description:
      "The municipality's one reply to a correspondence letter (agreement 6.2: the GP always gets a reply): the MedCom " +
      'reply-message pointing at the letter, with the structured items beside it (what was initiated, whom the ' +
      'municipality will contact, or the contact options for a family it does not know). Only the inbox the letter ' +
      'was sent to may answer it.',
    payload: z.object({
      bundle: careCommunicationBundle('reply-message'),
      initiatedItems: z.array(z.enum(INITIATED_ACTIONS)).min(1).max(INITIATED_ACTIONS.length),
      contactCommitment: z.enum(CONTACT_COMMITMENTS).nullable(),
      contactOptions: z.string().max(2000).nullable(),
    }),
  }),

  'letter-receipt': defineMessageKind({
    from: ['municipality'],
    to: ['general-practice'],
    description:
      'A receipt for a correspondence letter: the municipality has opened it (READ). Sent once per letter; the GP sees ' +
      'the letter move from DELIVERED to READ.',
    payload: z.object({
      /** The letter's MessageHeader id. */
      letterMessageId: messageId,
      status: z.enum(['READ']),
      at: z.iso.datetime({ offset: true }),
    }),
  }),

  'relative-registration': defineMessageKind({
    from: ['screening'],
    to: ['municipality'],
    description:
      "Screening track 3 (children who are relatives of a parent or sibling with a mental illness): adult psychiatry " +
      "asked its patient whether they have children and registered the child; with the patient's consent the " +
      "registration goes to the family services of the child's municipality, which see it in their worklist. It names " +
      'the child by pseudonym and birth date, the relation, and whom at adult psychiatry to call back; nothing that ' +
      "identifies the adult patient (no CPR number, no name). The municipality answers with the day it received it.",
    payload: z.object({
      /** The track membership in screening: one registration is sent once. */
      registrationId: z.uuid(),
      /** The child's pseudonym (the municipality finds the child in its own register by it). */
      childId: z.string().regex(/^ch_[0-9a-f]{32}$/, 'must be a child pseudonym'),
      birthDate: isoDate,
      /** The municipality the registering staff named as the child's (kommunekode); the message goes to it. */
      municipalityCode: z.number().int().refine(isRegionMidtjyllandMunicipalityCode, 'must be one of the 19 municipality codes of Region Midtjylland'),
      /** Who of the child's family is the patient: a parent or a sibling. */
      relation: z.enum(['PARENT', 'SIBLING']),
      registeredOn: isoDate,
      /** The day the patient consented to telling the municipality. */
      patientConsentOn: isoDate,
      /** The adult psychiatric department that registered the child, by SOR code. */
      departmentSorCode: z.string().regex(/^[1-9]\d{0,15}$/, 'must be a SOR code'),
      /** The professional to call back at the department (staff, never the patient). */
      contact: z.object({ name: z.string().trim().min(1).max(200), phone: z.string().trim().min(1).max(30).nullable() }),
    }),
    response: z.object({
      /** The day the municipality put the registration in its worklist. */
      receivedOn: isoDate,
    }),
  }),
} as const;
