/**
 * The boundaries of the architecture, checked on every file of the repository (committed or not):
 * - a subgraph never depends on another subgraph's code (cross-sector hand-overs are messages);
 * - the gateway depends on no subgraph (the whole-system launcher lives in scripts/launcher/);
 * - shared/ depends on neither the gateway nor a subgraph;
 * - within a subgraph's src/, only src/db/ imports drizzle-orm (resolver -> service -> repository);
 * - no file reads anything outside the repository, and no document points outside it.
 * "Depends" follows imports through project files, so importing test support that starts every subgraph counts.
 */
// The registry alone, not the shared index: the check must run even when the code it checks does not load.
import { SUBGRAPH_NAMES, SUBGRAPHS } from '@pathway-graph/shared/registry';
import { readdirSync, readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Files under a subgraph's src/ that import drizzle-orm outside src/db/ today. Being moved into repositories (issue 7
 * §3); the list may only shrink: a file listed here that no longer imports drizzle-orm fails the test too.
 */
const KNOWN_DRIZZLE_OFFENDERS: readonly string[] = [];

/** Documents still pointing outside the repository (docs/ replaced the last of them; the list may only shrink). */
const KNOWN_POINTERS_OUTSIDE: readonly string[] = [];

const ROOT = fileURLToPath(new URL('../', import.meta.url)).replace(/\/$/, '');
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.data', '.test-results', 'coverage', 'dist']);
const CODE = /\.(ts|mts|cts|js|mjs|cjs)$/;
/** Configuration and scripts that could name a path: package.json scripts, compose files, shell, SQL, Dockerfile. */
const TEXT = /(\.(json|ya?ml|sh|sql)|(^|\/)Dockerfile|^\.ci\/[^/]+)$/;
/** Material that exists beside the repository on the machines it was written on, never in a clone. */
const OUTSIDE_MATERIAL = [/medcom-examples/, /(^|[/'"`])seeds\//, /\/work\//];

function walk(folder = ''): string[] {
  return readdirSync(posix.join(ROOT, folder), { withFileTypes: true }).flatMap((entry) => {
    const path = folder ? `${folder}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return SKIPPED_FOLDERS.has(entry.name) ? [] : walk(path);
    return entry.isFile() ? [path] : [];
  });
}

const files = walk();
const codeFiles = files.filter((f) => CODE.test(f));

interface Workspace {
  folder: string;
  exports: Record<string, string>;
}
const workspaces = new Map<string, Workspace>();
for (const path of files.filter((f) => f.endsWith('/package.json') && f.split('/').length <= 3)) {
  const manifest = JSON.parse(readFileSync(posix.join(ROOT, path), 'utf8')) as { name?: string; exports?: Record<string, string> };
  if (manifest.name?.startsWith('@pathway-graph/')) workspaces.set(manifest.name, { folder: posix.dirname(path), exports: manifest.exports ?? {} });
}

/** Where an import specifier leads: a file of the repository (maybe outside it: `../` too far) or an npm package. */
function resolveImport(from: string, specifier: string): { file: string } | { npmPackage: string } {
  if (specifier.startsWith('.')) return { file: posix.normalize(posix.join(posix.dirname(from), specifier)) };
  const [scopeOrName = '', maybeName] = specifier.split('/');
  const packageName = scopeOrName.startsWith('@') ? `${scopeOrName}/${maybeName}` : scopeOrName;
  const workspace = workspaces.get(packageName);
  if (!workspace) return { npmPackage: packageName };
  const subpath = `.${specifier.slice(packageName.length)}`;
  for (const [pattern, target] of Object.entries(workspace.exports)) {
    const star = pattern.indexOf('*');
    if (star < 0 && pattern === subpath) return { file: posix.join(workspace.folder, target) };
    if (star >= 0 && subpath.startsWith(pattern.slice(0, star)) && subpath.endsWith(pattern.slice(star + 1))) {
      const matched = subpath.slice(star, subpath.length - (pattern.length - star - 1));
      return { file: posix.join(workspace.folder, target.replace('*', matched)) };
    }
  }
  // Not exported: still that workspace's code, so it counts as depending on the workspace.
  return { file: posix.join(workspace.folder, subpath) };
}

const imports = new Map<string, { specifier: string; file?: string; npmPackage?: string }[]>();
for (const file of codeFiles) {
  const { importedFiles } = ts.preProcessFile(readFileSync(posix.join(ROOT, file), 'utf8'), true, true);
  imports.set(
    file,
    importedFiles.map(({ fileName: specifier }) => ({ specifier, ...resolveImport(file, specifier) })),
  );
}

type Area = 'shared' | 'gateway' | 'scripts' | 'test' | 'outside' | 'root' | `subgraph ${string}`;
function areaOf(file: string): Area {
  if (file.startsWith('../') || file === '..') return 'outside';
  for (const name of SUBGRAPH_NAMES) if (file.startsWith(`${SUBGRAPHS[name].folder}/`)) return `subgraph ${name}`;
  const top = file.split('/')[0];
  return top === 'shared' || top === 'gateway' || top === 'scripts' || top === 'test' ? top : 'root';
}

/** The first chain of imports from `start` to a file whose area `forbidden` refuses, e.g. `[a.ts, b.ts, c.ts]`. */
function forbiddenChain(start: string, forbidden: (area: Area) => boolean): string[] | undefined {
  const parent = new Map<string, string | null>([[start, null]]);
  const queue = [start];
  while (queue.length) {
    const file = queue.shift()!;
    for (const target of imports.get(file) ?? []) {
      if (!target.file || parent.has(target.file)) continue;
      parent.set(target.file, file);
      if (forbidden(areaOf(target.file))) {
        const chain = [target.file];
        for (let at = parent.get(target.file); at; at = parent.get(at)) chain.unshift(at);
        return chain;
      }
      if (imports.has(target.file)) queue.push(target.file);
    }
  }
  return undefined;
}

/**
 * One line per import that crosses into a forbidden area, however many files reach it: `x.ts imports y (y.ts)`,
 * and, when the crossing lies in a dependency, which of the checked files reach it.
 */
function dependencyViolations(from: (area: Area) => boolean, forbidden: (own: Area, target: Area) => boolean, why: string): string[] {
  const crossings = new Map<string, string[]>();
  for (const file of codeFiles.filter((f) => from(areaOf(f)))) {
    const own = areaOf(file);
    const chain = forbiddenChain(file, (target) => forbidden(own, target));
    if (!chain) continue;
    const [importer, imported] = chain.slice(-2) as [string, string];
    const specifier = imports.get(importer)!.find((i) => i.file === imported)!.specifier;
    const crossing = `${importer} imports ${specifier}${specifier === imported ? '' : ` (${imported})`}`;
    crossings.set(crossing, [...(crossings.get(crossing) ?? []), ...(chain.length > 2 ? [chain.join(' -> ')] : [])]);
  }
  return [...crossings].map(([crossing, via]) =>
    via.length ? `${crossing}, reached by ${via[0]}${via.length > 1 ? ` and ${via.length - 1} more` : ''}: ${why}` : `${crossing}: ${why}`,
  );
}

const isSubgraph = (area: Area) => area.startsWith('subgraph ');

/** Files under a subgraph's src/ but outside its src/db/ that import drizzle-orm, and what they import. */
function drizzleImportsOutsideDb(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const name of SUBGRAPH_NAMES) {
    const src = `${SUBGRAPHS[name].folder}/src/`;
    for (const file of codeFiles.filter((f) => f.startsWith(src) && !f.startsWith(`${src}db/`))) {
      const drizzle = (imports.get(file) ?? []).filter((i) => i.npmPackage === 'drizzle-orm').map((i) => i.specifier);
      if (drizzle.length) found.set(file, drizzle);
    }
  }
  return found;
}

const isImportMetaUrl = (node: ts.Node | undefined) =>
  node !== undefined && ts.isPropertyAccessExpression(node) && ts.isMetaProperty(node.expression) && node.name.text === 'url';
const isModuleFolder = (node: ts.Node | undefined) =>
  node !== undefined &&
  ((ts.isIdentifier(node) && node.text === '__dirname') ||
    (ts.isPropertyAccessExpression(node) && ts.isMetaProperty(node.expression) && node.name.text === 'dirname'));
const literalHead = (node: ts.Node | undefined): string | undefined =>
  node === undefined ? undefined : ts.isStringLiteralLike(node) ? node.text : ts.isTemplateExpression(node) ? node.head.text : undefined;

/**
 * Paths in a file that lead outside the repository: a path relative to the module (`new URL('../…', import.meta.url)`,
 * `join(import.meta.dirname, '..', …)`) or to a configuration file that climbs above the root, and any mention of the
 * material that lives beside the repository on the machines it was written on.
 */
function pathsOutside(file: string): string[] {
  const text = readFileSync(posix.join(ROOT, file), 'utf8');
  const named: string[] = [];
  const relative: string[] = [];
  if (CODE.test(file)) {
    const visit = (node: ts.Node): void => {
      const head = literalHead(node);
      if (head !== undefined) named.push(head);
      if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'URL' && isImportMetaUrl(node.arguments?.[1])) {
        const path = literalHead(node.arguments?.[0]);
        if (path !== undefined) relative.push(path);
      }
      if (ts.isCallExpression(node) && isModuleFolder(node.arguments[0])) {
        const callee = ts.isPropertyAccessExpression(node.expression) ? node.expression.name.text : node.expression.getText();
        if (callee === 'join' || callee === 'resolve') {
          // The literal segments up to the first computed one: enough to see whether the path climbs out.
          const segments: string[] = [];
          for (const argument of node.arguments.slice(1)) {
            const segment = literalHead(argument);
            if (segment === undefined) break;
            segments.push(segment);
          }
          relative.push(segments.join('/'));
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true));
  } else {
    named.push(text);
    relative.push(...(text.match(/(?<![\w.])(?:\.\/)?(?:\.\.\/)+[^\s"'`)]*/g) ?? []));
  }
  const mentions = named.flatMap((value) => OUTSIDE_MATERIAL.flatMap((p) => (p.test(value) ? [value.length > 80 ? value.match(p)![0] : value] : [])));
  const climbing = relative.filter((value) => posix.normalize(posix.join(posix.dirname(file), value)).startsWith('../'));
  return [...new Set([...mentions, ...climbing])];
}

