import { SRC } from '../sources.ts';
import type { Rule } from '../types.ts';
import { mount, profile, ruleSet } from './dsl.ts';

/** HL7 Denmark's DK Core 3.4.0: the Patient and Organization profiles MedCom Core builds on, and their identifiers. */

export const CPR_SYSTEM = 'urn:oid:1.2.208.176.1.2';
export const X_ECPR_SYSTEM = 'urn:oid:1.2.208.176.1.6.1.1';
/** DkCoreDeCPRValueSet: every system of the code system DkCoreDeCPRCodes starts so. */
export const D_ECPR_SYSTEM_PREFIX = 'urn:oid:1.2.208.176.1.6.1.3';
export const SOR_SYSTEM = 'urn:oid:1.2.208.176.1.1';
export const GLN_SYSTEM = 'https://www.gs1.org/gln';

export const CPR_SLICE = `identifier.where(system = '${CPR_SYSTEM}')`;
export const X_ECPR_SLICE = `identifier.where(system = '${X_ECPR_SYSTEM}')`;
export const D_ECPR_SLICE = `identifier.where(system.startsWith('${D_ECPR_SYSTEM_PREFIX}'))`;
export const SOR_SLICE = `identifier.where(system = '${SOR_SYSTEM}')`;
export const GLN_SLICE = `identifier.where(system = '${GLN_SYSTEM}')`;
export const OFFICIAL_NAME = "name.where(use = 'official')";

const DATE_PART = '((((0[1-9]|1[0-9]|2[0-9]|3[0-1])(01|03|05|07|08|10|12))|((0[1-9]|1[0-9]|2[0-9]|30)(04|06|09|11))|((0[1-9]|1[0-9]|2[0-9])(02)))';

const cprRules = ruleSet(SRC.dkCpr);
const cprIdentifier: Rule[] = [
  cprRules.fixed('Identifier.use', 'use', 'official'),
  cprRules.card('Identifier.value', 'value', 1, 1),
  cprRules.invariant('cpr', 'Identifier.value', 'Requirement of danish civil registration numbers.', `matches('^${DATE_PART}[0-9]{6})$')`, { on: 'value' }),
  cprRules.invariant('maxLength 10', 'Identifier.value', 'A CPR number has at most 10 characters.', 'length() <= 10', { on: 'value' }),
];

// The eCPR invariants are written `value.matches(...)` on the value element; the Java validator reads `value` of a
// primitive as the primitive itself, so they are evaluated here on the Identifier, which means the same.
const ecprRules = ruleSet(SRC.dkEcpr);
const xEcprIdentifier: Rule[] = [
  ecprRules.fixed('Identifier.use', 'use', 'temp'),
  ecprRules.card('Identifier.value', 'value', 1, 1),
  ecprRules.invariant('x-ecpr', 'Identifier.value', 'Requirement of danish X-eCPR.', `value.matches('^${DATE_PART}([0-9]{2})((1|7){1})([A-Z]{2})([0-9]{1}))$')`),
];
const dEcprIdentifier: Rule[] = [
  ecprRules.fixed('Identifier.use', 'use', 'temp'),
  ecprRules.card('Identifier.value', 'value', 1, 1),
  ecprRules.invariant('d-ecpr', 'Identifier.value', 'Requirement of danish D-eCPR.', `value.matches('^${DATE_PART}([0-9]{2})((0|5|6){1})([A-Z]{2})([0-9]{1}))$')`),
];

