import { buildMessagingOrganization, buildProvenance, entriesOf, provenanceId, fullUrlBase, organizationLabel, reference, type BuildOptions } from './build.ts';
import { BundleIndex, type IndexedEntry } from './bundle-index.ts';
import {
  ACK_ERROR_CODE_SYSTEM,
  ACK_ERROR_DISPLAY,
  ACK_EVENT_CODE,
  ACK_PROFILE,
  DESTINATION_USE_DISPLAY,
  EVENT_DISPLAY,
  EXTENSION,
  RESPONSE_CODE_DISPLAY,
  SOR_ENDPOINT_PREFIX,
  SYSTEM,
} from './constants.ts';
import type { FhirBundle, FhirMessageHeader, FhirOperationOutcome, FhirProvenance } from './fhir-types.ts';
import { field, isObject, optionalArray, optionalString, refuse, requireArray, requireId, requireInstant, requireObject, requireString } from './json.ts';
import { codeLabel, narrative, type NarrativeLine } from './narrative.ts';
import { readMessagingOrganizationEntry, readProvenanceExchange } from './parse.ts';
import type { CareCommunicationMessage, EarlierMessage, MessagingOrganization } from './types.ts';
import { uuidV5 } from './uuid.ts';

/**
 * MedCom Acknowledgement 2.0 (medcomdk/dk-medcom-acknowledgement): the receiver's answer to every MedCom message
 * (reliable messaging: a message is always acknowledged, an acknowledgement never). A Bundle of type message with a
 * MessageHeader whose response names the acknowledged MessageHeader.id and says ok, transient-error or fatal-error,
 * an OperationOutcome describing the problem when it is not ok, both Organizations, and two Provenance: a copy of the
 * acknowledged message's own and the Acknowledgement's (activity acknowledgement, entity revision -> the message).
 *
 * MedCom's pages disagree on the HL7 v2 names: the Acknowledgement IG maps fatal-error to AE and transient-error to
 * AR, MedCom's acknowledgement rules (KR4.R, KR5.R) use AE for the receiver's technical error and AR for a message
 * that fails validation. This system goes by the FHIR codes' meaning, which the IG gives in words: `ok` the message
 * was accepted (AA); `fatal-error` the content is refused and re-sending it unchanged is pointless; `transient-error`
 * something temporary went wrong, send again later.
 */

export const ACKNOWLEDGEMENT_CODES = ['ok', 'transient-error', 'fatal-error'] as const;
export type AcknowledgementCode = (typeof ACKNOWLEDGEMENT_CODES)[number];

/** FHIR R4 IssueSeverity and the IssueType codes this system uses. */
export type IssueSeverity = 'fatal' | 'error' | 'warning' | 'information';

/** One problem an Acknowledgement reports (OperationOutcome.issue). Texts name elements and rules, never values. */
export interface AcknowledgementIssue {
  severity: IssueSeverity;
  /** FHIR IssueType, e.g. `invalid`, `structure`, `value`, `not-found`, `business-rule`, `transient`. */
  code: string;
  /** A code of MedComAcknowledgementIssueDetailValues (MedCom's own issue descriptions), when one fits. */
  detail?: { system: string; code: string };
  /** The description a person at the sending side acts on. */
  text?: string;
}

export interface AcknowledgementMessage {
  /** Bundle.id: new for every send of the Acknowledgement. */
  bundleId: string;
  /** MessageHeader.id of the Acknowledgement itself. */
  messageId: string;
  /** Bundle.timestamp (when this envelope was assembled). */
  sentAt: string;
  /** The Acknowledgement's own Provenance time, when a resend made it differ from `sentAt`. */
  firstSentAt?: string;
  /** Who acknowledges: the receiver of the acknowledged message. */
  sender: MessagingOrganization;
  /** The sender of the acknowledged message, whose source endpoint the Acknowledgement goes to. */
  receiver: MessagingOrganization;
  code: AcknowledgementCode;
  /** At least one when `code` is not ok; MedCom allows them with ok too (e.g. a duplicate). */
  issues: AcknowledgementIssue[];
  /** The acknowledged message's own (latest) Provenance, copied: its MessageHeader.id is MessageHeader.response.identifier. */
  acknowledged: EarlierMessage;
}

