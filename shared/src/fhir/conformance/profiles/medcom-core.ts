import { SRC } from '../sources.ts';
import type { Rule } from '../types.ts';
import { CPR_SLICE, D_ECPR_SLICE, DK_CORE_ORGANIZATION, DK_CORE_PATIENT, DK_CORE_PRACTITIONER, OFFICIAL_NAME, SOR_SLICE, X_ECPR_SLICE } from './dk-core.ts';
import { profile, ruleSet } from './dsl.ts';

/** MedCom Core 3.0.1 (the version CareCommunication 5.0.4 depends on): the people, organisations and extensions. */

export const EXTENSION_URL = {
  dateTime: 'http://medcomfhir.dk/ig/core/StructureDefinition/medcom-core-datetime-extension',
  identifier: 'http://medcomfhir.dk/ig/core/StructureDefinition/medcom-core-identifier-extension',
  practitioner: 'http://medcomfhir.dk/ig/core/StructureDefinition/medcom-core-practitioner-extension',
  contact: 'http://medcomfhir.dk/ig/core/StructureDefinition/medcom-core-contact-extension',
  sender: 'http://medcomfhir.dk/ig/core/StructureDefinition/medcom-core-sender-extension',
} as const;

/** `value[x] only <type>`: the extension carries its value in exactly that JSON property, if any. */
const onlyValue = (set: ReturnType<typeof ruleSet>, type: string, element: string): Rule =>
  set.check(`value[x] only ${type}`, element, `${element} only ${type}.`, (extension) => {
    const keys = typeof extension === 'object' && extension !== null ? Object.keys(extension).filter((k) => k.startsWith('value')) : [];
    return keys.filter((k) => k !== `value${type}`).map(() => ({ message: `The extension's value is of type ${type}.` }));
  });

const UUID_V4 = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const dateTime = ruleSet(SRC.coreDateTime);
export const DATETIME_EXTENSION: Rule[] = [dateTime.card('Extension.value[x]', 'value', 1, 1), onlyValue(dateTime, 'DateTime', 'Extension.value[x]')];

const identifier = ruleSet(SRC.coreIdentifier);
export const IDENTIFIER_EXTENSION: Rule[] = [
  identifier.card('Extension.valueIdentifier', 'value', 1, 1),
  onlyValue(identifier, 'Identifier', 'Extension.value[x]'),
  // MedComAssignedIdentifier
  identifier.card('Extension.valueIdentifier.value', 'value', 1, 1, { context: 'value' }),
  identifier.invariant('medcom-uuidv4', 'Extension.valueIdentifier.value', 'The value shall correspond to the structure of an UUID version 4.', "matches('urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}')", { context: 'value', on: 'value' }),
  identifier.check(
    'UUID version 4',
    'Extension.valueIdentifier.value',
    'The value is a UUID identifier version 4 (MedComAssignedIdentifier.value, and the invariant medcom-uuidv4 by its description; its expression does not test the version).',
    (id) => (typeof id === 'string' && !UUID_V4.test(id) ? [{ message: 'The segment identifier is required to be urn:uuid: and a version 4 UUID.' }] : []),
    { context: 'value.value', severity: 'warning' },
  ),
  identifier.card('Extension.valueIdentifier.assigner', 'assigner', 1, 1, { context: 'value' }),
  identifier.reference('Extension.valueIdentifier.assigner', 'assigner', { Organization: 'MedComCoreOrganization' }, false, { context: 'value' }),
];

const practitionerExtension = ruleSet(SRC.corePractitionerExt);
export const PRACTITIONER_EXTENSION: Rule[] = [
  practitionerExtension.card('Extension.value[x]', 'value', 1, 1),
  onlyValue(practitionerExtension, 'Reference', 'Extension.value[x]'),
  practitionerExtension.reference('Extension.value[x]', 'value', { PractitionerRole: 'MedComCorePractitionerRole' }, true),
];

const contact = ruleSet(SRC.coreContact);
export const CONTACT_EXTENSION: Rule[] = [
  contact.card('Extension.valueContactPoint', 'value', 1, 1),
  onlyValue(contact, 'ContactPoint', 'Extension.value[x]'),
  contact.card('Extension.valueContactPoint.value', 'value', 1, 1, { context: 'value' }),
  contact.invariant('medcom-core-contact', 'Extension.valueContactPoint.value', 'The telephone number may include + and numbers from 0-9.', "matches('[+]?[-0-9]')", { context: 'value', on: 'value' }),
  contact.check(
    'medcom-core-contact (description)',
    'Extension.valueContactPoint.value',
    "The telephone number may include + and numbers from 0-9: the invariant's description; its expression accepts any value with a digit in it.",
    (value) => (typeof value === 'string' && !/^\+?[0-9]+$/.test(value) ? [{ message: 'The telephone number is required to be an optional + and digits only.' }] : []),
    { context: 'value.value', severity: 'warning' },
  ),
  contact.fixed('Extension.valueContactPoint.system', 'system', 'phone', { context: 'value' }),
];

