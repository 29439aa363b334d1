import { isObject, type JsonObject } from './bundle.ts';
import { concept } from './terminology.ts';

/**
 * Whether a value an Obligation SHALL:in-narrative names is readable in the resource's narrative. A person reads the
 * narrative, so the check looks for the value as a person would write it: text and identifiers as they are, a coded
 * value by its display (Danish and English where the code system has both, MedCom's narrative governance 5.2.3), a
 * reference by the id of the resource it points at (5.2.3: "references to other resources as the ID"), either as text
 * or as the target of a link (`<a href="Patient-<id>.html">` is how the FHIR IG publisher renders a reference, and
 * so MedCom's own example messages show them), a date in any of the usual Danish or ISO spellings. Comparison ignores
 * case, markup and runs of whitespace.
 */

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

export function plainText(xhtml: string): string {
  return normalise(
    xhtml
      .replace(/<[^>]*>/g, ' ')
      .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
      .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
      .replace(/&([a-z]+);/gi, (whole, name: string) => ENTITIES[name.toLowerCase()] ?? whole),
  );
}

const normalise = (text: string): string => text.replace(/\s+/g, ' ').trim().toLowerCase();

/** The narrative of a resource as plain text, or undefined when it has none. */
export function narrativeText(resource: JsonObject): string | undefined {
  const text = resource['text'];
  return isObject(text) && typeof text['div'] === 'string' ? plainText(text['div']) : undefined;
}

/** What a reader of the narrative finds: its text, and the targets of its links (where a reference may be shown). */
export interface Narrative {
  text: string;
  links: string[];
}

export function narrativeOf(resource: JsonObject): Narrative | undefined {
  const text = resource['text'];
  if (!isObject(text) || typeof text['div'] !== 'string') return undefined;
  const div = text['div'];
  const links = [...div.matchAll(/<a\b[^>]*\bhref\s*=\s*("([^"]*)"|'([^']*)')/gi)].map((m) => normalise(m[2] ?? m[3] ?? ''));
  return { text: plainText(div), links };
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})/;

function dateSpellings(value: string): string[] {
  const match = DATE.exec(value);
  if (!match) return [];
  const [, y, m, d] = match as unknown as [string, string, string, string];
  const day = String(Number(d));
  const month = String(Number(m));
  return [`${y}-${m}-${d}`, `${d}-${m}-${y}`, `${d}.${m}.${y}`, `${d}/${m}/${y}`, `${day}/${month}-${y}`, `${day}.${month}.${y}`];
}

/** What of `value` is missing from `text` (descriptions only: values may be CPR numbers or names). */
export function rendered(value: unknown, narrative: Narrative): string[] {
  const { text } = narrative;
  const has = (s: string) => text.includes(normalise(s));
  if (typeof value === 'string') {
    if (DATE.test(value)) return dateSpellings(value).some(has) ? [] : ['the date'];
    return has(value) ? [] : ['the value'];
  }
  if (typeof value === 'number' || typeof value === 'boolean') return has(String(value)) ? [] : ['the value'];
  if (!isObject(value)) return [];
  if (typeof value['reference'] === 'string') {
    const id = value['reference'].split(/[/:]/).pop() ?? value['reference'];
    return has(id) || narrative.links.some((link) => linksTo(link, id)) ? [] : ["the referenced resource's id"];
  }
  if (typeof value['code'] === 'string' && ('system' in value || 'display' in value)) {
    const system = typeof value['system'] === 'string' ? value['system'] : '';
    const known = concept(system, value['code']);
    if (!known) return has(value['code']) || (typeof value['display'] === 'string' && has(value['display'])) ? [] : ['the code'];
    const missing: string[] = [];
    if (!has(known.display)) missing.push('the display of the code');
    if (known.da !== undefined && !has(known.da)) missing.push('the Danish display of the code');
    return missing;
  }
  if ('family' in value || 'given' in value) {
    const missing: string[] = [];
    if (typeof value['family'] === 'string' && !has(value['family'])) missing.push('the family name');
    const given = Array.isArray(value['given']) ? value['given'] : [];
    if (given.some((g) => typeof g === 'string' && !has(g))) missing.push('the given name');
    return missing;
  }
  if ('url' in value && !('reference' in value)) {
    // An extension: its value is what is shown.
    const inner = Object.entries(value).find(([key]) => key.startsWith('value'));
    return inner ? rendered(inner[1], narrative) : [];
  }
  if (typeof value['value'] === 'string') return rendered(value['value'], narrative);
  if (Array.isArray(value['line']) || 'city' in value || 'postalCode' in value) {
    const parts = [...(Array.isArray(value['line']) ? value['line'] : []), value['city'], value['postalCode']];
    return parts.some((p) => typeof p === 'string' && !has(p)) ? ['the address'] : [];
  }
  return [];
}

/** Whether a link's target names the resource: a path segment or fragment that is its id, or `<Type>-<id>` as a page name. */
function linksTo(link: string, id: string): boolean {
  const wanted = normalise(id);
  return link.split(/[/#?]/).some((segment) => {
    const name = segment.replace(/\.html?$/, '');
    return name === wanted || name.endsWith(`-${wanted}`);
  });
}