export const issueDetail = (code: keyof typeof ACK_ERROR_DISPLAY) => ({ system: ACK_ERROR_CODE_SYSTEM, code });

/** Builds the Acknowledgement Bundle; deterministic (inner ids derive from its MessageHeader.id), refuses what its parser would. */
export function buildAcknowledgementBundle(ack: AcknowledgementMessage, options: BuildOptions = {}): FhirBundle {
  if (ack.code !== 'ok' && ack.issues.length === 0) {
    throw new TypeError('buildAcknowledgementBundle: an Acknowledgement that is not ok must describe the error (medcom-acknowledgement-1)');
  }
  const ids = (slot: string) => uuidV5(`${ack.messageId}/${slot}`);
  const header = { resourceType: 'MessageHeader' as const, id: ack.messageId };
  const sender = { resourceType: 'Organization' as const, id: ids('Organization/sender') };
  const receiver = { resourceType: 'Organization' as const, id: ids('Organization/receiver') };
  const outcomeRef = { resourceType: 'OperationOutcome' as const, id: ids('OperationOutcome') };
  const withOutcome = ack.issues.length > 0;

  const destination = {
    extension: [{ url: EXTENSION.destinationUse, valueCoding: { system: SYSTEM.destinationUse, code: 'primary' } }],
    endpoint: `${SOR_ENDPOINT_PREFIX}${ack.receiver.sorCode}`,
    receiver: reference(receiver),
  };
  const source = { endpoint: `${SOR_ENDPOINT_PREFIX}${ack.sender.sorCode}` };
  const messageHeader: FhirMessageHeader = {
    ...header,
    meta: { profile: [ACK_PROFILE.messageHeader] },
    text: narrative(
      header,
      [
        ['Event', codeLabel(ACK_EVENT_CODE, EVENT_DISPLAY[ACK_EVENT_CODE])],
        ['Sender', `${sender.id} (${organizationLabel(ack.sender)})`],
        ['Source endpoint', source.endpoint],
        ['Receiver', `${receiver.id} (${organizationLabel(ack.receiver)})`],
        ['Destination', codeLabel('primary', DESTINATION_USE_DISPLAY)],
        ['Destination endpoint', destination.endpoint],
        ['Acknowledges', ack.acknowledged.messageId],
        ['Response', codeLabel(ack.code, RESPONSE_CODE_DISPLAY[ack.code])],
        // MedCom: for a fatal error "the response narrative SHALL describe the issue".
        ...ack.issues.map((issue, i): NarrativeLine => [`Issue ${i + 1}`, issueLabel(issue)]),
      ],
      true,
    ),
    eventCoding: { system: SYSTEM.eventCodes, code: ACK_EVENT_CODE },
    destination: [destination],
    sender: reference(sender),
    source,
    response: {
      identifier: ack.acknowledged.messageId,
      code: ack.code,
      ...(withOutcome ? { details: reference(outcomeRef) } : {}),
    },
  };
  const organizations = { sender, receiver };
  const acknowledged: FhirProvenance = buildProvenance(ack.acknowledged, organizations, ACK_PROFILE.provenance);
  const own: FhirProvenance = buildProvenance(
    {
      messageId: ack.messageId,
      activity: 'acknowledgement',
      occurredAt: ack.firstSentAt ?? ack.sentAt,
      by: 'sender',
      segmentIds: [],
      inReplyTo: { messageId: ack.acknowledged.messageId },
    },
    organizations,
    ACK_PROFILE.provenance,
  );
  const outcome: FhirOperationOutcome | undefined = withOutcome
    ? {
        ...outcomeRef,
        meta: { profile: [ACK_PROFILE.operationOutcome] },
        text: narrative(outcomeRef, ack.issues.map((issue, i): NarrativeLine => [`Issue ${i + 1}`, issueLabel(issue)]), false),
        issue: ack.issues.map((issue) => ({
          severity: issue.severity,
          code: issue.code,
          ...(issue.detail === undefined && issue.text === undefined
            ? {}
            : {
                details: {
                  ...(issue.detail === undefined ? {} : { coding: [{ ...issue.detail }] }),
                  ...(issue.text === undefined ? {} : { text: issue.text }),
                },
              }),
        })),
      }
    : undefined;
  const bundle: FhirBundle = {
    resourceType: 'Bundle',
    id: ack.bundleId,
    meta: { profile: [ACK_PROFILE.bundle] },
    type: 'message',
    timestamp: ack.sentAt,
    entry: entriesOf(
      [
        messageHeader,
        acknowledged,
        own,
        buildMessagingOrganization(sender.id, ack.sender),
        buildMessagingOrganization(receiver.id, ack.receiver),
        ...(outcome === undefined ? [] : [outcome]),
      ],
      fullUrlBase(options),
    ),
  };
  parseAcknowledgementBundle(bundle);
  return bundle;
}

