import type { CodeDisplay } from './constants.ts';
import type { FhirNarrative } from './fhir-types.ts';

/**
 * MedCom requires every resource of an exchanged bundle to carry a narrative ("The narrative text SHALL always be
 * included"), so a receiver's clerk can read the letter even where their system does not understand an element. The
 * narrative governance (GeneralGovernanceFHIRStandards 5.2) and the profiles' Obligations `SHALL:in-narrative` say what
 * it shows: the resource's id, every element the profile marks, references as the id of the resource they point at,
 * codes by their display (English and Danish where the code system has both). Ours is a plain list of label/value
 * lines; values are escaped because they are free text typed by users.
 */

const XHTML_NS = 'http://www.w3.org/1999/xhtml';

export function escapeXhtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

export type NarrativeLine = readonly [label: string, value: string | undefined];

/**
 * The narrative of a resource: a heading naming its type and id, then one line per value. Lines whose value is
 * undefined are left out, so optional elements need no special casing by the caller. `extensions` says whether the
 * resource carries extensions: MedCom's governance (5.2.1) then wants the status `extensions`, else `generated`.
 */
export function narrative(resource: { resourceType: string; id: string }, lines: readonly NarrativeLine[], extensions: boolean): FhirNarrative {
  const body = lines
    .filter((line): line is readonly [string, string] => line[1] !== undefined)
    .map(([label, value]) => `<p><b>${escapeXhtml(label)}</b>: ${escapeXhtml(value)}</p>`)
    .join('');
  const heading = `<p><b>${escapeXhtml(resource.resourceType)}</b> ${escapeXhtml(resource.id)}</p>`;
  return { status: extensions ? 'extensions' : 'generated', div: `<div xmlns="${XHTML_NS}">${heading}${body}</div>` };
}

/** A code as a person reads it: `code (Display / Dansk visning)`. */
export function codeLabel(code: string, display: CodeDisplay | undefined): string {
  if (display === undefined) return code;
  return `${code} (${display.display}${display.da === undefined ? '' : ` / ${display.da}`})`;
}

/** A reference as the narrative governance wants it: by the id of the resource it points at. */
export function referenceLabel(reference: { reference: string }): string {
  return reference.reference.split('/').pop() ?? reference.reference;
}
