import { isObject, refuse } from './json.ts';
import { newMedComId } from './uuid.ts';

/**
 * The envelope of a MedCom message: Bundle.id (MedCom's EnvelopeId) and Bundle.timestamp (when it was assembled).
 * MedCom's reliable messaging (043) resends an unacknowledged message "with a new envelope with a new ID and time of
 * dispatch; since there has been no change in the letter section, the rest of the message remains identical"
 * (scenario 3). A message travels as its serialised bytes, so a resend is those bytes with the two values replaced
 * and nothing else changed: the key order and every other byte stay as first sent.
 */
export function reenvelope(bundleText: string, envelope: { bundleId: string; timestamp: string }): string {
  let bundle: unknown;
  try {
    bundle = JSON.parse(bundleText);
  } catch {
    throw refuse('Bundle', 'is not JSON');
  }
  if (!isObject(bundle) || bundle['resourceType'] !== 'Bundle') throw refuse('Bundle', 'must be a FHIR Bundle');
  // Assigning an existing key keeps its place in the serialisation.
  bundle['id'] = envelope.bundleId;
  bundle['timestamp'] = envelope.timestamp;
  return JSON.stringify(bundle);
}

/** Bundle.id and Bundle.timestamp of serialised bundle bytes. */
export function envelopeOf(bundleText: string): { bundleId: unknown; timestamp: unknown } {
  const bundle: unknown = JSON.parse(bundleText);
  return isObject(bundle) ? { bundleId: bundle['id'], timestamp: bundle['timestamp'] } : { bundleId: undefined, timestamp: undefined };
}

/** The bytes in a new envelope: a fresh Bundle.id (UUID version 4) and the time of this dispatch. */
export function inNewEnvelope(bundleText: string, now: Date = new Date()): string {
  return reenvelope(bundleText, { bundleId: newMedComId(), timestamp: now.toISOString() });
}