const MARKDOWN = files.filter((f) => f.endsWith('.md'));
function markdownPointersOutside(file: string): string[] {
  const text = readFileSync(posix.join(ROOT, file), 'utf8');
  const pointers = [...text.matchAll(/(?:\]\(|`)((?:\.\/)?(?:\.\.\/)+[^)`\s]*)/g)].map((m) => m[1]!);
  return pointers.filter((p) => posix.normalize(posix.join(posix.dirname(file), p)).startsWith('../'));
}

describe('the architecture', () => {
  it('finds the project’s code (the checks below look at every file)', () => {
    expect(codeFiles).toContain('gateway/src/gateway.ts');
    expect(codeFiles.filter((f) => areaOf(f).startsWith('subgraph ')).length).toBeGreaterThan(SUBGRAPH_NAMES.length * 5);
    expect(imports.get('gateway/src/gateway.ts')?.map((i) => i.file ?? i.npmPackage)).toContain('shared/src/index.ts');
  });

  it('lets no subgraph depend on another subgraph', () => {
    expect(
      dependencyViolations(
        isSubgraph,
        (own, target) => isSubgraph(target) && target !== own,
        'a subgraph never uses another sector’s code or database; hand data over as a message, or let the gateway join it',
      ),
    ).toEqual([]);
  });

  it('lets the gateway depend on no subgraph', () => {
    expect(
      dependencyViolations(
        (area) => area === 'gateway',
        (_, target) => isSubgraph(target) || target === 'scripts',
        'the gateway only routes to subgraphs by URL; code that starts subgraphs belongs in scripts/launcher/',
      ),
    ).toEqual([]);
  });

  it('lets shared/ depend on neither the gateway nor a subgraph', () => {
    expect(
      dependencyViolations(
        (area) => area === 'shared',
        (_, target) => isSubgraph(target) || target === 'gateway' || target === 'scripts',
        'shared/ is what every service builds on; what a sector owns lives in that sector, listed in shared/src/registry.ts',
      ),
    ).toEqual([]);
  });

  it('lets only a subgraph’s src/db/ import drizzle-orm (the known offenders excepted, while they still offend)', () => {
    const found = drizzleImportsOutsideDb();
    const violations = [...found]
      .filter(([file]) => !KNOWN_DRIZZLE_OFFENDERS.includes(file))
      .map(([file, specifiers]) => `${file} imports ${specifiers.join(', ')}: only src/db/ holds SQL and drizzle; call a repository function there`);
    const fixed = KNOWN_DRIZZLE_OFFENDERS.filter((file) => !found.has(file)).map(
      (file) => `${file} no longer imports drizzle-orm: remove it from KNOWN_DRIZZLE_OFFENDERS`,
    );
    expect([...violations, ...fixed]).toEqual([]);
  });

  it('lets no file read anything outside the repository', () => {
    const violations = [...codeFiles, ...files.filter((f) => TEXT.test(f) && !f.endsWith('package-lock.json'))]
      .filter((file) => file !== 'test/architecture.test.ts')
      .flatMap((file) => pathsOutside(file).map((path) => `${file}: "${path.trim()}" is outside the repository; keep what it needs inside it`));
    const escaping = codeFiles.flatMap((file) =>
      (imports.get(file) ?? []).filter((i) => i.file && areaOf(i.file) === 'outside').map((i) => `${file} imports ${i.specifier} outside the repository`),
    );
    expect([...violations, ...escaping]).toEqual([]);
  });

  it('lets no document point outside the repository (the known offenders excepted, while they still do)', () => {
    const violations = MARKDOWN.filter((file) => !KNOWN_POINTERS_OUTSIDE.includes(file)).flatMap((file) =>
      markdownPointersOutside(file).map((p) => `${file} points at ${p}, outside the repository: a newcomer only has the repository`),
    );
    const fixed = KNOWN_POINTERS_OUTSIDE.filter((file) => markdownPointersOutside(file).length === 0).map(
      (file) => `${file} no longer points outside the repository: remove it from KNOWN_POINTERS_OUTSIDE`,
    );
    expect([...violations, ...fixed]).toEqual([]);
  });

  it('names in the project’s documents only files the repository has', () => {
    // A path in backticks with a folder and an extension, e.g. `shared/src/registry.ts`; placeholders (<sector>, *, …)
    // files made at run time in DATA_DIR, and the new sector docs/adding-a-sector.md walks through are not files.
    const named = (file: string) =>
      [...readFileSync(posix.join(ROOT, file), 'utf8').matchAll(/`((?:[\w.-]+\/)+[\w.-]+\.(?:ts|md|graphql|sql|json|ya?ml|sh))`/g)]
        .map((m) => m[1]!)
        .filter((path) => !/adult-psychiatry|adult_psychiatry/.test(path) && !path.startsWith('DATA_DIR/'));
    const documents = ['README.md', ...MARKDOWN.filter((f) => f.startsWith('docs/'))];
    expect(documents.length).toBeGreaterThan(4);
    // From the root when it starts with a top-level folder; otherwise inside a folder the text names (`src/db/schema.ts`
    // of a subgraph), so some file must end with it.
    const topLevel = new Set(files.map((f) => f.split('/')[0]!));
    const exists = (path: string) => (topLevel.has(path.split('/')[0]!) ? files.includes(path) : files.some((f) => f.endsWith(`/${path}`)));
    const missing = documents.flatMap((file) =>
      named(file)
        .filter((path) => !exists(path))
        .map((path) => `${file} names ${path}, which the repository does not have`),
    );
    expect(missing).toEqual([]);
  });
});
