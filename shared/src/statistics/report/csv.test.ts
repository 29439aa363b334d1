import { describe, expect, it } from 'vitest';
import { CSV_BOM, csvField, csvValue, toCsv } from './csv.ts';
import { hidden, shown } from './fixtures.ts';
import type { ReportTable } from './sections.ts';

/** A strict RFC 4180 reader, to prove the writer's output reads back as written. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (c === '"') {
        quoted = false;
        i += 1;
      } else {
        field += c;
        i += 1;
      }
    } else if (c === '"' && field === '') {
      quoted = true;
      i += 1;
    } else if (c === ',') {
      row.push(field);
      field = '';
      i += 1;
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 2;
    } else {
      if (c === '\n' || c === '\r' || c === '"') throw new Error(`bare ${JSON.stringify(c)} at ${i}`);
      field += c;
      i += 1;
    }
  }
  if (field !== '' || row.length > 0) throw new Error('the last line has no CRLF');
  return rows;
}

const table: ReportTable = {
  id: 'letters-known',
  title: 'Share of letters about children already known',
  rowHeader: 'Area',
  columns: [
    { label: 'Letters, 2025-2026', unit: 'count' },
    { label: 'Known, "all" letters', unit: 'share' },
    { label: 'Median, reply', unit: 'working days' },
  ],
  rows: [
    { key: 'REGION', label: 'Region Midtjylland', level: 'region', cells: [shown(2836), shown(0.6974), shown(3)] },
    { key: 'VEST', label: 'Vestklyngen, "Gødstrup"', level: 'cluster', cells: [shown(700), hidden, null] },
    { key: '741', label: 'Samsø\nkommune', level: 'municipality', cells: [hidden, hidden, hidden] },
  ],
};

describe('CSV', () => {
  it('quotes fields with commas, quotes and line breaks, doubling the quotes (RFC 4180)', () => {
    expect(csvField('Aarhus')).toBe('Aarhus');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });

  it('writes counts and days as integers, shares as percent, hidden values as x and nothing for not applicable', () => {
    expect(csvValue(shown(2836), 'count')).toBe('2836');
    expect(csvValue(shown(0.6974), 'share')).toBe('69.7');
    expect(csvValue(shown(3), 'days')).toBe('3');
    expect(csvValue(hidden, 'count')).toBe('x');
    expect(csvValue(null, 'share')).toBe('');
  });

  it('starts with a byte-order mark, ends every line with CRLF and reads back as written', () => {
    const csv = toCsv(table);
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(parseCsv(csv.slice(CSV_BOM.length))).toEqual([
      ['Area', 'Area code', 'Level', 'Letters, 2025-2026', 'Known, "all" letters (%)', 'Median, reply (working days)'],
      ['Region Midtjylland', 'REGION', 'region', '2836', '69.7', '3'],
      ['Vestklyngen, "Gødstrup"', 'VEST', 'cluster', '700', 'x', ''],
      ['Samsø\nkommune', '741', 'municipality', 'x', 'x', 'x'],
    ]);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });
});
