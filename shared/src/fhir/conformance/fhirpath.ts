import fhirpath from 'fhirpath';
import r4 from 'fhirpath/fhir-context/r4';
import { type BundleContext, isObject } from './bundle.ts';

/**
 * FHIRPath evaluation for the profiles' invariants, with the two functions fhirpath.js cannot do offline replaced:
 * - `resolve()`: fhirpath.js fetches references over HTTP; MedCom's invariants mean the entry inside the Bundle.
 * - `conformsTo(url)`: needs the StructureDefinitions; here it only checks the resource type the profile constrains,
 *   because the suite applies that profile's own rules to the resource anyway (see README, "conformsTo").
 */

/** Resource type each profile URL used in a `conformsTo()` invariant constrains. */
const PROFILE_TYPES: Record<string, string> = {
  'http://medcomfhir.dk/ig/messaging/StructureDefinition/medcom-messaging-messageHeader': 'MessageHeader',
  'http://medcomfhir.dk/ig/messaging/StructureDefinition/medcom-messaging-provenance': 'Provenance',
  'http://medcomfhir.dk/ig/acknowledgement/StructureDefinition/medcom-messaging-acknowledgementHeader': 'MessageHeader',
};

export class InvariantError extends Error {}

export function evaluate(ctx: BundleContext, base: unknown, expression: string): unknown[] {
  return evaluateRaw(ctx, base, expression, true);
}

/** The Bundle the current evaluation runs in; evaluation is synchronous, so one at a time. */
let current: BundleContext | undefined;

const resolveFn = (items: unknown[]): unknown[] =>
  items.flatMap((item) => {
    const reference = typeof item === 'string' ? item : isObject(item) ? item['reference'] : undefined;
    if (typeof reference !== 'string' || !current) return [];
    const target = current.resolve(reference, current.entryOf(item));
    return target ? [target.resource] : [];
  });

const conformsTo = (items: unknown[], url: string): boolean[] =>
  items.map((item) => isObject(item) && PROFILE_TYPES[url] !== undefined && item['resourceType'] === PROFILE_TYPES[url]);

const userInvocationTable = {
  resolve: { fn: resolveFn, arity: { 0: [] } },
  conformsTo: { fn: conformsTo, arity: { 1: ['String' as const] } },
};

type Compiled = (resource: unknown, env: Record<string, unknown>) => unknown[];
/** Parsing dominates evaluation; the rules are a fixed set of expressions, so each is parsed once. */
const compiled = new Map<string, Compiled>();

function compiledFor(expression: string, resolveInternalTypes: boolean): Compiled {
  const key = `${resolveInternalTypes ? 1 : 0}${expression}`;
  let fn = compiled.get(key);
  if (!fn) {
    fn = fhirpath.compile(expression, r4, { resolveInternalTypes, userInvocationTable }) as unknown as Compiled;
    compiled.set(key, fn);
  }
  return fn;
}

function evaluateRaw(ctx: BundleContext, base: unknown, expression: string, resolveInternalTypes: boolean): unknown[] {
  const previous = current;
  current = ctx;
  try {
    return compiledFor(expression, resolveInternalTypes)(base, { resource: ctx.bundle, rootResource: ctx.bundle });
  } catch (error) {
    throw new InvariantError(`FHIRPath ${expression} could not be evaluated: ${(error as Error).message.split('\n')[0]}`);
  } finally {
    current = previous;
  }
}

/** An invariant holds when its expression gives exactly `true` (the FHIR validator treats empty as false). */
export function holds(ctx: BundleContext, base: unknown, expression: string): boolean {
  const result = evaluate(ctx, base, expression);
  return result.length === 1 && result[0] === true;
}

export interface Located {
  value: unknown;
  /** Where the value sits in the Bundle, when it can be told (always, for values taken from the Bundle). */
  location: string | undefined;
}

interface Node {
  data: unknown;
  parentResNode: Node | null;
  propName: string | null;
  index: number | null;
}

const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && 'parentResNode' in value && 'data' in value;

function locationOf(ctx: BundleContext, node: Node): string | undefined {
  const own = ctx.location(node.data);
  if (own !== undefined) return own;
  if (!node.parentResNode || node.propName === null) return undefined;
  const parent = locationOf(ctx, node.parentResNode);
  if (parent === undefined) return undefined;
  // A choice element (occurred[x]) is named by its base; the JSON property carries the type (occurredDateTime).
  const holder = node.parentResNode.data;
  const propName = node.propName;
  const key =
    isObject(holder) && !(propName in holder)
      ? (Object.keys(holder).find((k) => k.startsWith(propName) && /^[A-Z]/.test(k.slice(propName.length))) ?? propName)
      : propName;
  return `${parent}.${key}${node.index === null ? '' : `[${node.index}]`}`;
}

/** Like `evaluate`, with each result's place in the Bundle (primitives too, through fhirpath.js's result nodes). */
export function evaluateLocated(ctx: BundleContext, base: unknown, expression: string): Located[] {
  const nodes = evaluateRaw(ctx, base, expression, false);
  const values = fhirpath.resolveInternalTypes(nodes) as unknown[];
  // A node's data is the Bundle's own object (or primitive), so identity-based look-ups keep working.
  return nodes.map((node, i) => (isNode(node) ? { value: node.data, location: locationOf(ctx, node) } : { value: values[i], location: undefined }));
}
