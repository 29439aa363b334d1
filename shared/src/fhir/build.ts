import {
  ACTIVITY_DISPLAY,
  CATEGORY_DISPLAY,
  DESTINATION_USE_DISPLAY,
  EVENT_CODE,
  EVENT_DISPLAY,
  EXTENSION,
  MESSAGE_DEFINITION,
  PROFILE,
  ROLE_DISPLAY,
  SOR_ENDPOINT_PREFIX,
  SYSTEM,
} from './constants.ts';
import type {
  FhirBundle,
  FhirBundleEntry,
  FhirBundleResource,
  FhirCareTeam,
  FhirCommunication,
  FhirCommunicationPayload,
  FhirExtension,
  FhirHumanName,
  FhirIdentifier,
  FhirMessageHeader,
  FhirOrganization,
  FhirPatient,
  FhirPractitioner,
  FhirPractitionerRole,
  FhirProvenance,
  FhirProvenanceEntity,
  FhirReference,
} from './fhir-types.ts';
import { codeLabel, narrative, referenceLabel, type NarrativeLine } from './narrative.ts';
import { parseCareCommunicationBundle } from './parse.ts';
import type {
  CareCommunicationMessage,
  EarlierMessage,
  MessageSegment,
  MessagingOrganization,
  PersonName,
  PractitionerInRole,
  PreviousMessage,
  QuotedSegment,
  SpecificParty,
} from './types.ts';
import { uuidV5 } from './uuid.ts';

export interface BuildOptions {
  /**
   * Base of the entries' fullUrls (`<base>/<Type>/<id>`, the form all three vendors use, so the relative references
   * `Organization/<id>` inside the bundle resolve). Set it to the sending system's FHIR base once it has one.
   */
  fullUrlBase?: string;
}

/** A reserved, never-resolving host (RFC 2606): fullUrls only need to be unique, not reachable. */
export const DEFAULT_FULL_URL_BASE = 'https://pathway-graph.invalid/fhir';

type Ref = { resourceType: string; id: string };

/**
 * Builds the MedCom CareCommunication message Bundle for a letter or reply. Deterministic: the ids of the resources
 * inside are derived from the MessageHeader.id, so the same message always gives the same JSON. Refuses, with
 * BAD_USER_INPUT, a message our own parser would refuse on receipt, so nothing leaves the outbox that the receiving
 * subgraph cannot store.
 */
export function buildCareCommunicationBundle(message: CareCommunicationMessage, options: BuildOptions = {}): FhirBundle {
  const bundle = new BundleBuilder(message, fullUrlBase(options)).build();
  parseCareCommunicationBundle(bundle);
  return bundle;
}

export const fullUrlBase = (options: BuildOptions): string => (options.fullUrlBase ?? DEFAULT_FULL_URL_BASE).replace(/\/+$/, '');

export const reference = (resource: Ref): FhirReference => ({ reference: `${resource.resourceType}/${resource.id}` });

/** The id of the Provenance of the message with this MessageHeader.id: the same in every bundle that carries it. */
export const provenanceId = (messageId: string): string => uuidV5(`${messageId}/Provenance`);

export function entriesOf(resources: FhirBundleResource[], base: string): FhirBundleEntry[] {
  return resources.map((resource) => ({ fullUrl: `${base}/${resource.resourceType}/${resource.id}`, resource }));
}

class BundleBuilder {
  private readonly ids: (slot: string) => string;
  private readonly header: { resourceType: 'MessageHeader'; id: string };
  private readonly patient: { resourceType: 'Patient'; id: string };
  private readonly communication: { resourceType: 'Communication'; id: string };
  private readonly sender: { resourceType: 'Organization'; id: string };
  private readonly receiver: { resourceType: 'Organization'; id: string };
  /** PractitionerRoles, Practitioners and CareTeams, in order of first use; the same person is included once. */
  private readonly parties: FhirBundleResource[] = [];
  private readonly partyReferences = new Map<string, FhirReference>();

