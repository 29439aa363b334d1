import { z } from 'zod';
import { isRegionMidtjyllandMunicipalityCode } from '../domain/municipalities.ts';
import { CONTACT_COMMITMENTS, CORRESPONDENCE_STEPS, INITIATED_ACTIONS } from '../domain/correspondence.ts';
import { parseAcknowledgementBundle } from '../fhir/acknowledgement.ts';
import { parseCareCommunicationBundle } from '../fhir/parse.ts';
import type { CareCommunicationActivity } from '../fhir/types.ts';
import { defineMessageKind } from './define.ts';
import { AGREEMENT_PARTIES } from '../domain/coordination/medication-agreement.ts';
import { COORDINATING_SECTORS } from '../domain/coordination/contact-persons.ts';
import { INTERVENTION_EFFECTS, INTERVENTION_KINDS, INTERVENTION_STEPS } from '../domain/coordination/interventions.ts';
import { JOINT_DECISION_SECTORS } from '../domain/referral/joint-decision.ts';
import { REFERRER_SECTORS } from '../domain/referral/referral.ts';
import { parseReferralBundle } from '../fhir/referral/referral-bundle.ts';
import { parseReferralStatusBundle } from '../fhir/referral/status-bundle.ts';

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

/**
 * A MedCom message travels as its serialised bytes (FHIR JSON text), as a MedCom network carries a document: the
 * receiver stores and exports exactly what was sent, and a resend changes only Bundle.id and Bundle.timestamp.
 * `read` parses the JSON and refuses, with a message naming the element and the rule (never the value found there).
 */
function medcomBundleText(what: string, read: (json: unknown) => string | undefined) {
  return z
    .string()
    .min(2)
    .superRefine((text, ctx) => {
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        ctx.addIssue({ code: 'custom', message: `must be ${what} as JSON text` });
        return;
      }
      try {
        const problem = read(json);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: error instanceof Error ? error.message : `is not ${what}` });
      }
    });
}

/** A FHIR message Bundle the given parser accepts; its refusals name the element, never the value. */
function fhirBundle(parse: (value: unknown) => unknown, what: string) {
  return z
    .custom<Record<string, unknown>>((value) => typeof value === 'object' && value !== null && !Array.isArray(value), 'must be a FHIR Bundle (a JSON object)')
    .superRefine((value, ctx) => {
      try {
        parse(value);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: error instanceof Error ? error.message : `is not ${what}` });
      }
    });
}

/** A MedCom CareCommunication Bundle with the given activity, as parseCareCommunicationBundle accepts it. */
function careCommunicationBundle(activity: CareCommunicationActivity) {
  return medcomBundleText('a MedCom CareCommunication Bundle', (json) => {
    const { message } = parseCareCommunicationBundle(json);
    if (message.activity !== activity) return `must be a MedCom ${activity}, not a ${message.activity}`;
    if (message.activity === 'reply-message' && !('messageId' in message.inReplyTo)) {
      return "must name the MessageHeader of the letter it answers (Provenance.entity[revision])";
    }
    return undefined;
  });
}

/** A MedCom Acknowledgement Bundle, as parseAcknowledgementBundle accepts it. */
const acknowledgementBundle = medcomBundleText('a MedCom Acknowledgement Bundle', (json) => {
  parseAcknowledgementBundle(json);
  return undefined;
});

const isoDate = z.iso.date();
const instant = z.iso.datetime({ offset: true });
const uuid = z.uuid();
const childId = z.string().regex(/^ch_[0-9a-f]{32}$/, "must be a child's pseudonym");
const municipalityCode = z.number().int().min(101).max(999);
const ydernummer = z.string().regex(/^\d{1,6}$/, 'must be 1 to 6 digits (a ydernummer)');
/**
 * The two sectors around a referral besides BUA: the child's municipality and the child's GP practice. One of them
 * referred; BUA tells both of every status (the referral's consents cover it, agreement 6.1: the outcome goes to
 * "forældre, kommunen og almen praksis"), and after a no-assessment decision the two agree the further course.
 */
const referralParties = z.object({ municipalityCode, ydernummer });
const text = (max: number) => z.string().trim().min(1).max(max);

/** Identifiers of earlier messages, as the outbox and the receivers bound them. */
const messageId = z.string().min(1).max(200);

