import { parseDate, WITHHELD_REASONS, type Withholding } from '@pathway-graph/shared';
import { z } from 'zod';
import { SECTORS as PRINCIPAL_SECTORS } from '@pathway-graph/shared';
import { OPEN_ACTION_KINDS } from '@pathway-graph/shared/domain/open-actions/index';
import { GRADUATED_STEPS, PATHWAY_EVENT_KINDS } from '@pathway-graph/shared/domain/pathway/events';
import type { InvolvedSector, ScreeningTrack } from '../generated/resolvers-types.ts';

/**
 * The sectors' facts about a child as they reach the pathway subgraph through `@requires`. They come through the
 * gateway from another service, so nothing about them is trusted: each value is checked against the shape the
 * sector's schema declares, and anything else (an error object where facts belong, a string where a boolean belongs,
 * a withholding with data beside it, no facts object at all) counts as withheld, never as a fact. A refusal that
 * arrived as something other than `withheld` must not be read as "not involved" or, worse, as "involved".
 *
 * A key left out of the facts object counts as null: Hive Gateway's Rust query planner leaves null fields out of the
 * representations it sends (`{ "buaFacts": { "knownToBua": true } }` for `withheld: null`), where Apollo's gateway
 * and Hive's JavaScript planner send them. Null is what the sector answered, so nothing is read into the gap; a key
 * the sector's type does not declare still makes the whole object count as withheld. The same holds inside the facts
 * (an event's `recordStep`, a contact person's `name`): a nullable field left out is null; a required one left out
 * still makes the facts count as withheld.
 */

const SCREENING_TRACKS = ['RECOGNISED_MENTAL_PROBLEMS', 'CHRONIC_SOMATIC_ILLNESS', 'RELATIVE_OF_MENTALLY_ILL'] as const satisfies readonly ScreeningTrack[];

const instant = z.string().refine((v) => !Number.isNaN(Date.parse(v)));
/** A nullable field inside the facts: null, or left out (read as null). */
const orNull = <T extends z.ZodType>(type: T) => type.nullish().transform((v) => v ?? null);

/** `PathwayEventFact`, the same in every sector. */
const eventFact = z.object({
  id: z.string().min(1),
  at: instant,
  kind: z.enum(PATHWAY_EVENT_KINDS),
  recordStep: orNull(z.enum(GRADUATED_STEPS)),
  subjectId: z.string().min(1),
  summary: z.string(),
});
const events = z.array(eventFact).nullable();

/** `ContactPersonFact`. */
const contactPersonFact = z
  .object({
    status: z.enum(['NOT_CONSIDERED', 'APPOINTED', 'NONE_AGREED', 'ENDED']),
    at: orNull(instant),
    name: orNull(z.string()),
    role: orNull(z.string()),
    phone: orNull(z.string()),
  })
  .nullable();

/** `OpenActionFact`, the same in every sector. */
const openActions = z
  .array(
    z.object({
      kind: z.enum(OPEN_ACTION_KINDS),
      subjectId: z.string().min(1),
      ownerSector: z.enum(PRINCIPAL_SECTORS),
      ownerOrganisation: z.string().min(1),
      dueOn: z.string().refine((v) => parseDate(v).ok),
      overdue: z.boolean(),
    }),
  )
  .nullable();

/** Each sector's facts and their declared types (the sector schemas' `…Facts` types, all nullable there). */
const FACT_TYPES = {
  MUNICIPALITY: {
    birthDate: z.string().refine((v) => parseDate(v).ok).nullable(),
    knownToMunicipality: z.boolean().nullable(),
    events,
    openActions,
    coordinatingContactPerson: contactPersonFact,
  },
  GENERAL_PRACTICE: {
    ydernummer: z.string().nullable(),
    events,
    openActions,
    coordinatingContactPerson: contactPersonFact,
  },
  BUA: {
    knownToBua: z.boolean().nullable(),
    holdsTreatmentResponsibility: z.boolean().nullable(),
    treatmentResponsibilitySince: instant.nullable(),
    events,
    openActions,
    coordinatingContactPerson: contactPersonFact,
  },
  SCREENING: {
    tracks: z.array(z.enum(SCREENING_TRACKS)).nullable(),
    events,
    openActions,
  },
} as const satisfies Record<InvolvedSector, z.ZodRawShape>;