const patient = ruleSet(SRC.dkPatient);
export const DK_CORE_PATIENT = profile({
  name: 'DkCorePatient',
  url: 'http://hl7.dk/fhir/core/StructureDefinition/dk-core-patient',
  type: 'Patient',
  rules: [
    patient.invariant('marital-status-unknown-usage', 'Patient', 'Only permitted forms of marriage can be used in the Danish context.', "maritalStatus.coding.where(code = 'P' and system = 'http://terminology.hl7.org/CodeSystem/v3-MaritalStatus').empty() or maritalStatus.coding.where(code = 'A' and system = 'http://terminology.hl7.org/CodeSystem/v3-MaritalStatus').empty()", { severity: 'warning' }),
    patient.card('Patient.identifier', 'identifier', 1, '*'),
    patient.card('Patient.identifier:cpr', CPR_SLICE, 0, 1),
    patient.card('Patient.identifier:x-ecpr', X_ECPR_SLICE, 0, 1),
    patient.card('Patient.identifier:d-ecpr', D_ECPR_SLICE, 0, 1),
    ...mount(cprIdentifier, CPR_SLICE, 'Patient.identifier:cpr'),
    ...mount(xEcprIdentifier, X_ECPR_SLICE, 'Patient.identifier:x-ecpr'),
    ...mount(dEcprIdentifier, D_ECPR_SLICE, 'Patient.identifier:d-ecpr'),
    patient.card('Patient.name:official', OFFICIAL_NAME, 0, 1),
    patient.card('Patient.name:official.family', 'family', 1, 1, { context: OFFICIAL_NAME }),
  ],
});

const sor = ruleSet(SRC.dkSor);
const sorIdentifier: Rule[] = [
  sor.fixed('Identifier.use', 'use', 'official'),
  sor.card('Identifier.value', 'value', 1, 1),
  sor.invariant('min-digits-sor', 'Identifier.value', 'SOR Identifiers are at minimum 11 digits long.', "matches('^([0-9]){11,}$')", { on: 'value' }),
];
const gln = ruleSet(SRC.dkGln);
const glnIdentifier: Rule[] = [
  gln.fixed('Identifier.use', 'use', 'official'),
  gln.card('Identifier.value', 'value', 1, 1),
  gln.invariant('gln-length', 'Identifier.value', 'GLN must be exactly 13 characters long.', "matches('^[0-9]{13}$')", { on: 'value' }),
  gln.invariant(
    'gln-modulus-10',
    'Identifier.value',
    'GLN must pass the modulus 10 check.',
    '((10-((substring(0,1).toInteger()*1)+(substring(1,1).toInteger()*3)+(substring(2,1).toInteger()*1)+(substring(3,1).toInteger()*3)+(substring(4,1).toInteger()*1)+(substring(5,1).toInteger()*3)+(substring(6,1).toInteger()*1)+(substring(7,1).toInteger()*3)+(substring(8,1).toInteger()*1)+(substring(9,1).toInteger()*3)+(substring(10,1).toInteger()*1)+(substring(11,1).toInteger()*3))mod(10))mod(10))=substring(12,1).toInteger()',
    { on: 'value' },
  ),
];

const organization = ruleSet(SRC.dkOrganization);
export const DK_CORE_ORGANIZATION = profile({
  name: 'DkCoreOrganization',
  url: 'http://hl7.dk/fhir/core/StructureDefinition/dk-core-organization',
  type: 'Organization',
  rules: [
    organization.invariant('dk-core-organization-mandatory-identifier', 'Organization', 'Minimum one identifier shall be of type SOR-ID, KOMBIT-ORG-ID or CVR-ID.', "identifier.where(system='urn:oid:1.2.208.176.1.1' or system='https://kombit.dk/sts/organisation' or system='urn:oid:2.16.840.1.113883.2.24.1.1').exists()"),
    organization.card('Organization.identifier', 'identifier', 1, '*'),
    organization.card('Organization.identifier:EAN-ID', GLN_SLICE, 0, 1),
    organization.card('Organization.identifier:SOR-ID', SOR_SLICE, 0, 1),
    ...mount(glnIdentifier, GLN_SLICE, 'Organization.identifier:EAN-ID'),
    ...mount(sorIdentifier, SOR_SLICE, 'Organization.identifier:SOR-ID'),
  ],
});

export const DK_CORE_PRACTITIONER = profile({
  name: 'DkCorePractitioner',
  url: 'http://hl7.dk/fhir/core/StructureDefinition/dk-core-practitioner',
  type: 'Practitioner',
  rules: [],
});
