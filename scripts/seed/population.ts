import { REGION_MIDTJYLLAND_MUNICIPALITIES, type MunicipalityCode } from '@pathway-graph/shared';

/**
 * Population of the 19 municipalities of Region Midtjylland on 1 January 2013 (Danmarks Statistik, FOLK1A; see
 * README.md beside this file for the source and why these figures). Only their shares are used: the region seed
 * spreads its children over the municipalities in proportion to them.
 */
export const POPULATION_2013: Readonly<Record<MunicipalityCode, number>> = {
  710: 47_156, // Favrskov
  766: 45_868, // Hedensted
  657: 86_595, // Herning
  661: 57_254, // Holstebro
  615: 84_871, // Horsens
  756: 40_468, // Ikast-Brande
  665: 21_223, // Lemvig
  707: 38_035, // Norddjurs
  727: 21_800, // Odder
  730: 96_007, // Randers
  760: 57_259, // Ringkøbing-Skjern
  741: 3_806, // Samsø
  740: 89_346, // Silkeborg
  746: 58_094, // Skanderborg
  779: 47_291, // Skive
  671: 21_846, // Struer
  706: 41_894, // Syddjurs
  791: 94_333, // Viborg
  751: 319_094, // Aarhus
};

/**
 * Splits `total` into whole numbers in proportion to the weights (largest remainder: each gets the floor of its share,
 * the units left over go to the largest fractions), so the parts always add up to `total` exactly. `minimum` lifts
 * every part to at least that many (taken from the largest parts), so a small municipality is never left out.
 */
export function allocate<K>(total: number, weights: ReadonlyMap<K, number>, minimum = 0): Map<K, number> {
  if (!Number.isInteger(total) || total < 0) throw new Error(`total must be a whole number of at least 0, not ${total}`);
  if (weights.size === 0) throw new Error('allocate needs at least one weight');
  if (minimum * weights.size > total) throw new Error(`cannot give ${weights.size} parts at least ${minimum} each out of ${total}`);
  const sum = [...weights.values()].reduce((s, w) => s + w, 0);
  if (!(sum > 0) || [...weights.values()].some((w) => !(w >= 0))) throw new Error('the weights must be 0 or more and add up to more than 0');
  const shares = [...weights].map(([key, weight], order) => ({ key, order, exact: (total * weight) / sum }));
  const parts = new Map<K, number>(shares.map(({ key, exact }) => [key, Math.floor(exact)]));
  const left = total - [...parts.values()].reduce((s, n) => s + n, 0);
  // Ties go to the earlier key, so the result never depends on the engine's sort.
  const byRemainder = [...shares].sort((a, b) => b.exact - Math.floor(b.exact) - (a.exact - Math.floor(a.exact)) || a.order - b.order);
  for (const { key } of byRemainder.slice(0, left)) parts.set(key, parts.get(key)! + 1);
  for (const key of weights.keys()) {
    while (parts.get(key)! < minimum) {
      const [largest, size] = [...parts].reduce((a, b) => (b[1] > a[1] ? b : a));
      parts.set(largest, size - 1);
      parts.set(key, parts.get(key)! + 1);
    }
  }
  return parts;
}

/** How many of `total` children live in each municipality, by the municipalities' population shares. */
export function childrenPerMunicipality(total: number): Map<MunicipalityCode, number> {
  return allocate(total, populationWeights(), 1);
}

/** The municipalities in the agreement's order, each with its population. */
export function populationWeights(): Map<MunicipalityCode, number> {
  return new Map(REGION_MIDTJYLLAND_MUNICIPALITIES.map((m) => [m.code, POPULATION_2013[m.code]]));
}