/** The facts the child's own computed fields (`age`, `involvedSectors`, `withheld`) have always required. */
const CHILD_FACTS = {
  MUNICIPALITY: ['birthDate', 'knownToMunicipality'],
  GENERAL_PRACTICE: ['ydernummer'],
  BUA: ['knownToBua'],
  SCREENING: ['tracks'],
} as const satisfies { [S in InvolvedSector]: readonly (keyof (typeof FACT_TYPES)[S])[] };

type FactTypes = typeof FACT_TYPES;
export type FactsOf<S extends InvolvedSector> = { [K in keyof FactTypes[S]]: z.infer<FactTypes[S][K]> };
export type FactName<S extends InvolvedSector> = keyof FactTypes[S] & string;

/** Where each sector's facts arrive on the child. */
export const FACTS_FIELD = {
  MUNICIPALITY: 'municipalityFacts',
  GENERAL_PRACTICE: 'generalPracticeFacts',
  BUA: 'buaFacts',
  SCREENING: 'screeningFacts',
} as const satisfies Record<InvolvedSector, string>;

/** The sectors in the order of the `InvolvedSector` enum. */
export const SECTORS = ['MUNICIPALITY', 'GENERAL_PRACTICE', 'BUA', 'SCREENING'] as const satisfies readonly InvolvedSector[];

/** What one sector's facts say for this reader: the facts, or why they were not shared. */
export type Facts<T> = { shared: T; withheld?: undefined } | { withheld: Withholding; shared?: undefined };

const withholdingSchema = z.object({ reason: z.enum(WITHHELD_REASONS), message: z.string() });

const OWNER: Record<InvolvedSector, string> = {
  MUNICIPALITY: "The municipality's",
  GENERAL_PRACTICE: "General practice's",
  BUA: "BUA's",
  SCREENING: "The screening tracks'",
};

function unavailable(sector: InvolvedSector): { withheld: Withholding } {
  return {
    withheld: {
      reason: 'UNAVAILABLE',
      message:
        `${OWNER[sector]} data about the child did not arrive in the form its schema declares, so it is left out. ` +
        'Try again; if it persists, report it quoting the request id (x-request-id response header).',
    },
  };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads a sector's facts from what the gateway passed. They count only when `withheld` is null and every fact the
 * field requires (`keys`; by default those of the child's own computed fields) is present with its declared type; a
 * sector's facts are used whole or not at all, so every computed field, and `withheld`, agree on which sectors shared.
 */
export function readFacts<S extends InvolvedSector, K extends FactName<S> = (typeof CHILD_FACTS)[S][number] & FactName<S>>(
  sector: S,
  value: unknown,
  keys: readonly K[] = CHILD_FACTS[sector] as readonly string[] as readonly K[],
): Facts<Pick<FactsOf<S>, K>> {
  if (!isRecord(value)) return unavailable(sector);
  // Only the keys the sector's type declares: anything else (an error object's message, extensions, path) is not facts.
  const declared = FACT_TYPES[sector] as Record<string, z.ZodType>;
  if (Object.keys(value).some((key) => key !== 'withheld' && key !== '__typename' && !Object.hasOwn(declared, key))) return unavailable(sector);
  // A missing key counts as null: some planners (Hive Gateway's) leave null fields out of what they pass on.
  if (value['withheld'] !== null && value['withheld'] !== undefined) {
    const withheld = withholdingSchema.safeParse(value['withheld']);
    return withheld.success ? { withheld: withheld.data } : unavailable(sector);
  }
  const shared: Record<string, unknown> = {};
  for (const key of keys) {
    const checked = declared[key]!.safeParse(key in value ? value[key] : null);
    if (!checked.success) return unavailable(sector);
    shared[key] = checked.data;
  }
  return { shared: shared as Pick<FactsOf<S>, K> };
}
