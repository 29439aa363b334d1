import r4 from 'fhirpath/fhir-context/r4';
import { type BundleContext, isObject, type Json, type JsonObject } from './bundle.ts';
import type { Finding } from './types.ts';

/**
 * FHIR R4's own rules for the JSON of every resource, which any FHIR validator applies before a profile: only
 * elements the resource type defines, arrays exactly where an element repeats, primitives of the right JSON type and
 * lexical form, no empty values (JSON format rules and ele-1), and every extension with a url and either a value or
 * extensions (ext-1). The element definitions come from fhirpath.js's R4 model.
 */

const SOURCE = { repo: 'HL7 FHIR R4 (4.0.1)', path: 'json.html, datatypes.html, element.html (ele-1), extensibility.html (ext-1)' };

type ModelType = string | { code: string };

const model = r4 as unknown as {
  path2Type: Record<string, ModelType>;
  choiceTypePaths: Record<string, string[]>;
  pathsDefinedElsewhere: Record<string, string>;
  type2Parent: Record<string, string>;
};
const repeating = new Set(Object.keys((r4 as unknown as { path2Repeating: Record<string, boolean> }).path2Repeating));

/** R4 primitive formats (datatypes.html), for the types MedCom messages carry. */
const FORMATS: Record<string, RegExp> = {
  id: /^[A-Za-z0-9\-.]{1,64}$/,
  instant: /^([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)-(0[1-9]|1[0-2])-(0[1-9]|[1-2][0-9]|3[0-1])T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?(Z|(\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00))$/,
  dateTime:
    /^([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1])(T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?(Z|(\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00)))?)?)?$/,
  date: /^([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1]))?)?$/,
  code: /^[^\s]+( [^\s]+)*$/,
  uri: /^\S*$/,
  url: /^\S*$/,
  canonical: /^\S*$/,
  base64Binary: /^(\s*([0-9a-zA-Z+/=]){4}\s*)+$/,
  positiveInt: /^[1-9][0-9]*$/,
};

const PRIMITIVES = new Set([
  'boolean', 'integer', 'string', 'decimal', 'uri', 'url', 'canonical', 'base64Binary', 'instant', 'date', 'dateTime',
  'time', 'code', 'oid', 'id', 'markdown', 'unsignedInt', 'positiveInt', 'uuid', 'xhtml',
]);

function typeCode(type: ModelType | undefined): string | undefined {
  if (type === undefined) return undefined;
  const code = typeof type === 'string' ? type : type.code;
  // fhirpath.js gives ids, Extension.url and the like as System.String.
  return code.startsWith('System.') ? 'string' : code;
}

/** The model path and type of `Type.path.key`, following parents (DomainResource, Element) and shared definitions. */
function lookup(path: string, typeName: string, key: string): { path: string; type: string; repeats: boolean } | undefined {
  const candidates: string[] = [];
  for (let t: string | undefined = path; t !== undefined; t = model.pathsDefinedElsewhere[t]) candidates.push(`${t}.${key}`);
  for (let t: string | undefined = typeName; t !== undefined; t = model.type2Parent[t]) {
    if (t !== path) candidates.push(`${t}.${key}`);
  }
  for (const candidate of candidates) {
    const type = typeCode(model.path2Type[candidate]);
    if (type !== undefined) return { path: type === 'BackboneElement' || type === 'Element' ? candidate : type, type, repeats: repeating.has(candidate) };
    // A choice element, `valueCoding` for `value[x]`.
    const dot = candidate.lastIndexOf('.');
    const owner = candidate.slice(0, dot);
    for (const [choicePath, types] of Object.entries(model.choiceTypePaths)) {
      if (!choicePath.startsWith(`${owner}.`)) continue;
      const name = choicePath.slice(owner.length + 1);
      const chosen = types.find((t) => key === name + t);
      if (chosen !== undefined) {
        const concrete = chosen.charAt(0).toLowerCase() + chosen.slice(1);
        const resolved = PRIMITIVES.has(concrete) ? concrete : chosen;
        return { path: resolved, type: resolved, repeats: false };
      }
    }
  }
  return undefined;
}

