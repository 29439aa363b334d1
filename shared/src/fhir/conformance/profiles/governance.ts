import { type BundleContext, type Entry, isObject, type Json, type JsonObject } from '../bundle.ts';
import { narrativeText } from '../narrative-text.ts';
import { SRC } from '../sources.ts';
import type { Finding } from '../types.ts';
import { profile, ruleSet } from './dsl.ts';
import { EXTENSION_URL } from './medcom-core.ts';

/**
 * MedCom's prose rules that no profile states: the narrative governance, the identifier governance of FHIR
 * messaging, the CareCommunication and Acknowledgement governance. They are not checked by a FHIR validator, so a
 * breach is a `warning` (see types.ts); they are SHALLs all the same.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const hasExtension = (value: Json): boolean => {
  if (Array.isArray(value)) return value.some(hasExtension);
  if (!isObject(value)) return false;
  return Object.entries(value).some(([key, child]) => key === 'extension' || key === 'modifierExtension' || (key !== 'text' && hasExtension(child)));
};

const n = ruleSet(SRC.govNarrative);
export const NARRATIVE_GOVERNANCE = profile({
  name: 'MedCom narrative governance',
  url: 'https://medcomdk.github.io/MedComLandingPage/assets/documents/GeneralGovernanceFHIRStandards.html#5',
  type: '*',
  rules: [
    n.card('Resource.text', 'text', 1, 1, {
      id: 'narrative required',
      severity: 'warning',
      why: 'All MedCom FHIR resources SHALL include a narrative in [resource].text, except the Bundle (5.2)',
    }),
    n.check('narrative status', 'Resource.text.status', 'The status "generated" SHALL be used when the resource contains only standard content, "extensions" when it includes extensions (5.2.1).', (resource) => {
      if (!isObject(resource) || !isObject(resource['text'])) return [];
      const expected = hasExtension(resource) ? 'extensions' : 'generated';
      return resource['text']['status'] === expected ? [] : [{ message: `The narrative status is required to be "${expected}".`, at: resource['text'] }];
    }, { severity: 'warning' }),
    n.check('narrative includes id', 'Resource.text.div', 'The Narrative Text SHALL include the ID for each resource (Resource.id) (5.2.3).', (resource) => {
      if (!isObject(resource) || typeof resource['id'] !== 'string') return [];
      const text = narrativeText(resource);
      return text === undefined || text.includes(resource['id'].toLowerCase()) ? [] : [{ message: "The resource's id is not in its narrative.", at: resource['text'] }];
    }, { severity: 'warning' }),
    n.check('no base64 in narrative', 'Resource.text.div', 'The Narrative Text SHALL NOT include base-64-encoded attachments (5.2.2).', (resource) => {
      if (!isObject(resource) || !isObject(resource['text']) || typeof resource['text']['div'] !== 'string') return [];
      const div = resource['text']['div'];
      const data: string[] = [];
      const collect = (value: Json) => {
        if (Array.isArray(value)) value.forEach(collect);
        else if (isObject(value)) {
          for (const [key, child] of Object.entries(value)) {
            if (key === 'data' && typeof child === 'string') data.push(child);
            else collect(child);
          }
        }
      };
      collect(resource);
      return data.some((d) => d.length >= 40 && div.includes(d.slice(0, 40))) ? [{ message: 'The narrative carries base64 attachment content.', at: resource['text'] }] : [];
    }, { severity: 'warning' }),
  ],
});

const header = (ctx: BundleContext): Entry | undefined => (ctx.entries[0]?.resourceType === 'MessageHeader' ? ctx.entries[0] : undefined);
const provenances = (ctx: BundleContext) => ctx.entries.filter((e) => e.resourceType === 'Provenance');
const targetId = (provenance: JsonObject): string | undefined => {
  const target = Array.isArray(provenance['target']) ? provenance['target'][0] : undefined;
  return isObject(target) && typeof target['reference'] === 'string' ? target['reference'].split('/').pop() : undefined;
};
const entities = (provenance: JsonObject): JsonObject[] => (Array.isArray(provenance['entity']) ? provenance['entity'].filter(isObject) : []);
const whatReference = (entity: JsonObject): string | undefined =>
  isObject(entity['what']) && typeof entity['what']['reference'] === 'string' ? entity['what']['reference'] : undefined;
const whatIdentifier = (entity: JsonObject): string | undefined =>
  isObject(entity['what']) && isObject(entity['what']['identifier']) && typeof entity['what']['identifier']['value'] === 'string' ? entity['what']['identifier']['value'] : undefined;
const activity = (provenance: JsonObject): string | undefined => {
  const coding = isObject(provenance['activity']) && Array.isArray(provenance['activity']['coding']) ? provenance['activity']['coding'][0] : undefined;
  return isObject(coding) && typeof coding['code'] === 'string' ? coding['code'] : undefined;
};
/** The Provenance of this message itself: the one whose target is the Bundle's MessageHeader. */
const ownProvenances = (ctx: BundleContext): Entry[] => {
  const id = header(ctx)?.id;
  return provenances(ctx).filter((p) => id !== undefined && targetId(p.resource) === id);
};

