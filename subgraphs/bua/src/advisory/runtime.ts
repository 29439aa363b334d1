import type { Principal } from '@pathway-graph/shared';
import { DEFAULT_DESCRIPTION_DEADLINE, assertDescriptionDeadline, type DescriptionDeadline } from './rules/description.ts';

/**
 * Where the anonymity rule gets the names of known children from, for one writer. The refusal must not tell the
 * writer more than they know already (DESIGN.md, "Anonymity in the service"), so a source gives the names of
 * children the writer's own organisation knows.
 *
 * Today BUA stores no child's name (its patient register holds the CPR number, the pseudonym and the date of
 * registration), and no other sector's names reach BUA, so the honest source is empty: the CPR rule holds on its
 * own, and the name rule starts refusing as soon as a source of names is configured here. A deployment (or a test)
 * passes one through the subgraph's options.
 */
export type KnownChildNames = (writer: Principal) => Promise<Iterable<string>>;

export const NO_KNOWN_NAMES: KnownChildNames = async () => [];

/** The advisory service's settings, fixed for the life of the subgraph. */
export interface AdvisorySettings {
  /** When a meeting's written description is due (BUA_ADVISORY_DESCRIPTION_DEADLINE). */
  descriptionDeadline: DescriptionDeadline;
  /** The clock every rule and guard uses; tests set it. */
  now: () => Date;
  knownNames: KnownChildNames;
}

/** The settings as given: the deadline as the configuration read it (checked here), the rest optional. */
export type AdvisoryOptions = Partial<Omit<AdvisorySettings, 'descriptionDeadline'>> & { descriptionDeadline?: { unit: string; amount: number } };

export function advisorySettings(options: AdvisoryOptions = {}): AdvisorySettings {
  return {
    descriptionDeadline: assertDescriptionDeadline(options.descriptionDeadline ?? DEFAULT_DESCRIPTION_DEADLINE),
    now: options.now ?? (() => new Date()),
    knownNames: options.knownNames ?? NO_KNOWN_NAMES,
  };
}

/** What the advisory resolvers find in the request context beside the sector's own. */
export interface AdvisoryContext {
  advisory: AdvisorySettings;
}