export const MESSAGE_CONTRACT = {
  'correspondence-letter': defineMessageKind({
    from: ['general-practice'],
    to: ['municipality'],
    description:
      "A GP's correspondence letter (korrespondancebrev, agreement 6.2) to a municipality's inbox: the MedCom " +
      'CareCommunication new-message (its bytes), with what MedCom has no element for beside it (the practice, the ' +
      'pathway step, a subject line). The message id is the bundle\'s MessageHeader.id. The municipality routes it by ' +
      'the receiver location number in the bundle and answers with a letter-acknowledgement.',
    payload: z.object({
      bundle: careCommunicationBundle('new-message'),
      /** The sending practice's provider number. */
      ydernummer: z.string().regex(/^\d{1,6}$/, 'must be 1 to 6 digits (a ydernummer)'),
      step: z.enum(CORRESPONDENCE_STEPS),
      subject: z.string().trim().min(1).max(200),
    }),
  }),

  'letter-acknowledgement': defineMessageKind({
    from: ['municipality'],
    to: ['general-practice'],
    description:
      "The municipality's MedCom Acknowledgement of a correspondence letter, sent for every letter it receives: ok " +
      '(stored in the inbox; the reply due date it set itself travels beside the bundle, as MedCom has no element for ' +
      'it) or fatal-error with the reason (nothing stored: e.g. no inbox has the receiver location number). Sent again, ' +
      'in a new envelope, when the letter comes again. Never acknowledged itself.',
    payload: z.object({
      bundle: acknowledgementBundle,
      /** The last day a reply is on time, by the receiving municipality's own deadline; null unless ok. */
      replyDueOn: isoDate.nullable(),
    }),
  }),

  'correspondence-reply': defineMessageKind({
    from: ['municipality'],
    to: ['general-practice'],
    description:
      "The municipality's one reply to a correspondence letter (agreement 6.2: the GP always gets a reply): the MedCom " +
      'reply-message pointing at the letter (its bytes), with the structured items beside it (what was initiated, whom ' +
      'the municipality will contact, or the contact options for a family it does not know). Only the inbox the ' +
      'letter was sent to may answer it. General practice answers with a reply-acknowledgement.',
    payload: z.object({
      bundle: careCommunicationBundle('reply-message'),
      initiatedItems: z.array(z.enum(INITIATED_ACTIONS)).min(1).max(INITIATED_ACTIONS.length),
      contactCommitment: z.enum(CONTACT_COMMITMENTS).nullable(),
      contactOptions: z.string().max(2000).nullable(),
    }),
  }),

  'reply-acknowledgement': defineMessageKind({
    from: ['general-practice'],
    to: ['municipality'],
    description:
      "General practice's MedCom Acknowledgement of the municipality's reply: ok (stored with the letter) or " +
      'fatal-error with the reason (nothing stored: the reply names no letter of the practice, comes from another ' +
      'inbox than the letter went to, or is about another child). Sent again, in a new envelope, when the reply comes ' +
      'again. Never acknowledged itself.',
    payload: z.object({ bundle: acknowledgementBundle }),
  }),

  'letter-receipt': defineMessageKind({
    from: ['municipality'],
    to: ['general-practice'],
    description:
      'A receipt for a correspondence letter: the municipality has opened it (READ). Sent once per letter; the GP sees ' +
      'the letter move from DELIVERED to READ. A fact of the municipality\'s handling that MedCom has no message for ' +
      '(its Acknowledgement says the letter was received, not read), so it keeps this format of our own.',
    payload: z.object({
      /** The letter's MessageHeader id. */
      letterMessageId: messageId,
      status: z.enum(['READ']),
      at: z.iso.datetime({ offset: true }),
    }),
  }),

  'bua-referral': defineMessageKind({
    from: ['general-practice', 'municipality'],
    to: ['bua'],
    description:
      "A referral (henvisning) to BUA, Trin 3 (agreement 6.1; a GP may always refer directly, 6.2): the FHIR R4 " +
      'ServiceRequest + Task message Bundle after MedCom\'s draft referral model (docs/referral-fhir.md), with the ' +
      "child's municipality and GP practice beside it. BUA checks the referral's rules again on receipt, registers it " +
      'and answers with RECEIVED status messages to both.',
    payload: z.object({
      // The referring sector is the signed sender's, not the bundle's: the shape is checked here, the rest by BUA.
      bundle: fhirBundle((value) => parseReferralBundle(value, { referrerSector: 'GENERAL_PRACTICE' }), 'a referral Bundle'),
      parties: referralParties,
    }),
  }),

  'bua-referral-status': defineMessageKind({
    from: ['bua'],
    to: ['general-practice', 'municipality'],
    description:
      "A referral's new status from BUA (RECEIVED, VISITED with the decision and its reason, ASSESSMENT_STARTED, " +
      'ASSESSED with the outcome, CLOSED), to the referrer and to the other of the two sectors around the child: the ' +
      'FHIR Task update of docs/referral-fhir.md, with who referred and both parties beside it.',
    payload: z.object({
      bundle: fhirBundle(parseReferralStatusBundle, 'a referral status Bundle'),
      referrer: z.object({ sector: z.enum(REFERRER_SECTORS), organisation: text(50) }),
      parties: referralParties,
    }),
  }),

  'referral-further-course': defineMessageKind({
    from: ['general-practice', 'municipality'],
    to: ['municipality', 'general-practice'],
    description:
      "One side's part of the joint decision on the further course after BUA found no need for assessment (agreement " +
      '6.1, Trin 3: "der tages fælles stilling til det videre forløb"): the municipality tells the GP, or the GP the ' +
      'municipality, so both see whether the decision still waits for the other.',
    payload: z.object({
      referralId: uuid,
      sector: z.enum(JOINT_DECISION_SECTORS),
      furtherCourse: text(4000),
      recordedAt: instant,
    }),
  }),

  'municipal-intervention': defineMessageKind({
    from: ['municipality'],
    to: ['bua'],
    description:
      'A social, psychological or pedagogical intervention the municipality started (or ended) for a child for whom ' +
      'BUA holds an active referral, sent where a consent allows it (agreement 6.1: the municipality keeps psychiatry ' +
      'informed). The same intervention id again updates it (its end and effect).',
    payload: z.object({
      interventionId: uuid,
      childId,
      municipalityCode,
      intervention: z.object({
        kind: z.enum(INTERVENTION_KINDS),
        step: z.enum(INTERVENTION_STEPS),
        description: text(2000),
        startedOn: isoDate,
        endedOn: isoDate.nullable(),
        responsible: text(200),
        effect: z.enum(INTERVENTION_EFFECTS).nullable(),
      }),
      recordedAt: instant,
    }),
  }),

  'medication-agreement-proposal': defineMessageKind({
    from: ['bua', 'general-practice'],
    to: ['general-practice', 'bua'],
    description:
      'Trin 4: a proposal between BUA and the GP on continuing pharmacological treatment (agreement 6.1): the medicine ' +
      '(ATC code and name), who prescribes from when, and the review date. It supersedes the earlier agreement on the ' +
      'same medicine for the child; the other side accepts or declines it.',
    payload: z.object({
      agreementId: uuid,
      referralId: uuid,
      childId,
      ydernummer,
      proposal: z.object({
        medicine: z.object({ atcCode: z.string().regex(/^[A-Z]\d{2}[A-Z]{2}\d{2}$/, 'must be a level-5 ATC code'), name: text(200) }),
        prescriber: z.enum(AGREEMENT_PARTIES),
        prescribesFrom: isoDate,
        reviewOn: isoDate,
        note: z.string().max(2000).nullable(),
        proposedBy: z.enum(AGREEMENT_PARTIES),
        proposedAt: instant,
      }),
    }),
  }),

  'medication-agreement-response': defineMessageKind({
    from: ['bua', 'general-practice'],
    to: ['general-practice', 'bua'],
    description: "The other side's answer to a medication agreement proposal (Trin 4): accepted, or declined with the reason.",
    payload: z.object({
      agreementId: uuid,
      by: z.enum(AGREEMENT_PARTIES),
      at: instant,
      accepted: z.boolean(),
      reason: z.string().max(2000).nullable(),
    }),
  }),

  'transition-plan': defineMessageKind({
    from: ['bua', 'municipality'],
    to: ['municipality', 'bua'],
    description:
      'The transition plan for a young person turning 18 (agreement 6.1: the transition to adulthood is planned ' +
      'individually), from the sector that made it to the other one responsible for the pathway (BUA while it holds ' +
      'treatment responsibility, else the municipality), where a consent allows: so neither shows the plan as missing.',
    payload: z.object({
      planId: uuid,
      childId,
      plan: z.object({
        responsible: z.object({ sector: z.enum(COORDINATING_SECTORS as [string, ...string[]]), name: text(200), role: text(200) }),
        plannedOn: isoDate,
        receivingService: text(200),
        individualAssessment: text(4000),
        youngPersonConsent: z.object({ decision: z.enum(['GIVEN', 'REFUSED']), decidedOn: isoDate, scope: z.string().max(2000).nullable() }),
      }),
      recordedBy: z.enum(['BUA', 'MUNICIPALITY']),
      recordedAt: instant,
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
