/**
 * `npx tsx scripts/generate-icd10-chapter-f.ts <SKScomplete.txt> [--on YYYY-MM-DD] > shared/src/domain/icd10/chapter-f.ts`:
 * the chapter F table from Sundhedsdatastyrelsen's SKS file, valid on the given day (default today). See
 * shared/src/domain/icd10/README.md for where the file comes from.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { chapterFEntries, renderChapterFModule } from '../shared/src/domain/icd10/sks-file.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { on: { type: 'string' } } });
const file = positionals[0];
if (!file) {
  console.error('Usage: npx tsx scripts/generate-icd10-chapter-f.ts <SKScomplete.txt> [--on YYYY-MM-DD]');
  process.exit(1);
}
const on = (values.on ?? new Date().toISOString().slice(0, 10)).replaceAll('-', '');
const entries = chapterFEntries(readFileSync(file, 'latin1'), on);
if (entries.length === 0) {
  console.error('No chapter F diagnosis codes (record type "dia", DF..) found: is this the SKScomplete file?');
  process.exit(1);
}
process.stdout.write(renderChapterFModule(entries, `${basename(file)}, valid on ${on}`));