  constructor(
    private readonly message: CareCommunicationMessage,
    private readonly base: string,
  ) {
    this.ids = (slot: string) => uuidV5(`${message.messageId}/${slot}`);
    this.header = { resourceType: 'MessageHeader', id: message.messageId };
    this.patient = { resourceType: 'Patient', id: this.ids('Patient') };
    this.communication = { resourceType: 'Communication', id: this.ids('Communication') };
    this.sender = { resourceType: 'Organization', id: this.ids('Organization/sender') };
    this.receiver = { resourceType: 'Organization', id: this.ids('Organization/receiver') };
  }

  build(): FhirBundle {
    const m = this.message;
    // Built before the list is assembled: building the Communication registers the parties it refers to.
    const communication = this.buildCommunication();
    const resources: FhirBundleResource[] = [
      this.buildMessageHeader(),
      buildPatient(this.patient.id, m.patient),
      communication,
      buildMessagingOrganization(this.sender.id, m.sender),
      buildMessagingOrganization(this.receiver.id, m.receiver),
      ...this.parties,
      this.buildOwnProvenance(),
      ...(m.history ?? []).map((earlier) => this.buildEarlierProvenance(earlier)),
    ];
    return {
      resourceType: 'Bundle',
      id: m.bundleId,
      meta: { profile: [PROFILE.bundle] },
      type: 'message',
      timestamp: m.sentAt,
      entry: entriesOf(resources, this.base),
    };
  }

  private buildMessageHeader(): FhirMessageHeader {
    const m = this.message;
    const destination = {
      extension: [{ url: EXTENSION.destinationUse, valueCoding: { system: SYSTEM.destinationUse, code: 'primary' } }],
      endpoint: `${SOR_ENDPOINT_PREFIX}${m.receiver.sorCode}`,
      receiver: reference(this.receiver),
    };
    const source = { endpoint: `${SOR_ENDPOINT_PREFIX}${m.sender.sorCode}` };
    return {
      ...this.header,
      meta: { profile: [PROFILE.messageHeader] },
      text: narrative(
        this.header,
        [
          ['Event', codeLabel(EVENT_CODE, EVENT_DISPLAY[EVENT_CODE])],
          ['Sender', `${referenceLabel(reference(this.sender))} (${organizationLabel(m.sender)})`],
          ['Source endpoint', source.endpoint],
          ['Receiver', `${referenceLabel(destination.receiver)} (${organizationLabel(m.receiver)})`],
          ['Destination', codeLabel('primary', DESTINATION_USE_DISPLAY)],
          ['Destination endpoint', destination.endpoint],
          ['Focus', referenceLabel(reference(this.communication))],
          ['Definition', MESSAGE_DEFINITION],
        ],
        true,
      ),
      eventCoding: { system: SYSTEM.eventCodes, code: EVENT_CODE },
      destination: [destination],
      sender: reference(this.sender),
      source,
      focus: [reference(this.communication)],
      definition: MESSAGE_DEFINITION,
    };
  }