const ids = ruleSet(SRC.govIdentifiers);
const messages = ruleSet(SRC.govMessages);
export const MESSAGING_GOVERNANCE = profile({
  name: 'MedCom FHIR messaging governance',
  url: 'https://medcomdk.github.io/MedCom-FHIR-Communication/',
  type: 'Bundle',
  rules: [
    ids.check('Bundle.id is a UUID', 'Bundle.id', 'Each time a message is sent, the Bundle.id SHALL be changed to a new globally unique value, achieved by using a UUID.', (bundle) =>
      isObject(bundle) && typeof bundle['id'] === 'string' && !UUID.test(bundle['id']) ? [{ message: 'Bundle.id is required to be a UUID.' }] : [],
    { severity: 'warning' }),
    ids.check('MessageHeader.id is a UUID', 'MessageHeader.id', 'Each new message SHALL be assigned a globally unique MessageHeader.id, never identical to a former one (052.2); MedCom profiles have a globally unique id by using a UUID.', (_bundle, { ctx }) => {
      const h = header(ctx);
      return h && h.id !== undefined && !UUID.test(h.id) ? [{ message: 'MessageHeader.id is required to be a UUID.', at: h.resource }] : [];
    }, { severity: 'warning' }),
    messages.check('one Provenance for this message', 'Provenance', 'MedCom FHIR Messages SHALL contain one bundled MedComMessagingProvenance resource for each message exchange the message has been involved in (050 section 4.1): exactly one for this message, whose target is its MessageHeader.', (_bundle, { ctx }) => {
      const own = ownProvenances(ctx);
      return own.length === 1 ? [] : [{ message: `Exactly one Provenance is required to target this message's MessageHeader (found ${own.length}).` }];
    }, { severity: 'warning' }),
    messages.check('Provenance of every earlier message', 'Provenance', 'MedCom FHIR Messages SHALL contain one bundled Provenance for each message exchange the message has been involved in (050 section 4.1): a reply or forward carries the Provenance of the message it answers.', (_bundle, { ctx }) => {
      const targets = new Set(provenances(ctx).map((p) => targetId(p.resource)));
      return provenances(ctx).flatMap((p) =>
        entities(p.resource)
          .filter((e) => e['role'] === 'revision' && whatReference(e)?.startsWith('MessageHeader/'))
          .filter((e) => !targets.has(whatReference(e)?.split('/').pop()))
          .map((e) => ({ message: 'The Bundle has no Provenance for the earlier message this Provenance refers to.', at: e })),
      );
    }, { severity: 'warning' }),
  ],
});

