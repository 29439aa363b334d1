import { uuid7 } from '@pathway-graph/shared';
import { demoRelativeRegistrations } from '@pathway-graph/shared/demo/demo-screening';
import { insertRelativeRegistrationOnce } from '../db/relatives.ts';
import type { MunicipalityDb } from '../db/repository.ts';

/** The demo's track-3 registrations, as if screening had delivered them; idempotent on the message id. */
export async function seedDemoRelativeRegistrations(db: MunicipalityDb, pseudonymSecret: string): Promise<number> {
  let stored = 0;
  for (const r of demoRelativeRegistrations(pseudonymSecret)) {
    const inserted = await insertRelativeRegistrationOnce(db, {
      id: uuid7(),
      messageId: r.messageId,
      registrationId: r.membershipId,
      municipalityCode: r.municipalityCode,
      childId: r.childId,
      birthDate: r.birthDate,
      relation: r.relation,
      registeredOn: r.registeredOn,
      patientConsentOn: r.registeredOn,
      departmentSorCode: r.departmentSorCode,
      contactName: r.contactName,
      contactPhone: r.contactPhone,
      receivedOn: r.receivedOn,
    });
    if (inserted) stored += 1;
  }
  return stored;
}
