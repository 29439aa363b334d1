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

function evaluateRaw(ctx: BundleContext, base: unknown, expression: string, resolveInternalTypes: boolean): unknown[] {
  const resolveFn = (items: unknown[]): unknown[] =>
    items.flatMap((item) => {
      const reference = typeof item === 'string' ? item : isObject(item) ? item['reference'] : undefined;
      if (typeof reference !== 'string') return [];
      const target = ctx.resolve(reference, ctx.entryOf(item));
      return target ? [target.resource] : [];
    });
  const conformsTo = (items: unknown[], url: string): boolean[] =>
    items.map((item) => isObject(item) && PROFILE_TYPES[url] !== undefined && item['resourceType'] === PROFILE_TYPES[url]);
  try {
    // fhirpath.js types its input and environment loosely; the Bundle is plain JSON.
    return fhirpath.evaluate(
      base,
      expression,
      { resource: ctx.bundle, rootResource: ctx.bundle },
      r4,
      {
        resolveInternalTypes,
        userInvocationTable: {
          resolve: { fn: resolveFn, arity: { 0: [] } },
          conformsTo: { fn: conformsTo, arity: { 1: ['String'] } },
        },
      },
    ) as unknown[];
  } catch (error) {
    throw new InvariantError(`FHIRPath ${expression} could not be evaluated: ${(error as Error).message.split('\n')[0]}`);
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
  return parent === undefined ? undefined : `${parent}.${node.propName}${node.index === null ? '' : `[${node.index}]`}`;
}

/** Like `evaluate`, with each result's place in the Bundle (primitives too, through fhirpath.js's result nodes). */
export function evaluateLocated(ctx: BundleContext, base: unknown, expression: string): Located[] {
  const nodes = evaluateRaw(ctx, base, expression, false);
  const values = fhirpath.resolveInternalTypes(nodes) as unknown[];
  return nodes.map((node, i) => ({ value: values[i], location: isNode(node) ? locationOf(ctx, node) : undefined }));
}