const segmentIdentifier = (payload: JsonObject): JsonObject | undefined => {
  const found = Array.isArray(payload['extension']) ? payload['extension'].find((e) => isObject(e) && e['url'] === EXTENSION_URL.identifier) : undefined;
  return isObject(found) && isObject(found['valueIdentifier']) ? found['valueIdentifier'] : undefined;
};
const payloads = (ctx: BundleContext): JsonObject[] => {
  const communication = ctx.entries.find((e) => e.resourceType === 'Communication')?.resource;
  return communication && Array.isArray(communication['payload']) ? communication['payload'].filter(isObject) : [];
};

const cc = ruleSet(SRC.govCareCommunication);
// MedCom's receive test protocol (CareCommunication_Testprotocol_Receive, R-Tek-M and R-Tek-N) makes a receiver
// reject, with a fatal-error Acknowledgement, a message whose Provenance names a segment the Communication does not
// carry: the coupling of segments and Provenance is treated as a validation error, not only as prose.
const page = ruleSet(SRC.ccCommunicationPage);
const ccProvenance = ruleSet(SRC.ccProvenance);
export const CARE_COMMUNICATION_GOVERNANCE = profile({
  name: 'MedCom CareCommunication governance',
  url: 'https://medcomdk.github.io/MedCom-FHIR-Communication/assets/documents/governance-for-careCommunication.html',
  type: 'Bundle',
  rules: [
    cc.check('every segment has its Provenance', 'Communication.payload', 'Coupling of messages: each Provenance names, by identifier, the message segments (payloads) added by the message it describes; every segment of the Communication is named by one Provenance of the Bundle.', (_bundle, { ctx }) => {
      const named = provenances(ctx).flatMap((p) => entities(p.resource).filter((e) => e['role'] === 'source').map(whatIdentifier));
      return payloads(ctx).flatMap((payload) => {
        const id = segmentIdentifier(payload)?.['value'];
        const count = named.filter((n) => n === id).length;
        return typeof id !== 'string' || count === 1 ? [] : [{ message: `Exactly one Provenance entity:payload is required to name this segment (found ${count}).`, at: payload }];
      });
    }),
    cc.check('every Provenance segment is in the Communication', 'Provenance.entity:payload', 'Coupling of messages: a Provenance names the segments of the Communication it added.', (_bundle, { ctx }) => {
      const present = new Set(payloads(ctx).map((p) => segmentIdentifier(p)?.['value']));
      return provenances(ctx).flatMap((p) =>
        entities(p.resource)
          .filter((e) => e['role'] === 'source' && !present.has(whatIdentifier(e)))
          .map((e) => ({ message: 'This Provenance names a segment the Communication does not carry.', at: e })),
      );
    }),
    ccProvenance.check('reply names the earlier message', 'Provenance.entity:preceedingMessage', 'entity:preceedingMessage shall be included when the current message is a response to (or a forward of) a previous message.', (_bundle, { ctx }) =>
      ownProvenances(ctx)
        .filter((p) => ['reply-message', 'forward-message'].includes(activity(p.resource) ?? '') && !entities(p.resource).some((e) => e['role'] === 'revision'))
        .map((p) => ({ message: 'A reply or forward is required to name the message it answers.', at: p.resource })),
    { severity: 'warning' }),
    page.check('own segments assigned by the sender', 'Communication.payload.extension:identifier.valueIdentifier.assigner', "A segment's identifier references the organisation who assigned it, the sender organisation of the message segment: this message's own segments name MessageHeader.sender.", (_bundle, { ctx }) => {
      const h = header(ctx);
      const senderRef = h && isObject(h.resource['sender']) ? h.resource['sender']['reference'] : undefined;
      const sender = typeof senderRef === 'string' ? ctx.resolve(senderRef, h) : undefined;
      const own = new Set(ownProvenances(ctx).flatMap((p) => entities(p.resource).filter((e) => e['role'] === 'source').map(whatIdentifier)));
      return payloads(ctx).flatMap((payload) => {
        const identifier = segmentIdentifier(payload);
        if (!identifier || !own.has(typeof identifier['value'] === 'string' ? identifier['value'] : undefined)) return [];
        const assigner = isObject(identifier['assigner']) && typeof identifier['assigner']['reference'] === 'string' ? ctx.resolve(identifier['assigner']['reference'], ctx.entryOf(identifier)) : undefined;
        return sender !== undefined && assigner === sender ? [] : [{ message: "This message's own segment is required to name the sender organisation as its assigner.", at: identifier }];
      });
    }, { severity: 'warning' }),
    cc.check('quoted attachments without content', 'Communication.payload:attachment.contentAttachment', 'medcom-carecommunication-6: when replying to a CareCommunication that already includes an attachment, the base64-encoded content (and link) SHALL NOT be included; the identifier, timestamp and title SHALL.', (_bundle, { ctx }) => {
      const own = new Set(ownProvenances(ctx).flatMap((p) => entities(p.resource).filter((e) => e['role'] === 'source').map(whatIdentifier)));
      const forwarding = ownProvenances(ctx).some((p) => activity(p.resource) === 'forward-message');
      if (forwarding) return [];
      return payloads(ctx).flatMap((payload) => {
        const attachment = payload['contentAttachment'];
        const id = segmentIdentifier(payload)?.['value'];
        if (!isObject(attachment) || own.has(typeof id === 'string' ? id : undefined)) return [];
        return 'data' in attachment || 'url' in attachment ? [{ message: 'A quoted attachment is required to leave out its content.', at: attachment }] : [];
      });
    }, { severity: 'warning' }),
  ],
});

