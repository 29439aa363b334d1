import { readFileSync } from 'node:fs';
import { licensedItemTextsSchema, type LicensedItemTexts } from './model.ts';

/**
 * Item texts a deployment holds a licence for (SDQ's belong to youthinmind, whose permission electronic use needs),
 * kept out of the repository and loaded at start-up. The file is JSON: one document or a list of them, each
 * `{ instrument, language, licence: { holder, reference }, items: { <versionId>: { <linkId>: text } }, answerOptions? }`.
 * Whether the texts fit the instrument's versions and items is checked when the registry is created.
 */
export function parseLicensedItemTexts(raw: unknown, source = 'licensed item texts'): LicensedItemTexts[] {
  const documents = Array.isArray(raw) ? raw : [raw];
  return documents.map((doc, i) => {
    const parsed = licensedItemTextsSchema.safeParse(doc);
    if (!parsed.success) {
      const where = documents.length > 1 ? `${source} [${i}]` : source;
      throw new Error(`${where} are malformed: ${parsed.error.issues.map((p) => `${p.path.map(String).join('.') || '(document)'}: ${p.message}`).join('; ')}`);
    }
    return parsed.data;
  });
}

/** Reads and parses the file a deployment configured (e.g. from its environment); throws naming the file on error. */
export function loadLicensedItemTextsFile(path: string): LicensedItemTexts[] {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read licensed item texts from ${path}: ${(error as Error).message}`);
  }
  return parseLicensedItemTexts(json, path);
}
