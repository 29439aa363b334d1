import { eq } from 'drizzle-orm';
import type { MunicipalityDb } from './repository.ts';
import { children } from './schema.ts';

/** The child's CPR number, which a referral message must carry (never returned by the API). */
export async function findChildCpr(db: MunicipalityDb, childId: string): Promise<string | null> {
  const [row] = await db.select({ cpr: children.cpr }).from(children).where(eq(children.id, childId));
  return row?.cpr ?? null;
}
