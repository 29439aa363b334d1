/**
 * The README's typed operation for front ends: the client preset's output from the committed supergraph is committed
 * and fresh, and the example operation type-checks against it (and a selection of a field the API does not have
 * does not).
 */
import { generate } from '@graphql-codegen/cli';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import config from './codegen.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Diagnostics of type-checking `file` with the project's compiler options. */
function typeErrors(file: string): string[] {
  const { config: tsconfig } = ts.readConfigFile(join(ROOT, 'tsconfig.json'), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(tsconfig, ts.sys, ROOT);
  const program = ts.createProgram([file], options);
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('typed operations for front ends (GraphQL Code Generator, client preset)', () => {
  it('are generated from the committed supergraph into the committed files', async () => {
    const cwd = process.cwd();
    process.chdir(ROOT);
    try {
      const outputs = (await generate({ ...config, silent: true }, false)) as { filename: string; content: string }[];
      expect(outputs.length).toBeGreaterThan(0);
      for (const { filename, content } of outputs) expect(readFileSync(join(ROOT, filename), 'utf8'), filename).toBe(content);
    } finally {
      process.chdir(cwd);
    }
  }, 120_000);

  it('type-check the README’s example operation, and refuse a field the API does not have', () => {
    expect(typeErrors(join(ROOT, 'test/frontend/example.ts'))).toEqual([]);
    const dir = mkdtempSync(join(ROOT, 'test/frontend/.tmp-'));
    try {
      const wrong = join(dir, 'wrong.ts');
      writeFileSync(
        wrong,
        `import type { ChildOverviewQuery } from '../generated/graphql.ts';\nexport const f = (d: ChildOverviewQuery) => d.childByCpr?.cprNumber;\n`,
      );
      expect(typeErrors(wrong).join('\n')).toMatch(/cprNumber/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
