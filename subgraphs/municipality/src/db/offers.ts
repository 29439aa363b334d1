import { and, arrayContains, asc, eq, gt, gte, inArray, isNull, lte, type SQL } from 'drizzle-orm';
import type { MunicipalityDb } from './repository.ts';
import { municipalOffers, type MunicipalOfferRow, type OfferAvailability, type ScreeningTrack } from './schema.ts';

/** What the catalogue is filtered by; every filter optional but the municipality. */
export interface OfferFilter {
  municipalityCode: number;
  track?: ScreeningTrack | null;
  /** Only offers whose age range includes this age. */
  age?: number | null;
  availability?: OfferAvailability | null;
  includeRetired: boolean;
}

/** One page of a municipality's catalogue in id order; fetches `limit` rows (callers ask for one extra). */
export async function listOffers(db: MunicipalityDb, f: OfferFilter, limit: number, afterId: string | undefined): Promise<MunicipalOfferRow[]> {
  const conditions: (SQL | undefined)[] = [
    eq(municipalOffers.municipalityCode, f.municipalityCode),
    f.track ? arrayContains(municipalOffers.tracks, [f.track]) : undefined,
    f.age != null ? and(lte(municipalOffers.minAge, f.age), gte(municipalOffers.maxAge, f.age)) : undefined,
    f.availability ? eq(municipalOffers.availability, f.availability) : undefined,
    f.includeRetired ? undefined : isNull(municipalOffers.retiredOn),
    afterId === undefined ? undefined : gt(municipalOffers.id, afterId),
  ];
  return db
    .select()
    .from(municipalOffers)
    .where(and(...conditions))
    .orderBy(asc(municipalOffers.id))
    .limit(limit);
}

export async function findOffersByIds(db: MunicipalityDb, ids: readonly string[]): Promise<MunicipalOfferRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(municipalOffers).where(inArray(municipalOffers.id, [...ids]));
}

export async function insertOffers(db: MunicipalityDb, rows: (typeof municipalOffers.$inferInsert)[]): Promise<MunicipalOfferRow[]> {
  if (rows.length === 0) return [];
  return db.insert(municipalOffers).values(rows).returning();
}

export async function updateOffer(
  db: MunicipalityDb,
  id: string,
  values: Partial<typeof municipalOffers.$inferInsert>,
): Promise<MunicipalOfferRow | undefined> {
  const [row] = await db.update(municipalOffers).set(values).where(eq(municipalOffers.id, id)).returning();
  return row;
}

export async function countOffers(db: MunicipalityDb): Promise<number> {
  return db.$count(municipalOffers);
}
