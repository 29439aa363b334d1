import type { RunningSystem } from '@pathway-graph/scripts/launcher/system';
import { childPseudonym, requiredConsentingParty, toIsoDate, uuid7, type Sector, type SectorTables } from '@pathway-graph/shared';
import { accessLog as buaLog, consents as buaConsents } from '@pathway-graph/bua/db/schema';
import { accessLog as gpLog, consents as gpConsents } from '@pathway-graph/general-practice/db/schema';
import { accessLog as screeningLog, consents as screeningConsents } from '@pathway-graph/screening/db/schema';
import { insertChildren as insertBuaChildren, type BuaDb } from '@pathway-graph/bua/db/repository';
import { insertPracticesAndChildren, type GeneralPracticeDb } from '@pathway-graph/general-practice/db/repository';
import { insertChildren as insertMunicipalChildren, type MunicipalityDb } from '@pathway-graph/municipality/db/repository';
import { insertChildren as insertScreeningChildren, type ScreeningDb } from '@pathway-graph/screening/db/repository';
import { TEST_PSEUDONYM_SECRET } from './databases.ts';

export interface TestChild {
  id: string;
  cpr: string;
  birthDate: string;
}

/** `count` synthetic children born 2010-2024 with distinct CPR numbers (7th digit 4: born in the 2000s). */
export function syntheticChildren(count: number, offset = 0): TestChild[] {
  return Array.from({ length: count }, (_, i) => {
    const n = i + offset;
    const year = 2010 + (n % 15);
    const month = 1 + (n % 12);
    const day = 1 + (n % 28);
    const cpr = `${String(day).padStart(2, '0')}${String(month).padStart(2, '0')}${String(year % 100).padStart(2, '0')}${String(4000 + (n % 1000)).padStart(4, '0')}`;
    return { id: childPseudonym(cpr, TEST_PSEUDONYM_SECRET), cpr, birthDate: toIsoDate(year, month, day) };
  });
}

/**
 * Makes every sector know the children, as each sector's own records would: the municipality (with an open case
 * for every other child), their GP practice, BUA and screening (track 1).
 */
export async function registerEverywhere(
  system: RunningSystem,
  children: readonly TestChild[],
  {
    municipalityCode,
    practice,
    consentTo = [],
  }: { municipalityCode: number; practice: { ydernummer: string; name: string; locationNumber: string }; consentTo?: Sector[] },
): Promise<void> {
  await insertMunicipalChildren(
    system.databases.municipality.db as unknown as MunicipalityDb,
    children.map((c, i) => ({ ...c, residenceMunicipalityCode: municipalityCode, synthetic: true, openCaseSince: i % 2 === 0 ? '2026-01-05' : null })),
  );
  await insertPracticesAndChildren(
    system.databases['general-practice'].db as unknown as GeneralPracticeDb,
    [{ ...practice, municipalityCode, synthetic: true }],
    // The practice's record has each child's (synthetic) name: a MedCom letter carries it.
    children.map((c, i) => ({ ...c, givenNames: 'Testbarn', familyName: `Syntetisk${i + 1}`, listedPractice: practice.ydernummer, synthetic: true })),
  );
  await insertBuaChildren(
    system.databases.bua.db as unknown as BuaDb,
    children.map((c) => ({ id: c.id, cpr: c.cpr, registeredOn: '2026-04-01', synthetic: true })),
  );
  await insertScreeningChildren(
    system.databases.screening.db as unknown as ScreeningDb,
    children.map((c) => ({ id: c.id, birthDate: c.birthDate, synthetic: true, tracks: [{ track: 'RECOGNISED_MENTAL_PROBLEMS' as const, since: '2026-02-01' }] })),
  );
  // Consents held by general practice, BUA and screening to disclose to the given sectors, for care coordination.
  const holders: [keyof RunningSystem['databases'], SectorTables][] = [
    ['general-practice', { consents: gpConsents, accessLog: gpLog }],
    ['bua', { consents: buaConsents, accessLog: buaLog }],
    ['screening', { consents: screeningConsents, accessLog: screeningLog }],
  ];
  for (const [name, tables] of holders) {
    const rows = children.flatMap((c) =>
      consentTo.map((recipientSector) => ({
        id: uuid7(),
        childId: c.id,
        givenBy: requiredConsentingParty(c.birthDate, '2026-06-01'),
        givenOn: '2026-06-01',
        recipientSector,
        recipientOrganisation: null,
        purposes: ['CARE_COORDINATION' as const],
        validFrom: '2026-06-01',
        validUntil: null,
        recordedBy: 'test:fixture',
        recordedByOrganisation: 'test',
      })),
    );
    for (let i = 0; i < rows.length; i += 1000) await system.databases[name].db.insert(tables.consents).values(rows.slice(i, i + 1000));
  }
}
