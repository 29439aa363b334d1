import { appendAccessLog, assertUuid, conflict, forbidden, hasClinicalRole, notFound } from '@pathway-graph/shared';
import { randomUUID } from 'node:crypto';
import { partyOf, partyOfPrincipal, readableRecords, screeningOwnership } from '../access.ts';
import type { Context } from '../context.ts';
import { activeMemberships, ensureChild, findActiveMembershipForUpdate, findMembershipForUpdate, insertMembership, updateMembership, type TrackMembershipRecord } from '../db/repository.ts';
import { accessLog, consents } from '../db/schema.ts';
import { isUniqueViolation } from '../db/errors.ts';
import { outbox } from '../messaging.ts';
import { assertMayRegister, validateEnd, validateRegistration, type RegistrationInput } from './registration.ts';

/**
 * Track membership: registering a child with its basis, ending a membership, and reading them. Guard, validate,
 * store (with the outbox message of a track-3 registration and the access-log entry in the same transaction).
 */

const sectorTables = { consents, accessLog };
export const MEMBERSHIP_PART = 'trackMemberships';
export const ACTIVE_TRACKS_PART = 'screeningTracks';
const WHAT = "the child's screening-track membership";

/** The memberships of a child the reader may see, active ones only or all, each read logged. */
export async function childMemberships(ctx: Context, child: { id: string }, which: 'active' | 'all'): Promise<TrackMembershipRecord[]> {
  const record = await ctx.loaders.child.load(child.id);
  const rows = which === 'active' ? activeMemberships(record) : (record?.memberships ?? []);
  return readableRecords(ctx, child.id, record, rows, which === 'active' ? ACTIVE_TRACKS_PART : MEMBERSHIP_PART, WHAT);
}

async function readMembership(ctx: Context, row: TrackMembershipRecord): Promise<TrackMembershipRecord> {
  const record = await ctx.loaders.child.load(row.childId);
  const [readable] = await readableRecords(ctx, row.childId, record, [row], MEMBERSHIP_PART, WHAT);
  return readable!;
}

export async function registerInTrack(ctx: Context, input: RegistrationInput): Promise<TrackMembershipRecord> {
  assertMayRegister(ctx.principal, input.track);
  const reg = validateRegistration(input, { today: ctx.access.today, pseudonymSecret: ctx.pseudonymSecret });
  // Track 3 with the patient's consent goes to the child's municipality, which may then read the membership.
  const notify = reg.track === 'RELATIVE_OF_MENTALLY_ILL' && reg.patientConsentOn !== null;
  const parties = [partyOfPrincipal(ctx.principal), ...(notify ? [partyOf('MUNICIPALITY', String(reg.municipalityCode))] : [])];
  const conflictError = () =>
    conflict('The child is already in this track (a membership that has not ended); screen the child in it, or end it before registering again.', {
      field: 'input.track',
    });
  try {
    const row = await ctx.db.transaction(async (tx) => {
      await ensureChild(tx, { id: reg.childId, birthDate: reg.birthDate });
      if (await findActiveMembershipForUpdate(tx, reg.childId, reg.track)) throw conflictError();
      const id = randomUUID();
      const messageId = notify ? `relative-registration-${id}` : null;
      const inserted = await insertMembership(tx, {
        id,
        childId: reg.childId,
        track: reg.track,
        since: reg.since,
        municipalityCode: reg.municipalityCode,
        problemArea: reg.problemArea,
        diagnosisCode: reg.diagnosis?.sks ?? null,
        relation: reg.relation,
        registeredBySubject: ctx.principal.subject,
        registeredByName: ctx.principal.displayName,
        registeredBySector: ctx.principal.sector,
        registeredByOrganisation: ctx.principal.organisation,
        parties,
        patientConsentOn: reg.patientConsentOn,
        contactPhone: reg.contactPhone,
        notificationMessageId: messageId,
        notificationStatus: notify ? 'QUEUED' : null,
      });
      if (notify) {
        await outbox.enqueue(tx, {
          kind: 'relative-registration',
          to: 'municipality',
          messageId: messageId!,
          childId: reg.childId,
          payload: {
            registrationId: id,
            childId: reg.childId,
            birthDate: reg.birthDate,
            municipalityCode: reg.municipalityCode,
            relation: reg.relation!,
            registeredOn: reg.since,
            patientConsentOn: reg.patientConsentOn!,
            departmentSorCode: ctx.principal.organisation,
            contact: { name: ctx.principal.displayName, phone: reg.contactPhone },
          },
        });
      }
      await appendAccessLog(tx, sectorTables, [ctx.access.changeEntry(reg.childId, [MEMBERSHIP_PART])]);
      return inserted;
    });
    ctx.loaders.child.clear(reg.childId);
    return readMembership(ctx, row);
  } catch (error) {
    // Two registrations of the same child at once: the second meets the unique index, and is the same conflict.
    if (isUniqueViolation(error)) throw conflictError();
    throw error;
  }
}

/** The registering organisation, or the screening tracks' own clinical staff, end a membership. */
export async function endMembership(ctx: Context, id: string, input: { reason: string; endedOn?: string | null }): Promise<TrackMembershipRecord> {
  assertUuid(id, 'id', 'id is not a track membership id.');
  const row = await ctx.db.transaction(async (tx) => {
    const membership = await findMembershipForUpdate(tx, id);
    if (!membership) throw notFound(`No track membership with id ${id}.`, { field: 'id' });
    const registrant = membership.registeredBySector && partyOf(membership.registeredBySector, membership.registeredByOrganisation ?? '');
    const owner = screeningOwnership.sectors.includes(ctx.principal.sector);
    if (!hasClinicalRole(ctx.principal) || (!owner && registrant !== partyOfPrincipal(ctx.principal))) {
      throw forbidden('A track membership is ended by the organisation that registered the child, or by the screening tracks’ own clinical staff.', {
        field: 'id',
        rule: 'NOT_THE_REGISTRANT',
      });
    }
    if (membership.endedOn) throw conflict(`The membership ended already, on ${membership.endedOn}.`, { field: 'id' });
    const end = validateEnd(input, membership, ctx.access.today);
    const updated = await updateMembership(tx, id, { endedOn: end.endedOn, endReason: end.reason, endedBySubject: ctx.principal.subject });
    await appendAccessLog(tx, sectorTables, [ctx.access.changeEntry(membership.childId, [`${MEMBERSHIP_PART}.end`])]);
    return updated!;
  });
  ctx.loaders.child.clear(row.childId);
  return readMembership(ctx, row);
}
