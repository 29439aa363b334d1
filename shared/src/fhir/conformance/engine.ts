import { BundleContext, type Entry, type JsonObject, isObject } from './bundle.ts';
import { evaluateLocated, InvariantError, type Located } from './fhirpath.ts';
import { narrativeOf, rendered } from './narrative-text.ts';
import { checkStructure } from './structure.ts';
import { inValueSet, VALUE_SETS } from './terminology.ts';
import type { Finding, Profile, Rule, Severity } from './types.ts';

/**
 * Applies profiles, given as data (`profiles/*.ts`), to a message Bundle the way a FHIR validator does: the Bundle
 * against the message profile, each entry against the profiles its declared `meta.profile` names, the message profile
 * assigns, or the typed references that reach it name (`focus only Reference(MedComCareCommunication)` makes the
 * Communication a MedComCareCommunication), each profile together with its parents and FHIR R4's base rules.
 */
export interface Companions {
  /** Applied to the Bundle beside the message profile (governance rules). */
  bundle: Profile[];
  /** Applied to every entry (the narrative governance). */
  everyEntry: Profile[];
}

export function validateBundle(
  bundle: unknown,
  root: Profile,
  registry: Map<string, Profile>,
  base: Map<string, Profile>,
  companions: Companions,
): Finding[] {
  if (!isObject(bundle) || bundle['resourceType'] !== 'Bundle') {
    return [
      {
        severity: 'error',
        profile: root.name,
        element: 'Bundle',
        rule: 'resourceType = Bundle',
        location: '(input)',
        message: 'A MedCom message is a FHIR Bundle resource.',
        source: { repo: 'medcomdk/dk-medcom-messaging', path: 'input/fsh/MedComMessagingMessage.fsh' },
      },
    ];
  }
  const run = new Run(new BundleContext(bundle), registry, base);
  const bundleBase = base.get('Bundle');
  if (bundleBase) run.apply(undefined, bundle, bundleBase);
  run.apply(undefined, bundle, root);
  for (const companion of companions.bundle) run.apply(undefined, bundle, companion);
  for (const { resourceType, first, profile } of chain(root).flatMap((p) => p.entryProfiles ?? [])) {
    const entries = run.ctx.entries.filter((entry) => entry.resourceType === resourceType && (!first || entry.index === 0));
    for (const entry of entries) run.assign(entry, profile);
  }
  for (const entry of run.ctx.entries) {
    const declared = entry.resource['meta'];
    const profiles = isObject(declared) && Array.isArray(declared['profile']) ? declared['profile'] : [];
    for (const url of profiles) {
      const profile = typeof url === 'string' ? [...registry.values()].find((p) => p.url === url.split('|')[0]) : undefined;
      if (profile) run.assign(entry, profile.name);
    }
  }
  run.drain();
  // Entries no profile reached are still FHIR resources.
  for (const entry of run.ctx.entries) {
    run.applyBase(entry);
    for (const companion of companions.everyEntry) run.apply(entry, entry.resource, companion);
  }
  run.findings.push(...checkStructure(run.ctx));
  return run.findings;
}

function chain(profile: Profile): Profile[] {
  return profile.parent ? [...chain(profile.parent), profile] : [profile];
}

class Run {
  readonly ctx: BundleContext;
  readonly findings: Finding[] = [];
  private readonly queue: Array<{ entry: Entry; profile: string }> = [];
  private readonly done = new Set<string>();
  private readonly baseDone = new Set<number>();
  private readonly applied = new Set<string>();

  constructor(
    ctx: BundleContext,
    private readonly registry: Map<string, Profile>,
    private readonly base: Map<string, Profile>,
  ) {
    this.ctx = ctx;
  }

  assign(entry: Entry, profileName: string): void {
    const key = `${entry.index}|${profileName}`;
    if (this.done.has(key)) return;
    this.done.add(key);
    this.queue.push({ entry, profile: profileName });
  }

