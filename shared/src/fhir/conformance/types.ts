import type { BundleContext, Entry } from './bundle.ts';

/**
 * - `error`: breaks a constraint of the profiles (cardinality, fixed value, required binding, slicing, reference
 *   target, invariant expression) or of FHIR R4 itself, which MedCom's validator checks: MedCom's validation governance
 *   (FHIRValidationGovernance 2.1.2) makes a receiver reject such a message.
 * - `warning`: breaks a SHALL that MedCom writes in prose (governance pages, profile descriptions, invariant
 *   descriptions stricter than their expressions, narrative obligations) and that no validator checks.
 * - `information`: a MedCom recommendation (SHOULD, "it is recommended") not followed.
 */
export type Severity = 'error' | 'warning' | 'information';

/** Where a rule is written: the repository (see `sources.ts` for the commit read) and the file or page. */
export interface RuleSource {
  repo: string;
  path: string;
}

export interface Finding {
  severity: Severity;
  /** The profile that declares the rule, by its FSH name (`MedComCareCommunication`), or `FHIR R4 Bundle` etc. */
  profile: string;
  /** The element the rule constrains, as a StructureDefinition element id (`Communication.payload:string`). */
  element: string;
  /** The rule: an invariant key, or a short statement of the constraint (`1..1`, `= #phone`, `SHALL:in-narrative`). */
  rule: string;
  /** The offending place in the Bundle (`Bundle.entry[2].resource.payload[0]`). */
  location: string;
  /** What MedCom requires, in words. Never carries values from the Bundle (they may be CPR numbers or names). */
  message: string;
  source: RuleSource;
}

interface RuleBase {
  /** Shown as `Finding.rule`; defaults to a statement of the constraint. */
  id?: string;
  element: string;
  /** FHIRPath from the resource to the instances the rule applies to; the resource itself when absent. */
  context?: string;
  severity?: Severity;
  description: string;
  source: RuleSource;
}

/** A custom check for a rule no single FHIRPath states; returns one message per violation, with its place. */
export type Check = (item: unknown, env: CheckEnv) => Array<{ message: string; at?: unknown }>;

export interface CheckEnv {
  ctx: BundleContext;
  entry: Entry;
}

export type Rule =
  | (RuleBase & { kind: 'cardinality'; path: string; min: number; max: number | '*' })
  | (RuleBase & { kind: 'fixed'; path: string; value: string | boolean })
  /** A required binding: `path` gives Codings (or CodeableConcepts, or codes with `system` given). */
  | (RuleBase & { kind: 'binding'; path: string; valueSet: string; system?: string })
  /** `on`: apply the expression to each child `on` of the context (an invariant declared on a primitive element). */
  | (RuleBase & { kind: 'invariant'; expression: string; on?: string })
  /** `targets`: resource type -> profile the target is then validated against (undefined: the base resource). */
  | (RuleBase & { kind: 'reference'; path: string; targets: Record<string, string | undefined>; bundled: boolean })
  /** Closed slicing: every instance at `path` matches one of the slices' FHIRPath predicates. */
  | (RuleBase & { kind: 'closedSlicing'; path: string; slices: Record<string, string> })
  /** An Obligation SHALL:in-narrative: what `path` holds is readable in the resource's text.div. */
  | (RuleBase & { kind: 'narrative'; path: string })
  | (RuleBase & { kind: 'check'; id: string; check: Check });

export interface Profile {
  /** FSH name, e.g. `MedComCareCommunication`. */
  name: string;
  url: string;
  type: string;
  parent?: Profile;
  rules: Rule[];
  /** For message profiles: which entries are validated against which profile regardless of references. */
  entryProfiles?: Array<{ resourceType: string; first?: boolean; profile: string }>;
}
