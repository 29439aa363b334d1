import {
  appendAccessLog,
  assertMunicipalityCode,
  assertUuid,
  badUserInput,
  conflict,
  decodeCursor,
  isUuid,
  notFound,
  pageSize,
  toConnection,
} from '@pathway-graph/shared';
import type { Context } from '../context.ts';
import {
  findRelativeRegistrationForUpdate,
  findRelativeRegistrationsByIds,
  listRelativeRegistrations as listRows,
  markRelativeRegistrationTaken,
  type RelativeRegistrationRecord,
} from '../db/relatives.ts';
import { accessLog, consents, type RelativeRegistrationStatus } from '../db/schema.ts';
import { assertFamilyServicesOf } from './rules.ts';

/**
 * The family services' worklist of track-3 registrations (children who are relatives of a psychiatric patient),
 * received from screening. Guard (the municipality's own family services), read through the access guard so every
 * look is logged, and changes with their access-log entry in the change's transaction.
 */

const sectorTables = { consents, accessLog };
export const RELATIVE_REGISTRATION_PART = 'relativeRegistration';

/** A registration is the child's personal data, owned by the receiving municipality. */
async function readRegistration(ctx: Context, row: RelativeRegistrationRecord): Promise<RelativeRegistrationRecord> {
  await ctx.access.read(
    { id: row.childId, known: true, birthDate: row.birthDate, ownerOrganisation: String(row.municipalityCode) },
    RELATIVE_REGISTRATION_PART,
    'the track-3 registration (the child is a relative of a psychiatric patient)',
  );
  return row;
}

export interface WorklistArgs {
  municipalityCode: number;
  status?: RelativeRegistrationStatus | null;
  first?: number | null;
  after?: string | null;
}

export async function listRelativeRegistrations(ctx: Context, args: WorklistArgs) {
  assertMunicipalityCode(args.municipalityCode, 'municipalityCode');
  assertFamilyServicesOf(ctx.principal, args.municipalityCode);
  const size = pageSize(args.first);
  const after = decodeCursor(args.after);
  if (after !== undefined && !isUuid(after)) {
    throw badUserInput('after is not a cursor returned by this API; pass pageInfo.endCursor of the previous page.', { field: 'after' });
  }
  const rows = await listRows(ctx.db, { municipalityCode: args.municipalityCode, status: args.status ?? null }, size + 1, after);
  // All at once, so the access guard handles the whole page together.
  await Promise.all(rows.slice(0, size).map((row) => readRegistration(ctx, row)));
  return toConnection(rows, size, (r) => r.id, (r) => r);
}

function assertRegistrationId(id: string): string {
  return assertUuid(id, 'id', 'id is not a registration id; use the id of a registration from the worklist.');
}

export async function getRelativeRegistration(ctx: Context, id: string): Promise<RelativeRegistrationRecord> {
  const [row] = await findRelativeRegistrationsByIds(ctx.db, [assertRegistrationId(id)]);
  if (!row) throw notFound(`No track-3 registration with id ${id}; it may have been sent to another municipality.`, { field: 'id' });
  assertFamilyServicesOf(ctx.principal, row.municipalityCode, 'id');
  return readRegistration(ctx, row);
}

/** A caseworker takes the registration: it leaves the NEW list, with who took it and when. */
export async function takeRelativeRegistration(ctx: Context, id: string): Promise<RelativeRegistrationRecord> {
  await ctx.db.transaction(async (tx) => {
    const row = await findRelativeRegistrationForUpdate(tx, assertRegistrationId(id));
    if (!row) throw notFound(`No track-3 registration with id ${id}; it may have been sent to another municipality.`, { field: 'id' });
    const role = assertFamilyServicesOf(ctx.principal, row.municipalityCode, 'id');
    if (row.status === 'TAKEN') {
      throw conflict(`This registration was taken already, at ${row.takenAt ?? 'an unknown time'}; it is in the TAKEN list.`, { field: 'id' });
    }
    await markRelativeRegistrationTaken(tx, row.id, { subject: ctx.principal.subject, name: ctx.principal.displayName, role, at: new Date().toISOString() });
    await appendAccessLog(tx, sectorTables, [ctx.access.changeEntry(row.childId, [`${RELATIVE_REGISTRATION_PART}.status`])]);
  });
  const [row] = await findRelativeRegistrationsByIds(ctx.db, [id]);
  return readRegistration(ctx, row!);
}
