/**
 * A message Bundle as the conformance rules see it: its entries, where each object sits in it (for findings), and
 * reference resolution inside the Bundle the way FHIR R4 defines it (bundle.html#references), which is how MedCom's
 * validator follows `Reference(... ) {bundled}` and how the profiles' `resolve()` invariants find their targets.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface Entry {
  index: number;
  fullUrl: string | undefined;
  resource: JsonObject;
  resourceType: string;
  id: string | undefined;
}

export const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export class BundleContext {
  readonly entries: Entry[];
  /** Where every object and array of the Bundle sits, as a FHIRPath-like location (`Bundle.entry[2].resource.payload[0]`). */
  private readonly locations = new WeakMap<object, string>();
  /** The entry every object belongs to, so a reference is resolved against its own entry's fullUrl. */
  private readonly owners = new WeakMap<object, Entry>();

  constructor(readonly bundle: JsonObject) {
    const rawEntries = Array.isArray(bundle['entry']) ? bundle['entry'] : [];
    this.entries = rawEntries.flatMap((raw, index) => {
      if (!isObject(raw) || !isObject(raw['resource'])) return [];
      const resource = raw['resource'];
      return [
        {
          index,
          fullUrl: typeof raw['fullUrl'] === 'string' ? raw['fullUrl'] : undefined,
          resource,
          resourceType: typeof resource['resourceType'] === 'string' ? resource['resourceType'] : '',
          id: typeof resource['id'] === 'string' ? resource['id'] : undefined,
        },
      ];
    });
    this.walk(bundle, 'Bundle', undefined);
  }

  private walk(value: Json, location: string, owner: Entry | undefined): void {
    if (typeof value !== 'object' || value === null) return;
    this.locations.set(value, location);
    if (owner) this.owners.set(value, owner);
    if (Array.isArray(value)) {
      value.forEach((item, i) => this.walk(item, `${location}[${i}]`, owner));
      return;
    }
    for (const [key, child] of Object.entries(value)) {
      const childOwner = owner ?? (location.startsWith('Bundle.entry[') && key === 'resource' ? this.entryAt(location) : undefined);
      this.walk(child, `${location}.${key}`, childOwner);
    }
  }

  private entryAt(entryLocation: string): Entry | undefined {
    const index = Number(/^Bundle\.entry\[(\d+)\]$/.exec(entryLocation)?.[1]);
    return this.entries.find((entry) => entry.index === index);
  }

  location(value: unknown): string | undefined {
    return typeof value === 'object' && value !== null ? this.locations.get(value) : undefined;
  }

  entryOf(value: unknown): Entry | undefined {
    return typeof value === 'object' && value !== null ? this.owners.get(value) : undefined;
  }

  entryForResource(resource: JsonObject): Entry | undefined {
    return this.entries.find((entry) => entry.resource === resource);
  }

  /**
   * The entry a literal reference points at. A relative `Type/id` is read against the service base of the referring
   * entry's fullUrl (R4 bundle.html#references); an absolute URL or `urn:uuid:` must equal a fullUrl. Without a
   * referring entry, a relative reference matches the one entry of that type and id.
   */
  resolve(reference: string, from?: Entry): Entry | undefined {
    const literal = reference.split('#')[0] ?? '';
    if (literal === '') return undefined;
    const exact = this.entries.find((entry) => entry.fullUrl === literal);
    if (exact) return exact;
    if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(literal)) return undefined;
    const match = /^([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(\/_history\/.*)?$/.exec(literal);
    if (!match) return undefined;
    const base = from?.fullUrl === undefined ? undefined : serviceBase(from.fullUrl);
    if (base !== undefined) return this.entries.find((entry) => entry.fullUrl === `${base}/${match[1]}/${match[2]}`);
    const candidates = this.entries.filter((entry) => entry.resourceType === match[1] && entry.id === match[2]);
    return candidates.length === 1 ? candidates[0] : undefined;
  }
}

/** `https://x.dk/fhir/Patient/1` -> `https://x.dk/fhir`; a fullUrl that is not RESTful (urn:uuid:) has none. */
export function serviceBase(fullUrl: string): string | undefined {
  const match = /^(https?:\/\/.+)\/[A-Z][A-Za-z]+\/[A-Za-z0-9\-.]{1,64}$/.exec(fullUrl);
  return match?.[1];
}
