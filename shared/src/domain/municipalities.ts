import { badUserInput } from '../errors.ts';

/** The agreement is between Region Midtjylland and exactly these 19 municipalities (kommunekoder). */
export const REGION_MIDTJYLLAND_MUNICIPALITIES = [
  { code: 615, name: 'Horsens' },
  { code: 657, name: 'Herning' },
  { code: 661, name: 'Holstebro' },
  { code: 665, name: 'Lemvig' },
  { code: 671, name: 'Struer' },
  { code: 706, name: 'Syddjurs' },
  { code: 707, name: 'Norddjurs' },
  { code: 710, name: 'Favrskov' },
  { code: 727, name: 'Odder' },
  { code: 730, name: 'Randers' },
  { code: 740, name: 'Silkeborg' },
  { code: 741, name: 'Samsø' },
  { code: 746, name: 'Skanderborg' },
  { code: 751, name: 'Aarhus' },
  { code: 756, name: 'Ikast-Brande' },
  { code: 760, name: 'Ringkøbing-Skjern' },
  { code: 766, name: 'Hedensted' },
  { code: 779, name: 'Skive' },
  { code: 791, name: 'Viborg' },
] as const satisfies readonly { code: number; name: string }[];

export type Municipality = (typeof REGION_MIDTJYLLAND_MUNICIPALITIES)[number];
export type MunicipalityCode = Municipality['code'];

const BY_CODE: ReadonlyMap<number, string> = new Map(REGION_MIDTJYLLAND_MUNICIPALITIES.map((m) => [m.code, m.name]));

export function isRegionMidtjyllandMunicipalityCode(code: unknown): code is MunicipalityCode {
  return typeof code === 'number' && BY_CODE.has(code);
}

export function assertMunicipalityCode(code: number, field = 'municipalityCode'): MunicipalityCode {
  if (!isRegionMidtjyllandMunicipalityCode(code)) {
    const known = REGION_MIDTJYLLAND_MUNICIPALITIES.map((m) => `${m.code} ${m.name}`).join(', ');
    throw badUserInput(
      `Unknown municipality code ${String(code)}: not one of the 19 municipalities of Region Midtjylland (${known})`,
      { field },
    );
  }
  return code;
}

/** The name, or undefined for a code outside Region Midtjylland. */
export function municipalityName(code: number): string | undefined {
  return BY_CODE.get(code);
}
