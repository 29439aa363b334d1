import type { Check, Profile, Rule, RuleSource, Severity } from '../types.ts';

/**
 * Small constructors that keep the transcribed rules one line each, in the order of the FSH they come from. Each
 * rule set is bound to its source file, so every finding cites where MedCom wrote the rule.
 */

interface Options {
  context?: string;
  severity?: Severity;
  id?: string;
}

export function ruleSet(source: RuleSource) {
  const base = (element: string, description: string, options: Options = {}) => ({
    element,
    description,
    source,
    ...(options.context === undefined ? {} : { context: options.context }),
    ...(options.severity === undefined ? {} : { severity: options.severity }),
    ...(options.id === undefined ? {} : { id: options.id }),
  });
  return {
    card: (element: string, path: string, min: number, max: number | '*', options: Options & { why?: string } = {}): Rule => ({
      kind: 'cardinality',
      path,
      min,
      max,
      ...base(element, options.why ?? `${element} is required ${min}..${max}`, options),
    }),
    fixed: (element: string, path: string, value: string | boolean, options: Options = {}): Rule => ({
      kind: 'fixed',
      path,
      value,
      ...base(element, `${element} is fixed to ${String(value)}.`, options),
    }),
    binding: (element: string, path: string, valueSet: string, options: Options & { system?: string } = {}): Rule => ({
      kind: 'binding',
      path,
      valueSet,
      ...(options.system === undefined ? {} : { system: options.system }),
      ...base(element, `${element} is bound (required) to the value set ${valueSet}: system and code from it.`, options),
    }),
    invariant: (id: string, element: string, description: string, expression: string, options: Options & { on?: string } = {}): Rule => ({
      kind: 'invariant',
      expression,
      ...(options.on === undefined ? {} : { on: options.on }),
      ...base(element, description, { ...options, id }),
    }),
    reference: (element: string, path: string, targets: Record<string, string | undefined>, bundled: boolean, options: Options = {}): Rule => ({
      kind: 'reference',
      path,
      targets,
      bundled,
      ...base(element, `${element} references ${Object.values(targets).map((p, i) => p ?? Object.keys(targets)[i]).join(' or ')}${bundled ? ' inside the Bundle' : ''}`, options),
    }),
    closed: (element: string, path: string, slices: Record<string, string>, options: Options = {}): Rule => ({
      kind: 'closedSlicing',
      path,
      slices,
      ...base(element, `${element} is sliced closed: every instance belongs to one of ${Object.keys(slices).join(', ')}.`, options),
    }),
    narrative: (element: string, path: string, options: Options = {}): Rule => ({
      kind: 'narrative',
      path,
      ...base(element, `Obligation SHALL:in-narrative (producer): ${element} is shown in text.div.`, options),
    }),
    check: (id: string, element: string, description: string, check: Check, options: Options = {}): Rule => ({
      kind: 'check',
      check,
      ...base(element, description, options),
      id,
    }),
  };
}

/**
 * The rules of a data-type profile or extension, applied where it is used: `context` is the FHIRPath from the
 * resource to the element, `element` the element id that replaces the type name in the rules' element ids.
 */
export function mount(rules: Rule[], context: string, element: string): Rule[] {
  return rules.map((rule) => ({
    ...rule,
    context: rule.context === undefined ? context : `${context}.${rule.context}`,
    element: rule.element.replace(/^[A-Za-z]+/, element),
  }));
}

export function profile(definition: Profile): Profile {
  return definition;
}

/** An extension slice: the extensions of `url` on the context. */
export const ext = (url: string): string => `extension.where(url = '${url}')`;
