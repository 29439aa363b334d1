import type { FhirNarrative } from './fhir-types.ts';

/**
 * MedCom requires every resource of an exchanged bundle to carry a narrative ("The narrative text SHALL always be
 * included"), so a receiver's clerk can read the letter even where their system does not understand an element.
 * Ours is a plain list of label/value lines; values are escaped because they are free text typed by users.
 */

const XHTML_NS = 'http://www.w3.org/1999/xhtml';

export function escapeXhtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

/** Lines whose value is undefined are left out, so optional elements need no special casing by the caller. */
export function narrative(title: string, lines: Array<readonly [label: string, value: string | undefined]>): FhirNarrative {
  const body = lines
    .filter((line): line is readonly [string, string] => line[1] !== undefined)
    .map(([label, value]) => `<p><b>${escapeXhtml(label)}</b>: ${escapeXhtml(value)}</p>`)
    .join('');
  return { status: 'generated', div: `<div xmlns="${XHTML_NS}"><p><b>${escapeXhtml(title)}</b></p>${body}</div>` };
}