const sender = ruleSet(SRC.coreSender);
export const SENDER_EXTENSION: Rule[] = [
  sender.card('Extension.value[x]', 'value', 0, 1),
  onlyValue(sender, 'Reference', 'Extension.value[x]'),
  sender.reference('Extension.value[x]', 'value', { PractitionerRole: 'MedComCorePractitionerRole', CareTeam: 'MedComCoreCareTeam' }, true),
];

const p = ruleSet(SRC.corePatient);
export const MEDCOM_CORE_PATIENT = profile({
  name: 'MedComCorePatient',
  url: 'http://medcomfhir.dk/ig/core/StructureDefinition/medcom-core-patient',
  type: 'Patient',
  parent: DK_CORE_PATIENT,
  rules: [
    p.card('Patient.name', 'name', 1, '*'),
    p.card('Patient.name:official', OFFICIAL_NAME, 1, 1),
    p.reference('Patient.managingOrganization', 'managingOrganization', { Organization: 'MedComCoreOrganization' }, true),
    p.narrative('Patient.id', 'id'),
    p.narrative('Patient.identifier:cpr', CPR_SLICE),
    p.narrative('Patient.identifier:x-ecpr', X_ECPR_SLICE),
    p.narrative('Patient.identifier:d-ecpr', D_ECPR_SLICE),
    p.narrative('Patient.name:official.family', 'family', { context: OFFICIAL_NAME }),
    p.narrative('Patient.name:official.given', 'given', { context: OFFICIAL_NAME }),
    p.narrative('Patient.telecom', 'telecom'),
    p.narrative('Patient.address.line', 'line', { context: 'address' }),
    p.narrative('Patient.address.city', 'city', { context: 'address' }),
    p.narrative('Patient.address.postalCode', 'postalCode', { context: 'address' }),
  ],
});

const o = ruleSet(SRC.coreOrganization);
export const MEDCOM_CORE_ORGANIZATION = profile({
  name: 'MedComCoreOrganization',
  url: 'http://medcomfhir.dk/ig/core/StructureDefinition/medcom-core-organization',
  type: 'Organization',
  parent: DK_CORE_ORGANIZATION,
  rules: [
    o.card('Organization.identifier:SOR-ID', SOR_SLICE, 1, 1),
    o.narrative('Organization.id', 'id'),
    o.narrative('Organization.identifier:SOR-ID', SOR_SLICE),
    o.narrative('Organization.name', 'name'),
  ],
});

const pr = ruleSet(SRC.corePractitioner);
export const MEDCOM_CORE_PRACTITIONER = profile({
  name: 'MedComCorePractitioner',
  url: 'http://medcomfhir.dk/ig/core/StructureDefinition/medcom-core-practitioner',
  type: 'Practitioner',
  parent: DK_CORE_PRACTITIONER,
  rules: [pr.narrative('Practitioner.id', 'id'), pr.narrative('Practitioner.name', 'name')],
});

const role = ruleSet(SRC.corePractitionerRole);
export const MEDCOM_CORE_PRACTITIONER_ROLE = profile({
  name: 'MedComCorePractitionerRole',
  url: 'http://medcomfhir.dk/ig/core/StructureDefinition/medcom-core-practitionerrole',
  type: 'PractitionerRole',
  rules: [
    role.reference('PractitionerRole.practitioner', 'practitioner', { Practitioner: 'MedComCorePractitioner' }, false),
    role.reference('PractitionerRole.organization', 'organization', { Organization: 'MedComCoreOrganization' }, true),
    // code from MedComCorePractitionerRoles (example): an example binding, which no validator enforces. The
    // CareCommunication page recommends the coded list and allows code.text instead.
    role.check(
      'coded role recommended',
      'PractitionerRole.code',
      'It is recommended to use a role from the defined list of roles (MedComCorePractitionerRoles) in PractitionerRole.code.coding; code.text is allowed instead.',
      (code) =>
        typeof code === 'object' && code !== null && !Array.isArray((code as { coding?: unknown }).coding)
          ? [{ message: 'The role is free text (code.text) rather than a code from MedComCorePractitionerRoles.' }]
          : [],
      { context: 'code', severity: 'information' },
    ),
    role.narrative('PractitionerRole.id', 'id'),
    role.narrative('PractitionerRole.practitioner', 'practitioner'),
    role.narrative('PractitionerRole.organization', 'organization'),
    role.narrative('PractitionerRole.code.coding', 'coding', { context: 'code' }),
    role.narrative('PractitionerRole.code.text', 'text', { context: 'code' }),
  ],
});

const team = ruleSet(SRC.coreCareTeam);
export const MEDCOM_CORE_CARE_TEAM = profile({
  name: 'MedComCoreCareTeam',
  url: 'http://medcomfhir.dk/ig/core/StructureDefinition/medcom-core-careteam',
  type: 'CareTeam',
  rules: [
    team.card('CareTeam.name', 'name', 1, 1),
    team.card('CareTeam.managingOrganization', 'managingOrganization', 0, 1),
    team.reference('CareTeam.managingOrganization', 'managingOrganization', { Organization: 'MedComCoreOrganization' }, true),
    team.narrative('CareTeam.id', 'id'),
    team.narrative('CareTeam.name', 'name'),
    team.narrative('CareTeam.managingOrganization', 'managingOrganization'),
  ],
});