  private buildCommunication(): FhirCommunication {
    const m = this.message;
    const specificSender =
      m.specificSender === undefined ? undefined : this.partyReference(m.specificSender, this.sender);
    const specificRecipient =
      m.specificRecipient === undefined ? undefined : this.partyReference(m.specificRecipient, this.receiver);
    const own = m.payloads.map((segment) => ({ segment, issuer: this.sender as Ref | undefined }));
    const quoted = m.quotedPayloads.map((segment) => ({ segment: segment as MessageSegment, issuer: this.issuer(segment) }));
    const segments = [...own, ...quoted].map(({ segment, issuer }) => ({ segment, payload: this.buildPayload(segment, issuer) }));
    const segmentLines = segments.flatMap(({ segment, payload }, i): NarrativeLine[] => {
      const author = payload.extension.find((e) => e.url === EXTENSION.payloadAuthor)?.valueReference;
      const n = i + 1;
      return [
        [`Segment ${n} identifier`, segment.id],
        [`Segment ${n} written`, segment.writtenAt],
        [`Segment ${n} author`, author === undefined ? undefined : `${referenceLabel(author)} (${segment.author ? nameLabel(segment.author.name) : ''})`],
        [`Segment ${n} author phone`, segment.authorContact?.value],
        [`Segment ${n} text`, segment.text],
      ];
    });
    const category = CATEGORY_DISPLAY[m.category];
    return {
      ...this.communication,
      meta: { profile: [PROFILE.communication] },
      text: narrative(
        this.communication,
        [
          ['Status', 'unknown'],
          ['Conversation identifier', m.conversationId],
          ['Category', codeLabel(m.category, category)],
          ['Priority', m.priority],
          ['Topic', m.topic],
          ['Subject (patient)', referenceLabel(reference(this.patient))],
          ['Sender', specificSender === undefined ? undefined : `${referenceLabel(specificSender)} (${partyLabel(m.specificSender)})`],
          ['Recipient', specificRecipient === undefined ? undefined : `${referenceLabel(specificRecipient)} (${partyLabel(m.specificRecipient)})`],
          ...segmentLines,
        ],
        true,
      ),
      ...(specificSender === undefined ? {} : { extension: [{ url: EXTENSION.sender, valueReference: specificSender }] }),
      identifier: [{ value: m.conversationId }],
      status: 'unknown',
      category: [{ coding: [{ system: SYSTEM.categoryCodes, code: m.category }] }],
      ...(m.priority === undefined ? {} : { priority: m.priority }),
      subject: reference(this.patient),
      ...(m.topic === undefined ? {} : { topic: { text: m.topic } }),
      ...(specificRecipient === undefined ? {} : { recipient: [specificRecipient] }),
      payload: segments.map((s) => s.payload),
    };
  }

  private issuer(segment: QuotedSegment): Ref | undefined {
    if (segment.from === 'sender') return this.sender;
    if (segment.from === 'receiver') return this.receiver;
    return undefined;
  }

  /** `organization` both issued the segment's identifier and employs its author; unknown for some quoted segments. */
  private buildPayload(segment: MessageSegment, organization: Ref | undefined): FhirCommunicationPayload {
    const extension: FhirExtension[] = [
      { url: EXTENSION.payloadDate, valueDateTime: segment.writtenAt },
      {
        url: EXTENSION.payloadIdentifier,
        valueIdentifier: {
          value: segment.id,
          ...(organization === undefined ? {} : { assigner: reference(organization) }),
        },
      },
    ];
    if (segment.author !== undefined) {
      extension.push({
        url: EXTENSION.payloadAuthor,
        valueReference: this.practitionerRoleReference(segment.author, organization),
      });
    }
    if (segment.authorContact !== undefined) {
      extension.push({
        url: EXTENSION.payloadAuthorContact,
        valueContactPoint: { system: segment.authorContact.system, value: segment.authorContact.value },
      });
    }
    return { extension, contentString: segment.text };
  }

  private buildOwnProvenance(): FhirProvenance {
    const m = this.message;
    return buildProvenance(
      {
        messageId: m.messageId,
        activity: m.activity,
        occurredAt: m.firstSentAt ?? m.sentAt,
        by: 'sender',
        segmentIds: m.payloads.map((segment) => segment.id),
        ...(m.activity === 'reply-message' ? { inReplyTo: m.inReplyTo } : {}),
      },
      { sender: this.sender, receiver: this.receiver },
      PROFILE.provenance,
    );
  }

  private buildEarlierProvenance(earlier: EarlierMessage): FhirProvenance {
    return buildProvenance(earlier, { sender: this.sender, receiver: this.receiver }, PROFILE.provenance);
  }

