import type { Principal, RequestBase } from '@pathway-graph/shared';
import { municipalityKnownNames } from './municipality-names.ts';
import { DEFAULT_DESCRIPTION_DEADLINE, assertDescriptionDeadline, type DescriptionDeadline } from './rules/description.ts';

/**
 * Where the anonymity rule gets the names of known children from, for one writer and the texts they are about to
 * store. The refusal must not tell the writer more than they know already (DESIGN.md, "Anonymity in the service"), so
 * a source gives the names of children the writer's own organisation knows, and may answer with only those of them
 * the texts mention (as the municipality does: municipality-names.ts).
 *
 * BUA stores no child's name (its patient register holds the CPR number, the pseudonym and the date of
 * registration); the municipality keeps the child's name from the MedCom letters it receives, so in a running
 * system the source is the municipality subgraph, asked through its API. Without one (a subgraph started alone for a
 * test) the source is empty and the CPR rule holds on its own; a test may pass its own.
 */
export type KnownChildNames = (writer: Principal, texts: readonly string[], request: RequestBase) => Promise<Iterable<string>>;

export const NO_KNOWN_NAMES: KnownChildNames = async () => [];

/** The advisory service's settings, fixed for the life of the subgraph. */
export interface AdvisorySettings {
  /** When a meeting's written description is due (BUA_ADVISORY_DESCRIPTION_DEADLINE). */
  descriptionDeadline: DescriptionDeadline;
  /** The clock every rule and guard uses; tests set it. */
  now: () => Date;
  knownNames: KnownChildNames;
}

/**
 * The settings as given: the deadline as the configuration read it (checked here), the municipality's endpoint (the
 * configuration's MUNICIPALITY_URL, or read when asked: the launcher knows ports late), the rest optional.
 */
export type AdvisoryOptions = Partial<Omit<AdvisorySettings, 'descriptionDeadline'>> & {
  descriptionDeadline?: { unit: string; amount: number };
  municipalityUrl?: string | (() => string);
};

export function advisorySettings(options: AdvisoryOptions = {}): AdvisorySettings {
  const { municipalityUrl } = options;
  const fromMunicipality = municipalityUrl ? municipalityKnownNames(typeof municipalityUrl === 'string' ? () => municipalityUrl : municipalityUrl) : undefined;
  return {
    descriptionDeadline: assertDescriptionDeadline(options.descriptionDeadline ?? DEFAULT_DESCRIPTION_DEADLINE),
    now: options.now ?? (() => new Date()),
    knownNames: options.knownNames ?? fromMunicipality ?? NO_KNOWN_NAMES,
  };
}

/** What the advisory resolvers find in the request context beside the sector's own. */
export interface AdvisoryContext {
  advisory: AdvisorySettings;
}