  drain(): void {
    for (let next = this.queue.shift(); next; next = this.queue.shift()) {
      const profile = this.registry.get(next.profile);
      if (!profile) throw new Error(`conformance: no profile named ${next.profile}`);
      if (profile.type !== next.entry.resourceType) {
        this.findings.push({
          severity: 'error',
          profile: profile.name,
          element: profile.type,
          rule: `resourceType = ${profile.type}`,
          location: `Bundle.entry[${next.entry.index}].resource`,
          message: `This resource is required to be a ${profile.type} conforming to ${profile.name}.`,
          source: profile.rules[0]?.source ?? { repo: '', path: '' },
        });
        continue;
      }
      this.applyBase(next.entry);
      this.apply(next.entry, next.entry.resource, profile);
    }
  }

  applyBase(entry: Entry): void {
    if (this.baseDone.has(entry.index)) return;
    this.baseDone.add(entry.index);
    const profile = this.base.get(entry.resourceType) ?? this.base.get('DomainResource');
    if (profile) this.apply(entry, entry.resource, profile);
  }

  /** Applies `profile` and its parents to `resource` (the Bundle when `entry` is undefined). */
  apply(entry: Entry | undefined, resource: JsonObject, profile: Profile): void {
    for (const p of chain(profile)) {
      // A profile reached twice (as itself and as a parent, or from two references) is applied once.
      const key = `${entry?.index ?? -1}|${p.name}`;
      if (this.applied.has(key)) continue;
      this.applied.add(key);
      for (const rule of p.rules) this.applyRule(entry, resource, p, rule);
    }
  }

  private applyRule(entry: Entry | undefined, resource: JsonObject, profile: Profile, rule: Rule): void {
    const resourceLocation = this.ctx.location(resource) ?? 'Bundle';
    const report = (location: string | undefined, message: string) => this.report(profile, rule, location ?? resourceLocation, message);
    let items: Located[];
    try {
      items = rule.context === undefined ? [{ value: resource, location: resourceLocation }] : evaluateLocated(this.ctx, resource, rule.context);
    } catch (error) {
      if (!(error instanceof InvariantError)) throw error;
      report(resourceLocation, error.message);
      return;
    }
    items.forEach((item, index) => {
      // Paths are evaluated from the resource, so fhirpath.js knows the types (choice elements like value[x]).
      const from = (rest: string): Located[] =>
        evaluateLocated(this.ctx, resource, rule.context === undefined ? rest : `(${rule.context})[${index}].${rest}`);
      try {
        this.applyToItem(entry, resource, rule, item, from, (location, message) => report(location ?? item.location, message));
      } catch (error) {
        if (!(error instanceof InvariantError)) throw error;
        report(item.location, error.message);
      }
    });
  }

