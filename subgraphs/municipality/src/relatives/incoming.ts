import { uuid7, type MessageHandler } from '@pathway-graph/shared';
import { insertRelativeRegistrationOnce } from '../db/relatives.ts';
import type { MunicipalityDb } from '../db/repository.ts';

export interface IncomingRelativeDeps {
  /** Today's date in Denmark: the day of receipt. */
  today: () => string;
}

/**
 * Receives a track-3 registration from screening, in the transaction in which the receiver records the message id
 * (a redelivery is applied once, and this insert is idempotent on the message id as well). The contract has checked
 * the payload, the municipality code included (one of the 19), so the registration lands in that municipality's
 * worklist as it is.
 */
export function receiveRelativeRegistration(deps: IncomingRelativeDeps): MessageHandler<'relative-registration', MunicipalityDb> {
  return async (tx, { messageId, payload }) => {
    const receivedOn = deps.today();
    await insertRelativeRegistrationOnce(tx, {
      id: uuid7(),
      messageId,
      registrationId: payload.registrationId,
      municipalityCode: payload.municipalityCode,
      childId: payload.childId,
      birthDate: payload.birthDate,
      relation: payload.relation,
      registeredOn: payload.registeredOn,
      patientConsentOn: payload.patientConsentOn,
      departmentSorCode: payload.departmentSorCode,
      contactName: payload.contact.name,
      contactPhone: payload.contact.phone,
      receivedOn,
    });
    return { receivedOn };
  };
}
