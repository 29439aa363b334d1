import { field, isObject, optionalString, refuse, requireObject, requireString, type JsonObject } from './json.ts';

/**
 * The entries of a message Bundle and the resolution of references between them. The vendors' messages reference
 * relatively (`Organization/<id>`) beside absolute fullUrls (`https://fhir.vena.dk/Organization/<id>`), others use
 * `urn:uuid:` fullUrls; all three resolve here.
 */

export interface IndexedEntry {
  /** Position in Bundle.entry, for error messages. */
  index: number;
  fullUrl?: string;
  resourceType: string;
  id?: string;
  resource: JsonObject;
}

const TYPED_REFERENCE = /(?:^|\/)([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[A-Za-z0-9\-.]{1,64})?$/;

/** `Type/id` (optionally behind a base URL), or undefined when the reference does not have that form. */
export function typedReference(reference: string): { resourceType: string; id: string } | undefined {
  const match = TYPED_REFERENCE.exec(reference);
  return match?.[1] && match[2] ? { resourceType: match[1], id: match[2] } : undefined;
}

export class BundleIndex {
  readonly entries: IndexedEntry[];

  constructor(bundle: JsonObject) {
    const raw = field(bundle, 'entry');
    if (raw === undefined) throw refuse('Bundle.entry', 'is missing');
    if (!Array.isArray(raw)) throw refuse('Bundle.entry', 'must be a JSON array');
    this.entries = raw.map((entry, index) => readEntry(entry, index));
    const seen = new Set<string>();
    for (const entry of this.entries) {
      // A duplicate would make a reference ambiguous, e.g. which Patient a letter is about.
      const keys = [entry.fullUrl, entry.id === undefined ? undefined : `${entry.resourceType}/${entry.id}`];
      for (const key of keys) {
        if (key === undefined) continue;
        if (seen.has(key)) throw refuse(`Bundle.entry[${entry.index}]`, 'repeats the fullUrl or type and id of an earlier entry');
        seen.add(key);
      }
    }
  }

  ofType(resourceType: string): IndexedEntry[] {
    return this.entries.filter((entry) => entry.resourceType === resourceType);
  }

  /** Resolves a FHIR Reference element to an entry of one of the expected types, or refuses naming `element`. */
  resolve(reference: unknown, element: string, expected: readonly string[]): IndexedEntry {
    const found = this.find(reference, element);
    if (!found) throw refuse(`${element}.reference`, `does not resolve to a ${expected.join(' or ')} in the bundle`);
    if (!expected.includes(found.resourceType)) {
      throw refuse(`${element}.reference`, `must refer to a ${expected.join(' or ')}, not a ${found.resourceType}`);
    }
    return found;
  }

  /** Like `resolve`, but undefined when nothing in the bundle matches. */
  find(reference: unknown, element: string): IndexedEntry | undefined {
    const target = requireString(field(requireObject(reference, element), 'reference'), `${element}.reference`);
    const byUrl = this.entries.find((entry) => entry.fullUrl === target);
    if (byUrl) return byUrl;
    const typed = typedReference(target);
    if (!typed) return undefined;
    return this.entries.find((entry) => entry.resourceType === typed.resourceType && entry.id === typed.id);
  }
}

function readEntry(value: unknown, index: number): IndexedEntry {
  const element = `Bundle.entry[${index}]`;
  if (!isObject(value)) throw refuse(element, 'must be a JSON object');
  const resource = requireObject(field(value, 'resource'), `${element}.resource`);
  const resourceType = requireString(field(resource, 'resourceType'), `${element}.resource.resourceType`);
  const id = optionalString(field(resource, 'id'), `${element}.resource.id`);
  const fullUrl = optionalString(field(value, 'fullUrl'), `${element}.fullUrl`);
  return {
    index,
    resourceType,
    resource,
    ...(fullUrl === undefined ? {} : { fullUrl }),
    ...(id === undefined ? {} : { id }),
  };
}