export function checkStructure(ctx: BundleContext): Finding[] {
  const findings: Finding[] = [];
  const finding = (location: string, rule: string, message: string, element = 'Resource') =>
    findings.push({ severity: 'error', profile: 'FHIR R4', element, rule, location, message, source: SOURCE });

  const visitResource = (resource: JsonObject, location: string) => {
    const type = resource['resourceType'];
    if (typeof type !== 'string' || model.type2Parent[type] === undefined) {
      finding(location, 'resourceType', 'Every resource names a FHIR R4 resource type in resourceType.', 'Resource.resourceType');
      return;
    }
    visitObject(resource, type, type, location, true);
  };

  const visitObject = (object: JsonObject, path: string, typeName: string, location: string, isResource: boolean) => {
    if (Object.keys(object).filter((k) => k !== 'resourceType').length === 0) {
      finding(location, 'ele-1', 'An element has a value or child elements: no empty objects.', typeName);
    }
    for (const [key, value] of Object.entries(object)) {
      if (isResource && key === 'resourceType') continue;
      const primitiveExtension = key.startsWith('_');
      const name = primitiveExtension ? key.slice(1) : key;
      const element = lookup(path, typeName, name);
      const at = `${location}.${key}`;
      if (!element) {
        finding(at, 'unknown element', `${typeName} has no element ${key} in FHIR R4.`, `${typeName}.${key}`);
        continue;
      }
      if (primitiveExtension) continue;
      if (isResource && key === 'id') {
        if (typeof value !== 'string' || !FORMATS['id']!.test(value)) finding(at, 'id format', 'A resource id is 1-64 letters, digits, "-" or ".".', `${typeName}.id`);
        continue;
      }
      const items: Json[] = Array.isArray(value) ? value : [value];
      if (Array.isArray(value) !== element.repeats) {
        finding(at, element.repeats ? 'array' : 'single', element.repeats ? `${key} repeats: it is a JSON array.` : `${key} does not repeat: it is not a JSON array.`, `${typeName}.${key}`);
      }
      if (Array.isArray(value) && value.length === 0) finding(at, 'ele-1', 'No empty arrays.', `${typeName}.${key}`);
      items.forEach((item, i) => {
        const itemAt = Array.isArray(value) ? `${at}[${i}]` : at;
        const elementId = `${typeName}.${key}`;
        if (item === null) {
          finding(itemAt, 'ele-1', 'No null values.', elementId);
        } else if (element.type === 'Resource') {
          if (isObject(item)) visitResource(item, itemAt);
          else finding(itemAt, 'type', 'A resource is a JSON object.', elementId);
        } else if (PRIMITIVES.has(element.type)) {
          checkPrimitive(element.type, item, itemAt, (l, r, m) => finding(l, r, m, elementId));
        } else if (!isObject(item)) {
          finding(itemAt, 'type', `${key} is a ${element.type}: a JSON object.`, elementId);
        } else {
          if (element.type === 'Extension') checkExtension(item, itemAt, (l, r, m) => finding(l, r, m, 'Extension'));
          visitObject(item, element.path, element.type, itemAt, false);
        }
      });
    }
  };

  visitResource(ctx.bundle, 'Bundle');
  return findings;
}

function checkPrimitive(type: string, value: Json, at: string, finding: (location: string, rule: string, message: string) => void): void {
  if (type === 'boolean') {
    if (typeof value !== 'boolean') finding(at, 'type', 'A boolean is JSON true or false.');
    return;
  }
  if (['integer', 'decimal', 'unsignedInt', 'positiveInt'].includes(type)) {
    if (typeof value !== 'number') finding(at, 'type', `A ${type} is a JSON number.`);
    return;
  }
  if (typeof value !== 'string') {
    finding(at, 'type', `A ${type} is a JSON string.`);
    return;
  }
  if (value === '') {
    finding(at, 'ele-1', 'No empty strings.');
    return;
  }
  const format = FORMATS[type];
  if (format && !format.test(value)) finding(at, `${type} format`, `The value is not a valid FHIR R4 ${type}.`);
}

function checkExtension(extension: JsonObject, at: string, finding: (location: string, rule: string, message: string) => void): void {
  const hasValue = Object.keys(extension).some((k) => k.startsWith('value'));
  const hasChildren = Array.isArray(extension['extension']) && extension['extension'].length > 0;
  if (typeof extension['url'] !== 'string') finding(at, 'Extension.url 1..1', 'Every extension has a url.');
  if (hasValue === hasChildren) finding(at, 'ext-1', 'An extension has either a value or extensions, not both and not neither.');
}
