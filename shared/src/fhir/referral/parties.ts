import { uuidV5 } from '../uuid.ts';
import { REFERRAL_SYSTEM as S } from './constants.ts';
import { arr, field, isObject, obj, optStr, refuse, str, type JsonObject } from './json.ts';

/**
 * The parties of a referral message: organisations by their Danish identifiers and the patient by CPR number. Kept
 * in one place because the referral and its status messages carry the same parties.
 */

/** An organisation by the identifiers this project knows it by; at least one is required. */
export interface MessageOrganization {
  sorCode?: string;
  gln?: string;
  ydernummer?: string;
  /** Danish municipality code, e.g. 751. */
  municipalityCode?: number;
  name?: string;
}

/** A namespace for the message-derived ids, so rebuilding a message gives the same bytes. */
export const REFERRAL_NAMESPACE = '4f3c1e0a-9b1d-4d7e-8a55-2c6b9e7d1f10';
export const idFor = (messageId: string, slot: string) => uuidV5(`${messageId}/${slot}`, REFERRAL_NAMESPACE);
export const urn = (id: string) => `urn:uuid:${id}`;
export const ref = (id: string) => ({ reference: urn(id) });

export function organizationResource(id: string, org: MessageOrganization): JsonObject {
  const identifier = [
    ...(org.sorCode === undefined ? [] : [{ system: S.sor, value: org.sorCode }]),
    ...(org.gln === undefined ? [] : [{ system: S.gln, value: org.gln }]),
    ...(org.ydernummer === undefined ? [] : [{ system: S.ydernummer, value: org.ydernummer }]),
  ];
  if (identifier.length === 0 && org.municipalityCode === undefined) {
    throw refuse('Organization.identifier', 'is missing: an organisation needs a SOR code, a GLN, a ydernummer or a municipality code');
  }
  return {
    resourceType: 'Organization',
    id,
    ...(identifier.length === 0 ? {} : { identifier }),
    ...(org.municipalityCode === undefined
      ? {}
      : { type: [{ coding: [{ system: S.municipalityCode, code: String(org.municipalityCode).padStart(4, '0') }] }] }),
    ...(org.name === undefined ? {} : { name: org.name }),
  };
}

export function readOrganization(resource: JsonObject, element: string): MessageOrganization {
  const org: MessageOrganization = {};
  arr(field(resource, 'identifier'), `${element}.identifier`).forEach((raw, i) => {
    const id = obj(raw, `${element}.identifier[${i}]`);
    const system = str(field(id, 'system'), `${element}.identifier[${i}].system`);
    const value = str(field(id, 'value'), `${element}.identifier[${i}].value`);
    if (system === S.sor) org.sorCode = value;
    else if (system === S.gln) org.gln = value;
    else if (system === S.ydernummer) org.ydernummer = value;
  });
  for (const [i, raw] of arr(field(resource, 'type'), `${element}.type`).entries()) {
    const codings = isObject(raw) ? arr(field(raw, 'coding'), `${element}.type[${i}].coding`) : [];
    const coding = codings.find((c) => isObject(c) && field(c, 'system') === S.municipalityCode) as JsonObject | undefined;
    if (coding) {
      const code = str(field(coding, 'code'), `${element}.type[${i}].coding.code`);
      if (!/^\d{3,4}$/.test(code)) throw refuse(`${element}.type[${i}].coding.code`, 'must be a municipality code of 3-4 digits');
      org.municipalityCode = Number(code);
    }
  }
  const name = optStr(field(resource, 'name'), `${element}.name`);
  if (name !== null) org.name = name;
  if (Object.keys(org).filter((k) => k !== 'name').length === 0) {
    throw refuse(`${element}.identifier`, 'has no SOR code, GLN, ydernummer or municipality code');
  }
  return org;
}

export function patientResource(id: string, cpr: string): JsonObject {
  return { resourceType: 'Patient', id, identifier: [{ system: S.cpr, value: cpr }] };
}

export function readPatient(resource: JsonObject): { cpr: string } {
  const ids = arr(field(resource, 'identifier'), 'Patient.identifier', { required: true });
  const cpr = ids.find((i) => isObject(i) && field(i, 'system') === S.cpr) as JsonObject | undefined;
  if (!cpr) throw refuse('Patient.identifier', `has no CPR number (system ${S.cpr})`);
  const value = str(field(cpr, 'value'), 'Patient.identifier[CPR].value');
  if (!/^\d{10}$/.test(value)) throw refuse('Patient.identifier[CPR].value', 'must be 10 digits');
  return { cpr: value };
}