  private applyToItem(
    entry: Entry | undefined,
    resource: JsonObject,
    rule: Rule,
    item: Located,
    from: (rest: string) => Located[],
    report: (location: string | undefined, message: string) => void,
  ): void {
    switch (rule.kind) {
      case 'cardinality': {
        // A primitive given only by its extensions (`_family` with data-absent-reason) is present for FHIR.
        const json = /^[a-zA-Z]+$/.test(rule.path) && isObject(item.value) ? jsonCount(item.value, rule.path) : 0;
        const count = json > 0 ? json : from(rule.path).length;
        if (count < rule.min || (rule.max !== '*' && count > rule.max)) report(undefined, `${rule.description} (found ${count}).`);
        return;
      }
      case 'fixed':
        for (const value of from(rule.path)) {
          if (value.value !== rule.value) report(value.location, rule.description);
        }
        return;
      case 'binding': {
        const valueSet = VALUE_SETS[rule.valueSet];
        if (!valueSet) throw new Error(`conformance: no value set ${rule.valueSet}`);
        for (const { value, location } of from(rule.path)) {
          const codings = isObject(value) && Array.isArray(value['coding']) ? value['coding'] : [value];
          for (const coding of codings) {
            const code = isObject(coding) ? coding['code'] : coding;
            const system = isObject(coding) ? coding['system'] : rule.system;
            if (typeof code !== 'string') continue;
            if (!inValueSet(valueSet, typeof system === 'string' ? system : undefined, code)) report(this.ctx.location(coding) ?? location, rule.description);
          }
        }
        return;
      }
      case 'invariant': {
        if (rule.on !== undefined) {
          const targets = from(rule.on);
          const results = from(`${rule.on}.select(${rule.expression})`);
          // select() gives one result per target that yields one; a target yielding nothing fails.
          targets.forEach((target, i) => {
            if (targets.length !== results.length || results[i]?.value !== true) report(target.location, rule.description);
          });
          return;
        }
        const result = rule.context === undefined ? from(rule.expression) : from(`select(${rule.expression})`);
        if (!(result.length === 1 && result[0]?.value === true)) report(undefined, rule.description);
        return;
      }
      case 'reference':
        for (const { value, location } of from(rule.path)) {
          if (!isObject(value) || typeof value['reference'] !== 'string') {
            if (rule.bundled) report(location, `${rule.description}: a literal reference to an entry of this Bundle is required.`);
            continue;
          }
          const target = this.ctx.resolve(value['reference'], entry ?? this.ctx.entryOf(value));
          if (!target) {
            if (rule.bundled) report(location, `${rule.description}: the reference does not resolve to an entry of this Bundle.`);
            continue;
          }
          if (!(target.resourceType in rule.targets)) {
            report(location, `${rule.description}: the reference points at a ${target.resourceType}.`);
            continue;
          }
          const targetProfile = rule.targets[target.resourceType];
          if (targetProfile !== undefined) this.assign(target, targetProfile);
        }
        return;
      case 'closedSlicing':
        from(rule.path).forEach((value, i) => {
          const matches = Object.values(rule.slices).some((predicate) => {
            const result = from(`${rule.path}[${i}].select(${predicate})`);
            return result.length === 1 && result[0]?.value === true;
          });
          if (!matches) report(value.location, rule.description);
        });
        return;
      case 'narrative': {
        const narrative = narrativeOf(resource);
        if (narrative === undefined) return; // the missing narrative is its own finding
        for (const { value, location } of from(rule.path)) {
          const missing = rendered(value, narrative);
          if (missing.length > 0) report(location, `${rule.description} Not found in text.div: ${missing.join('; ')}.`);
        }
        return;
      }
      case 'check': {
        const env = { ctx: this.ctx, entry: entry ?? { index: -1, fullUrl: undefined, resource, resourceType: 'Bundle', id: undefined } };
        for (const violation of rule.check(item.value, env)) report(this.ctx.location(violation.at) ?? undefined, violation.message);
        return;
      }
    }
  }

  private report(profile: Profile, rule: Rule, location: string, message: string): void {
    this.findings.push({
      severity: rule.severity ?? defaultSeverity(rule),
      profile: profile.name,
      element: rule.element,
      rule: rule.id ?? ruleStatement(rule),
      location,
      message,
      source: rule.source,
    });
  }
}

function jsonCount(item: JsonObject, key: string): number {
  const count = (value: unknown) => (value === undefined ? 0 : Array.isArray(value) ? value.length : 1);
  return Math.max(count(item[key]), count(item[`_${key}`]));
}

function defaultSeverity(rule: Rule): Severity {
  return rule.kind === 'narrative' ? 'warning' : 'error';
}

function ruleStatement(rule: Rule): string {
  switch (rule.kind) {
    case 'cardinality':
      return `${rule.min}..${rule.max}`;
    case 'fixed':
      return `= ${String(rule.value)}`;
    case 'binding':
      return `required binding ${rule.valueSet}`;
    case 'reference':
      return `Reference(${Object.entries(rule.targets)
        .map(([type, profile]) => profile ?? type)
        .join(' | ')})${rule.bundled ? ' {bundled}' : ''}`;
    case 'closedSlicing':
      return `closed slicing (${Object.keys(rule.slices).join(', ')})`;
    case 'narrative':
      return 'SHALL:in-narrative';
    case 'invariant':
    case 'check':
      return rule.id ?? rule.kind;
  }
}