  private partyReference(party: SpecificParty, organization: Ref): FhirReference {
    if ('practitioner' in party) return this.practitionerRoleReference(party.practitioner, organization);
    return this.registered(['CareTeam', party.careTeam.name, organization.id], (n) => {
      const careTeam = { resourceType: 'CareTeam' as const, id: this.ids(`CareTeam/${n}`) };
      const resource: FhirCareTeam = {
        ...careTeam,
        meta: { profile: [PROFILE.careTeam] },
        text: narrative(
          careTeam,
          [
            ['Name', party.careTeam.name],
            ['Managing organization', referenceLabel(reference(organization))],
          ],
          false,
        ),
        name: party.careTeam.name,
        managingOrganization: [reference(organization)],
      };
      return [resource];
    });
  }

  private practitionerRoleReference(person: PractitionerInRole, organization: Ref | undefined): FhirReference {
    const key = ['PractitionerRole', person.name.family, person.name.given, person.role, person.roleText, organization?.id];
    return this.registered(key, (n) => {
      const practitionerRef = { resourceType: 'Practitioner' as const, id: this.ids(`Practitioner/${n}`) };
      const roleRef = { resourceType: 'PractitionerRole' as const, id: this.ids(`PractitionerRole/${n}`) };
      const practitioner: FhirPractitioner = {
        ...practitionerRef,
        meta: { profile: [PROFILE.practitioner] },
        text: narrative(practitionerRef, [['Name', nameLabel(person.name)]], false),
        name: [humanName(person.name)],
      };
      const hasCode = person.role !== undefined || person.roleText !== undefined;
      const role: FhirPractitionerRole = {
        ...roleRef,
        meta: { profile: [PROFILE.practitionerRole] },
        text: narrative(
          roleRef,
          [
            ['Practitioner', `${practitioner.id} (${nameLabel(person.name)})`],
            ['Organization', organization === undefined ? undefined : referenceLabel(reference(organization))],
            ['Role', person.role === undefined ? undefined : codeLabel(person.role.code, roleDisplay(person.role))],
            ['Role text', person.roleText],
          ],
          false,
        ),
        practitioner: reference(practitioner),
        ...(organization === undefined ? {} : { organization: reference(organization) }),
        ...(hasCode
          ? {
              code: [
                {
                  ...(person.role === undefined ? {} : { coding: [{ ...person.role }] }),
                  ...(person.roleText === undefined ? {} : { text: person.roleText }),
                },
              ],
            }
          : {}),
      };
      // The role first: it is what the Communication refers to.
      return [role, practitioner];
    });
  }

  /** The reference to the first resource `create` returns, creating the resources once per distinct `key`. */
  private registered(key: unknown[], create: (n: number) => FhirBundleResource[]): FhirReference {
    const lookup = JSON.stringify(key);
    const known = this.partyReferences.get(lookup);
    if (known) return known;
    const created = create(this.partyReferences.size);
    const first = created[0];
    if (first === undefined) throw new Error('BundleBuilder.registered: create returned no resource');
    const found = reference(first);
    this.partyReferences.set(lookup, found);
    this.parties.push(...created);
    return found;
  }
}

/**
 * A MedComMessagingProvenance (or CareCommunication's) of one message exchange: target its MessageHeader, agent the
 * organisation that sent it, entities the message it answered (revision) and the segments it added (source).
 */
export function buildProvenance(
  exchange: EarlierMessage,
  organizations: { sender: Ref; receiver: Ref },
  profile: string,
): FhirProvenance {
  const id = exchange.provenanceId ?? provenanceId(exchange.messageId);
  const target = { reference: `MessageHeader/${exchange.messageId}` };
  const agent = exchange.by === 'receiver' ? organizations.receiver : organizations.sender;
  const entity: FhirProvenanceEntity[] = [];
  if (exchange.inReplyTo !== undefined) entity.push(revisionEntity(exchange.inReplyTo));
  for (const segmentId of exchange.segmentIds) entity.push({ role: 'source', what: { identifier: { value: segmentId } } });
  const lines: NarrativeLine[] = [
    ['Target', referenceLabel(target)],
    ['Occurred', exchange.occurredAt],
    ['Recorded', exchange.recordedAt ?? exchange.occurredAt],
    ['Activity', codeLabel(exchange.activity, ACTIVITY_DISPLAY[exchange.activity])],
    ['Agent', referenceLabel(reference(agent))],
    ...entity.map((e, i): NarrativeLine => [`Entity ${i + 1} (${e.role})`, 'reference' in e.what ? referenceLabel(e.what) : e.what.identifier.value]),
  ];
  return {
    resourceType: 'Provenance',
    id,
    meta: { profile: [profile] },
    text: narrative({ resourceType: 'Provenance', id }, lines, false),
    target: [target],
    occurredDateTime: exchange.occurredAt,
    recorded: exchange.recordedAt ?? exchange.occurredAt,
    activity: { coding: [{ system: SYSTEM.activityCodes, code: exchange.activity }] },
    agent: [{ who: reference(agent) }],
    entity,
  };
}

