import { readFileSync } from 'node:fs';
import { bandTableSchema, type BandTable } from './model.ts';

/**
 * Band tables a deployment adds as data (Danish norms, where it has them: "another band table, not code"), kept out
 * of the repository and loaded at start-up. The file is JSON: one table or a list of them, each in the shape of
 * `BandTable` (`model.ts`): `{ id, instrument, label, sources, entries: [{ versions, score, sex?, ages?, bands,
 * verification }] }`. Whether a table fits its instrument (versions, scores, every value of a score's range in exactly
 * one band) and that its id is new is checked when the registry is created.
 */
export function parseBandTables(raw: unknown, source = 'band tables'): BandTable[] {
  const documents = Array.isArray(raw) ? raw : [raw];
  if (documents.length === 0) throw new Error(`${source} hold no band table: give one table or a list of them`);
  return documents.map((doc, i) => {
    const parsed = bandTableSchema.safeParse(doc);
    if (!parsed.success) {
      const id = typeof doc === 'object' && doc !== null && typeof (doc as { id?: unknown }).id === 'string' ? ` (${(doc as { id: string }).id})` : '';
      const where = documents.length > 1 ? `${source} [${i}]${id}` : `${source}${id}`;
      throw new Error(`${where} is malformed: ${parsed.error.issues.map((p) => `${p.path.map(String).join('.') || '(table)'}: ${p.message}`).join('; ')}`);
    }
    return parsed.data;
  });
}

/** Reads and parses the file a deployment configured (SCREENING_BAND_TABLES_FILE); throws naming the file on error. */
export function loadBandTablesFile(path: string): BandTable[] {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read band tables from ${path}: ${(error as Error).message}`);
  }
  return parseBandTables(json, path);
}
