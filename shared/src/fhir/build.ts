import { EVENT_CODE, EXTENSION, MESSAGE_DEFINITION, PROFILE, SOR_ENDPOINT_PREFIX, SYSTEM } from './constants.ts';
import type {
  FhirBundle,
  FhirBundleEntry,
  FhirBundleResource,
  FhirCareTeam,
  FhirCommunication,
  FhirCommunicationPayload,
  FhirExtension,
  FhirHumanName,
  FhirMessageHeader,
  FhirOrganization,
  FhirPatient,
  FhirPractitioner,
  FhirPractitionerRole,
  FhirProvenance,
  FhirProvenanceEntity,
  FhirReference,
} from './fhir-types.ts';
import { narrative } from './narrative.ts';
import { parseCareCommunicationBundle } from './parse.ts';
import type {
  CareCommunicationMessage,
  MessageSegment,
  MessagingOrganization,
  PersonName,
  PractitionerInRole,
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

/**
 * Builds the MedCom CareCommunication message Bundle for a letter or reply. Deterministic: the ids of the resources
 * inside are derived from `messageId`, so the same message always gives the same JSON (a retried delivery sends the
 * same bytes). Refuses, with BAD_USER_INPUT, a message our own parser would refuse on receipt, so nothing leaves the
 * outbox that the receiving subgraph cannot store.
 */
export function buildCareCommunicationBundle(message: CareCommunicationMessage, options: BuildOptions = {}): FhirBundle {
  const bundle = new BundleBuilder(message, (options.fullUrlBase ?? DEFAULT_FULL_URL_BASE).replace(/\/+$/, '')).build();
  parseCareCommunicationBundle(bundle);
  return bundle;
}

const reference = (resource: { resourceType: string; id: string }): FhirReference => ({
  reference: `${resource.resourceType}/${resource.id}`,
});

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
      this.buildPatient(),
      communication,
      this.buildOrganization(this.sender.id, m.sender),
      this.buildOrganization(this.receiver.id, m.receiver),
      ...this.parties,
      this.buildProvenance(),
    ];
    const entry: FhirBundleEntry[] = resources.map((resource) => ({
      fullUrl: `${this.base}/${resource.resourceType}/${resource.id}`,
      resource,
    }));
    return {
      resourceType: 'Bundle',
      id: m.bundleId,
      meta: { profile: [PROFILE.bundle] },
      type: 'message',
      timestamp: m.sentAt,
      entry,
    };
  }

  private buildMessageHeader(): FhirMessageHeader {
    const m = this.message;
    return {
      ...this.header,
      meta: { profile: [PROFILE.messageHeader] },
      text: narrative('MessageHeader', [
        ['Event', EVENT_CODE],
        ['Sender', organizationLabel(m.sender)],
        ['Receiver', organizationLabel(m.receiver)],
        ['Definition', MESSAGE_DEFINITION],
      ]),
      eventCoding: { system: SYSTEM.eventCodes, code: EVENT_CODE },
      destination: [
        {
          extension: [
            { url: EXTENSION.destinationUse, valueCoding: { system: SYSTEM.destinationUse, code: 'primary' } },
          ],
          endpoint: `${SOR_ENDPOINT_PREFIX}${m.receiver.sorCode}`,
          receiver: reference(this.receiver),
        },
      ],
      sender: reference(this.sender),
      source: { endpoint: `${SOR_ENDPOINT_PREFIX}${m.sender.sorCode}` },
      focus: [reference(this.communication)],
      definition: MESSAGE_DEFINITION,
    };
  }

  private buildPatient(): FhirPatient {
    const { cpr, name } = this.message.patient;
    return {
      ...this.patient,
      meta: { profile: [PROFILE.patient] },
      text: narrative('Patient', [
        ['CPR', cpr],
        ['Name', name === undefined ? undefined : nameLabel(name)],
      ]),
      identifier: [{ system: SYSTEM.cpr, value: cpr }],
      ...(name === undefined ? {} : { name: [{ use: 'official' as const, ...humanName(name) }] }),
    };
  }

  private buildOrganization(id: string, organization: MessagingOrganization): FhirOrganization {
    return {
      resourceType: 'Organization',
      id,
      meta: { profile: [PROFILE.organization] },
      text: narrative('Organization', [
        ['Name', organization.name],
        ['SOR', organization.sorCode],
        ['GLN', organization.gln],
      ]),
      identifier: [
        { system: SYSTEM.gln, value: organization.gln },
        { system: SYSTEM.sor, value: organization.sorCode },
      ],
      ...(organization.name === undefined ? {} : { name: organization.name }),
    };
  }

  private buildCommunication(): FhirCommunication {
    const m = this.message;
    const specificSender =
      m.specificSender === undefined ? undefined : this.partyReference(m.specificSender, this.sender);
    const specificRecipient =
      m.specificRecipient === undefined ? undefined : this.partyReference(m.specificRecipient, this.receiver);
    const segments = [
      ...m.payloads.map((segment) => this.buildPayload(segment, this.sender)),
      ...m.quotedPayloads.map((segment) => this.buildPayload(segment, this.issuer(segment))),
    ];
    const allSegments: MessageSegment[] = [...m.payloads, ...m.quotedPayloads];
    return {
      ...this.communication,
      meta: { profile: [PROFILE.communication] },
      text: narrative('Communication', [
        ['Category', m.category],
        ['Priority', m.priority],
        ['Topic', m.topic],
        ...allSegments.map(
          (segment, i) =>
            [
              `Segment ${i + 1} (${segment.writtenAt}${segment.author ? `, ${nameLabel(segment.author.name)}` : ''})`,
              segment.text,
            ] as const,
        ),
      ]),
      ...(specificSender === undefined ? {} : { extension: [{ url: EXTENSION.sender, valueReference: specificSender }] }),
      identifier: [{ value: m.conversationId }],
      status: 'unknown',
      category: [{ coding: [{ system: SYSTEM.categoryCodes, code: m.category }] }],
      ...(m.priority === undefined ? {} : { priority: m.priority }),
      subject: reference(this.patient),
      ...(m.topic === undefined ? {} : { topic: { text: m.topic } }),
      ...(specificRecipient === undefined ? {} : { recipient: [specificRecipient] }),
      payload: segments,
    };
  }

  private issuer(segment: QuotedSegment): { resourceType: 'Organization'; id: string } | undefined {
    if (segment.from === 'sender') return this.sender;
    if (segment.from === 'receiver') return this.receiver;
    return undefined;
  }

  /** `organization` both issued the segment's identifier and employs its author; unknown for some quoted segments. */
  private buildPayload(
    segment: MessageSegment,
    organization: { resourceType: 'Organization'; id: string } | undefined,
  ): FhirCommunicationPayload {
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

  private buildProvenance(): FhirProvenance {
    const m = this.message;
    const entity: FhirProvenanceEntity[] = [];
    if (m.activity === 'reply-message') {
      entity.push(
        'messageId' in m.inReplyTo
          ? { role: 'revision', what: { reference: `MessageHeader/${m.inReplyTo.messageId}` } }
          : { role: 'revision', what: { identifier: { value: m.inReplyTo.legacyLetterId } } },
      );
    }
    for (const segment of m.payloads) entity.push({ role: 'source', what: { identifier: { value: segment.id } } });
    return {
      resourceType: 'Provenance',
      id: this.ids('Provenance'),
      meta: { profile: [PROFILE.provenance] },
      text: narrative('Provenance', [
        ['Target', reference(this.header).reference],
        ['Activity', m.activity],
        [
          'In reply to',
          m.activity === 'new-message'
            ? undefined
            : 'messageId' in m.inReplyTo
              ? `MessageHeader/${m.inReplyTo.messageId}`
              : m.inReplyTo.legacyLetterId,
        ],
      ]),
      target: [reference(this.header)],
      occurredDateTime: m.sentAt,
      recorded: m.sentAt,
      activity: { coding: [{ system: SYSTEM.activityCodes, code: m.activity }] },
      agent: [{ who: reference(this.sender) }],
      entity,
    };
  }

  private partyReference(
    party: SpecificParty,
    organization: { resourceType: 'Organization'; id: string },
  ): FhirReference {
    if ('practitioner' in party) return this.practitionerRoleReference(party.practitioner, organization);
    return this.registered(['CareTeam', party.careTeam.name, organization.id], (n) => {
      const careTeam: FhirCareTeam = {
        resourceType: 'CareTeam',
        id: this.ids(`CareTeam/${n}`),
        meta: { profile: [PROFILE.careTeam] },
        text: narrative('CareTeam', [['Name', party.careTeam.name]]),
        name: party.careTeam.name,
        managingOrganization: [reference(organization)],
      };
      return [careTeam];
    });
  }

  private practitionerRoleReference(
    person: PractitionerInRole,
    organization: { resourceType: 'Organization'; id: string } | undefined,
  ): FhirReference {
    const key = ['PractitionerRole', person.name.family, person.name.given, person.role, person.roleText, organization?.id];
    return this.registered(key, (n) => {
      const practitioner: FhirPractitioner = {
        resourceType: 'Practitioner',
        id: this.ids(`Practitioner/${n}`),
        meta: { profile: [PROFILE.practitioner] },
        text: narrative('Practitioner', [['Name', nameLabel(person.name)]]),
        name: [humanName(person.name)],
      };
      const hasCode = person.role !== undefined || person.roleText !== undefined;
      const role: FhirPractitionerRole = {
        resourceType: 'PractitionerRole',
        id: this.ids(`PractitionerRole/${n}`),
        meta: { profile: [PROFILE.practitionerRole] },
        text: narrative('PractitionerRole', [
          ['Practitioner', nameLabel(person.name)],
          ['Role', person.role?.code ?? person.roleText],
        ]),
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

function humanName(name: PersonName): FhirHumanName {
  return {
    ...(name.family === undefined ? {} : { family: name.family }),
    ...(name.given.length === 0 ? {} : { given: [...name.given] }),
  };
}

function nameLabel(name: PersonName): string {
  return [...name.given, name.family].filter((part) => part !== undefined).join(' ');
}

function organizationLabel(organization: MessagingOrganization): string {
  const codes = `SOR ${organization.sorCode}, GLN ${organization.gln}`;
  return organization.name === undefined ? codes : `${organization.name} (${codes})`;
}