function revisionEntity(previous: PreviousMessage): FhirProvenanceEntity {
  return 'messageId' in previous
    ? { role: 'revision', what: { reference: `MessageHeader/${previous.messageId}` } }
    : { role: 'revision', what: { identifier: { value: previous.legacyLetterId } } };
}

/** MedComMessagingOrganization: the SOR code and the location number (EAN), both `official` as DK Core fixes them. */
export function buildMessagingOrganization(id: string, organization: MessagingOrganization): FhirOrganization {
  const ref = { resourceType: 'Organization' as const, id };
  return {
    ...ref,
    meta: { profile: [PROFILE.organization] },
    text: narrative(
      ref,
      [
        ['Name', organization.name],
        ['SOR', organization.sorCode],
        ['EAN (GLN)', organization.gln],
      ],
      false,
    ),
    identifier: [
      { use: 'official', system: SYSTEM.gln, value: organization.gln },
      { use: 'official', system: SYSTEM.sor, value: organization.sorCode },
    ],
    ...(organization.name === undefined ? {} : { name: organization.name }),
  };
}

function buildPatient(id: string, patient: CareCommunicationMessage['patient']): FhirPatient {
  const ref = { resourceType: 'Patient' as const, id };
  const identifier: FhirIdentifier[] = [
    ...(patient.cpr === undefined ? [] : [{ use: 'official' as const, system: SYSTEM.cpr, value: patient.cpr }]),
    ...(patient.replacementCprs ?? []).map((e) => ({ use: 'temp' as const, system: e.system, value: e.value })),
  ];
  return {
    ...ref,
    meta: { profile: [PROFILE.patient] },
    text: narrative(
      ref,
      [
        ['CPR', patient.cpr],
        ...(patient.replacementCprs ?? []).map((e): NarrativeLine => [e.kind === 'x-ecpr' ? 'X-eCPR' : 'D-eCPR', e.value]),
        ['Name (official)', patient.name === undefined ? undefined : nameLabel(patient.name)],
      ],
      false,
    ),
    identifier,
    ...(patient.name === undefined ? {} : { name: [{ use: 'official' as const, ...humanName(patient.name) }] }),
  };
}

function roleDisplay(role: { system: string; code: string; display?: string }) {
  return ROLE_DISPLAY[role.code] ?? (role.display === undefined ? undefined : { display: role.display });
}

function humanName(name: PersonName): FhirHumanName {
  return {
    ...(name.family === undefined ? {} : { family: name.family }),
    ...(name.given.length === 0 ? {} : { given: [...name.given] }),
  };
}

export function nameLabel(name: PersonName): string {
  return [...name.given, name.family].filter((part) => part !== undefined).join(' ');
}

function partyLabel(party: SpecificParty | undefined): string {
  if (party === undefined) return '';
  return 'practitioner' in party ? nameLabel(party.practitioner.name) : party.careTeam.name;
}

export function organizationLabel(organization: MessagingOrganization): string {
  const codes = `SOR ${organization.sorCode}, EAN ${organization.gln}`;
  return organization.name === undefined ? codes : `${organization.name}, ${codes}`;
}