function issueLabel(issue: AcknowledgementIssue): string {
  const detail = issue.detail === undefined ? '' : ` ${codeLabel(issue.detail.code, ACK_ERROR_DISPLAY[issue.detail.code])}`;
  return `${issue.severity} ${issue.code}${detail}${issue.text === undefined ? '' : `: ${issue.text}`}`;
}

/**
 * Reads a MedCom Acknowledgement. Refuses (BAD_USER_INPUT naming the element) what it cannot relate to a message:
 * no acknowledgement-message event, no response naming a MessageHeader.id, a response code outside ResponseType, an
 * error without the OperationOutcome that describes it.
 */
export function parseAcknowledgementBundle(json: unknown): AcknowledgementMessage {
  if (!isObject(json)) throw refuse('Bundle', 'must be a JSON object');
  if (field(json, 'resourceType') !== 'Bundle') throw refuse('Bundle.resourceType', "must be 'Bundle'");
  if (field(json, 'type') !== 'message') throw refuse('Bundle.type', "must be 'message' for an Acknowledgement");
  const bundleId = requireId(field(json, 'id'), 'Bundle.id');
  const sentAt = requireInstant(field(json, 'timestamp'), 'Bundle.timestamp');
  const index = new BundleIndex(json);
  const headerEntry = index.entries[0];
  if (headerEntry?.resourceType !== 'MessageHeader') throw refuse('Bundle.entry[0]', 'must be the MessageHeader (FHIR messaging puts it first)');
  const header = headerEntry.resource;
  const messageId = requireId(field(header, 'id'), 'MessageHeader.id');
  const event = requireObject(field(header, 'eventCoding'), 'MessageHeader.eventCoding');
  if (field(event, 'system') !== SYSTEM.eventCodes || field(event, 'code') !== ACK_EVENT_CODE) {
    throw refuse('MessageHeader.eventCoding', `must be ${ACK_EVENT_CODE} from ${SYSTEM.eventCodes}`);
  }
  const destinations = requireArray(field(header, 'destination'), 'MessageHeader.destination');
  if (destinations.length !== 1) throw refuse('MessageHeader.destination', 'must name exactly one receiver (an Acknowledgement has no cc)');
  const receiverEntry = index.resolve(field(requireObject(destinations[0], 'MessageHeader.destination[0]'), 'receiver'), 'MessageHeader.destination[0].receiver', ['Organization']);
  const senderEntry = index.resolve(field(header, 'sender'), 'MessageHeader.sender', ['Organization']);
  const sender = readMessagingOrganizationEntry(senderEntry, 'sender');
  const receiver = readMessagingOrganizationEntry(receiverEntry, 'receiver');

  const response = requireObject(field(header, 'response'), 'MessageHeader.response');
  const acknowledgedId = requireId(field(response, 'identifier'), 'MessageHeader.response.identifier');
  const code = field(response, 'code');
  if (!ACKNOWLEDGEMENT_CODES.includes(code as AcknowledgementCode)) {
    throw refuse('MessageHeader.response.code', 'must be ok, transient-error or fatal-error');
  }
  const issues = readIssues(index, response);
  if (code !== 'ok' && issues.length === 0) {
    throw refuse('MessageHeader.response.details', 'is missing: an Acknowledgement that is not ok must refer to the OperationOutcome that describes the error');
  }

  const context = { senderEntry, receiverEntry, sender, receiver };
  let own: { entry: IndexedEntry; exchange: EarlierMessage } | undefined;
  let acknowledged: EarlierMessage | undefined;
  for (const entry of index.ofType('Provenance')) {
    const exchange = readProvenanceExchange(entry, index, context);
    if (exchange === undefined) continue;
    if (exchange.messageId === messageId) own = { entry, exchange };
    else if (exchange.messageId === acknowledgedId) acknowledged = exchange;
  }
  if (own === undefined) throw refuse('Bundle.entry[Provenance]', "is missing: no Provenance targets the Acknowledgement's MessageHeader");
  if (acknowledged === undefined) {
    throw refuse('Bundle.entry[Provenance]', 'is missing: the Acknowledgement must carry the Provenance of the message it acknowledges');
  }
  return {
    bundleId,
    messageId,
    sentAt,
    ...(own.exchange.occurredAt === sentAt ? {} : { firstSentAt: own.exchange.occurredAt }),
    sender,
    receiver,
    code: code as AcknowledgementCode,
    issues,
    acknowledged,
  };
}