const ack = ruleSet(SRC.govAcknowledgement);
const ackIds = ruleSet(SRC.govIdentifiers);
export const ACKNOWLEDGEMENT_GOVERNANCE = profile({
  name: 'MedCom Acknowledgement governance',
  url: 'https://medcomdk.github.io/MedCom-FHIR-Communication/assets/documents/governance-for-acknowledgement.html',
  type: 'Bundle',
  rules: [
    ack.check('two Provenance', 'Provenance', 'When acknowledging a MedCom Message, two Provenance instances SHALL be included: one describing the acknowledged message and one describing the Acknowledgement (1.3; 050 section 4.1: no more than two).', (_bundle, { ctx }) =>
      provenances(ctx).length === 2 ? [] : [{ message: `Exactly two Provenance resources are required (found ${provenances(ctx).length}).` }],
    { severity: 'warning' }),
    ackIds.check('response names the acknowledged message', 'MessageHeader.response.identifier', 'The response message SHALL quote the request MessageHeader.id in MessageHeader.response.identifier (052.2), and carry the latest Provenance of the acknowledged message (CareCommunication governance, medcom-carecommunication-22).', (_bundle, { ctx }) => {
      const h = header(ctx);
      const response = h && isObject(h.resource['response']) ? h.resource['response']['identifier'] : undefined;
      if (typeof response !== 'string') return [];
      return provenances(ctx).some((p) => targetId(p.resource) === response) ? [] : [{ message: 'No Provenance of the acknowledged message (target = the MessageHeader named in response.identifier).', at: h?.resource }];
    }, { severity: 'warning' }),
    ack.check('Provenance of the Acknowledgement', 'Provenance', "The Acknowledgement's own Provenance has activity acknowledgement, targets this MessageHeader and names the acknowledged message as entity revision (1.3 and the IG's examples).", (_bundle, { ctx }) => {
      const h = header(ctx);
      const response = h && isObject(h.resource['response']) ? h.resource['response']['identifier'] : undefined;
      const own = ownProvenances(ctx);
      if (own.length !== 1) return [{ message: 'Exactly one Provenance is required to target the Acknowledgement\'s MessageHeader.' }];
      const mine = own[0]!.resource;
      const problems: Array<{ message: string; at?: unknown }> = [];
      if (activity(mine) !== 'acknowledgement') problems.push({ message: "Its activity is required to be 'acknowledgement'.", at: mine });
      if (!entities(mine).some((e) => e['role'] === 'revision' && whatReference(e) === `MessageHeader/${String(response)}`)) {
        problems.push({ message: 'It is required to name the acknowledged MessageHeader as entity revision.', at: mine });
      }
      return problems;
    }, { severity: 'warning' }),
    ack.check('event acknowledgement-message', 'MessageHeader.eventCoding', 'An Acknowledgement carries the event acknowledgement-message (MedComMessagingMessageTypes; the profile does not fix it, every example of the IG uses it).', (_bundle, { ctx }) => {
      const coding = header(ctx)?.resource['eventCoding'];
      return isObject(coding) && coding['code'] === 'acknowledgement-message' ? [] : [{ message: "The event is required to be 'acknowledgement-message'.", at: header(ctx)?.resource }];
    }, { severity: 'warning' }),
    ack.check('error described', 'OperationOutcome.issue', 'When MessageHeader.response.code is different from ok, the OperationOutcome SHALL contain a description of the error and its severity (1.2.1).', (_bundle, { ctx }) =>
      ctx.entries
        .filter((e) => e.resourceType === 'OperationOutcome')
        .flatMap((e) => (Array.isArray(e.resource['issue']) ? e.resource['issue'] : []))
        .filter((issue) => isObject(issue) && !isObject(issue['details']) && typeof issue['diagnostics'] !== 'string')
        .map((issue) => ({ message: 'The issue is required to describe the error (details.coding or details.text).', at: issue })),
    { severity: 'warning' }),
  ],
});

