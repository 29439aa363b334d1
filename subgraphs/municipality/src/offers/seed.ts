import { DEMO_OFFERS } from '@pathway-graph/shared/demo/demo-offers';
import { countOffers, insertOffers } from '../db/offers.ts';
import type { MunicipalityDb } from '../db/repository.ts';

/** Seeds the synthetic demo offers into an empty catalogue; a catalogue with anything in it is left as it is. */
export async function seedDemoOffers(db: MunicipalityDb): Promise<number> {
  if ((await countOffers(db)) > 0) return 0;
  await insertOffers(
    db,
    DEMO_OFFERS.map((o) => ({ ...o, createdBy: 'demo:seed', synthetic: true })),
  );
  return DEMO_OFFERS.length;
}