function readIssues(index: BundleIndex, response: Record<string, unknown>): AcknowledgementIssue[] {
  const details = field(response, 'details');
  if (details === undefined) return [];
  const outcome = index.resolve(details, 'MessageHeader.response.details', ['OperationOutcome']);
  return requireArray(field(outcome.resource, 'issue'), 'OperationOutcome.issue').map((raw, position) => {
    const at = `OperationOutcome.issue[${position}]`;
    const issue = requireObject(raw, at);
    const severity = requireString(field(issue, 'severity'), `${at}.severity`);
    if (!['fatal', 'error', 'warning', 'information'].includes(severity)) throw refuse(`${at}.severity`, 'must be fatal, error, warning or information');
    const issueCode = requireString(field(issue, 'code'), `${at}.code`);
    const rawDetails = field(issue, 'details');
    const detailObject = rawDetails === undefined ? undefined : requireObject(rawDetails, `${at}.details`);
    const coding = detailObject === undefined ? undefined : optionalArray(field(detailObject, 'coding'), `${at}.details.coding`)[0];
    const detail =
      isObject(coding) && typeof field(coding, 'system') === 'string' && typeof field(coding, 'code') === 'string'
        ? { system: field(coding, 'system') as string, code: field(coding, 'code') as string }
        : undefined;
    const text = detailObject === undefined ? undefined : optionalString(field(detailObject, 'text'), `${at}.details.text`);
    return {
      severity: severity as IssueSeverity,
      code: issueCode,
      ...(detail === undefined ? {} : { detail }),
      ...(text === undefined ? {} : { text }),
    };
  });
}

/** What an Acknowledgement says beside its envelope: ok, or the error with its description. */
export interface AcknowledgementVerdict {
  code: AcknowledgementCode;
  issues: AcknowledgementIssue[];
}

/**
 * The receiver's Acknowledgement of a CareCommunication it received: from the message's receiver to its sender,
 * carrying a copy of the message's own Provenance (as that message's builder wrote it), with fresh UUIDs of version 4
 * for its own MessageHeader.id and Bundle.id.
 */
export function acknowledgementOf(
  message: CareCommunicationMessage,
  verdict: AcknowledgementVerdict,
  envelope: { messageId: string; bundleId: string; sentAt: string },
): AcknowledgementMessage {
  return {
    ...envelope,
    sender: message.receiver,
    receiver: message.sender,
    code: verdict.code,
    issues: verdict.issues,
    // Without the message it answered: an Acknowledgement carries the acknowledged message's Provenance only, and a
    // Provenance naming an earlier message obliges the bundle to carry that one's too (messaging governance).
    acknowledged: withoutPreceding(exchangeOf(message)),
  };
}

/**
 * A received message's own Provenance as an earlier exchange, seen from a message that answers it (a reply or an
 * Acknowledgement): sent by that answer's receiver, with the same Provenance id the message's builder gave it.
 */
export function exchangeOf(message: CareCommunicationMessage): EarlierMessage {
  return {
    messageId: message.messageId,
    provenanceId: provenanceId(message.messageId),
    activity: message.activity,
    occurredAt: message.firstSentAt ?? message.sentAt,
    by: 'receiver',
    segmentIds: message.payloads.map((p) => p.id),
    ...(message.activity === 'reply-message' ? { inReplyTo: message.inReplyTo } : {}),
  };
}

function withoutPreceding(exchange: EarlierMessage): EarlierMessage {
  const { inReplyTo: _answered, ...rest } = exchange;
  return rest;
}