/**
 * Reliable messaging (043): a resend of an unacknowledged message carries a new Bundle.id (the envelope id) and a new
 * Bundle.timestamp (the sent time), the same MessageHeader.id, and a message is resent at most twice.
 */
export function checkResend(earlier: unknown[], resent: unknown): Finding[] {
  const source = SRC.govReliable;
  const finding = (rule: string, element: string, message: string): Finding => ({
    severity: 'warning',
    profile: 'MedCom reliable messaging',
    element,
    rule,
    location: 'Bundle',
    message,
    source,
  });
  const get = (bundle: unknown, key: string): unknown => (isObject(bundle) ? bundle[key] : undefined);
  const headerId = (bundle: unknown): unknown => {
    const entry = get(bundle, 'entry');
    const first = Array.isArray(entry) && isObject(entry[0]) ? entry[0]['resource'] : undefined;
    return isObject(first) ? first['id'] : undefined;
  };
  const findings: Finding[] = [];
  if (earlier.some((b) => get(b, 'id') === get(resent, 'id'))) {
    findings.push(finding('new Bundle.id on resend', 'Bundle.id', 'A Sending Ecosystem MUST change the MessageEnvelopeId (Bundle.id) of a resent message; a Bundle.id SHALL never be identical to a former sent Bundle.id.'));
  }
  if (earlier.some((b) => get(b, 'timestamp') === get(resent, 'timestamp'))) {
    findings.push(finding('new timestamp on resend', 'Bundle.timestamp', 'A Sending Ecosystem MUST change the MessageSentTime (Bundle.timestamp) of a resent message.'));
  }
  if (earlier.some((b) => headerId(b) !== headerId(resent))) {
    findings.push(finding('same MessageHeader.id on resend', 'MessageHeader.id', 'A resend of an unchanged message keeps its MessageHeader.id; a changed message is a new message.'));
  }
  if (earlier.length > 2) {
    findings.push(finding('at most two resends', 'Bundle', 'A Sending Ecosystem MUST NOT resend the MedCom Message more than 2 times when the expected acknowledgement is not received.'));
  }
  return findings;
}

