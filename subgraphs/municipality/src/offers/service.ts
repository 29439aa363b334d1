import {
  assertMunicipalityCode,
  assertUuid,
  badUserInput,
  conflict,
  decodeCursor,
  isUuid,
  notFound,
  pageSize,
  parseIsoDate,
  toConnection,
  uuid7,
} from '@pathway-graph/shared';
import DataLoader from 'dataloader';
import type { Context } from '../context.ts';
import { findOffersByIds, insertOffers, listOffers as listOfferRows, updateOffer as updateOfferRow } from '../db/offers.ts';
import type { MunicipalOfferRow, OfferAvailability, ScreeningTrack } from '../db/schema.ts';
import { assertMayManageOffers, filterAge, validateOffer, type OfferInput } from './rules.ts';

/**
 * The offer catalogue (reference data about services, no child's data): read by anyone signed in, kept by the
 * municipality's own staff. Guard, validate, store, in that order; changes carry who made them on the row.
 */

// One loader per request, kept beside the feature (so parallel branches do not meet in db/loaders.ts).
const loaders = new WeakMap<Context, DataLoader<string, MunicipalOfferRow | null>>();
function offerLoader(ctx: Context): DataLoader<string, MunicipalOfferRow | null> {
  let loader = loaders.get(ctx);
  if (!loader) {
    loader = new DataLoader(async (ids) => {
      const rows = await findOffersByIds(ctx.db, ids.filter(isUuid));
      return ids.map((id) => rows.find((r) => r.id === id) ?? null);
    });
    loaders.set(ctx, loader);
  }
  return loader;
}

function assertOfferId(id: string, field = 'id'): string {
  return assertUuid(id, field, `${field} is not an offer id; use the id of an offer from the municipality's catalogue.`);
}

export interface OfferListArgs {
  municipalityCode: number;
  track?: ScreeningTrack | null;
  age?: number | null;
  availability?: OfferAvailability | null;
  includeRetired?: boolean | null;
  first?: number | null;
  after?: string | null;
}

export async function listOffers(ctx: Context, args: OfferListArgs) {
  assertMunicipalityCode(args.municipalityCode, 'municipalityCode');
  const size = pageSize(args.first);
  const after = decodeCursor(args.after);
  if (after !== undefined && !isUuid(after)) {
    throw badUserInput('after is not a cursor returned by this API; pass pageInfo.endCursor of the previous page.', { field: 'after' });
  }
  const rows = await listOfferRows(
    ctx.db,
    {
      municipalityCode: args.municipalityCode,
      track: args.track ?? null,
      age: filterAge(args.age),
      availability: args.availability ?? null,
      includeRetired: args.includeRetired ?? false,
    },
    size + 1,
    after,
  );
  for (const row of rows) offerLoader(ctx).prime(row.id, row);
  return toConnection(rows, size, (o) => o.id, (o) => o);
}

/** An offer by id, batched across a request (action plans name several); null when there is none. */
export function findOffer(ctx: Context, id: string): Promise<MunicipalOfferRow | null> {
  return offerLoader(ctx).load(id);
}

export async function getOffer(ctx: Context, id: string): Promise<MunicipalOfferRow> {
  const row = await findOffer(ctx, assertOfferId(id));
  if (!row) throw notFound(`No offer with id ${id} in any municipality's catalogue.`, { field: 'id' });
  return row;
}

export async function createOffer(ctx: Context, input: OfferInput & { municipalityCode: number }): Promise<MunicipalOfferRow> {
  assertMunicipalityCode(input.municipalityCode, 'input.municipalityCode');
  assertMayManageOffers(ctx.principal, input.municipalityCode, 'input.municipalityCode');
  const values = validateOffer(input);
  const [row] = await insertOffers(ctx.db, [{ id: uuid7(), municipalityCode: input.municipalityCode, ...values, createdBy: ctx.principal.subject }]);
  return row!;
}

export async function updateOffer(ctx: Context, id: string, input: OfferInput): Promise<MunicipalOfferRow> {
  const current = await getOffer(ctx, id);
  assertMayManageOffers(ctx.principal, current.municipalityCode, 'id');
  if (current.retiredOn) throw conflict(`The offer was retired on ${current.retiredOn}; add a new offer instead of changing a retired one.`, { field: 'id' });
  // Fields left out keep their value.
  const merged: OfferInput = {
    name: input.name ?? current.name,
    kind: input.kind ?? current.kind,
    targetGroup: input.targetGroup ?? current.targetGroup,
    tracks: input.tracks ?? current.tracks,
    minAge: input.minAge ?? current.minAge,
    maxAge: input.maxAge ?? current.maxAge,
    contact: input.contact ?? current.contact,
    availability: input.availability ?? current.availability,
  };
  const values = validateOffer(merged);
  const row = await updateOfferRow(ctx.db, current.id, { ...values, updatedBy: ctx.principal.subject, updatedAt: new Date().toISOString() });
  offerLoader(ctx).clear(current.id);
  return row!;
}

/** Retires an offer: it stays in the catalogue (plans made with it keep resolving) and can no longer be chosen. */
export async function retireOffer(ctx: Context, id: string, retiredOn: string | null | undefined): Promise<MunicipalOfferRow> {
  const current = await getOffer(ctx, id);
  assertMayManageOffers(ctx.principal, current.municipalityCode, 'id');
  if (current.retiredOn) throw conflict(`The offer was retired already, on ${current.retiredOn}.`, { field: 'id' });
  const day = retiredOn == null ? ctx.access.today : parseIsoDate(retiredOn, 'retiredOn');
  if (day > ctx.access.today) throw badUserInput(`retiredOn ${day} lies in the future; retire the offer on the day it ends.`, { field: 'retiredOn' });
  const row = await updateOfferRow(ctx.db, current.id, { retiredOn: day, updatedBy: ctx.principal.subject, updatedAt: new Date().toISOString() });
  offerLoader(ctx).clear(current.id);
  return row!;
}
