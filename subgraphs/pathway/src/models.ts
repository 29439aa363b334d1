import type { SectorFacts } from './rules/involved-sectors.ts';

/** A child as the gateway hands it over: the pseudonym plus whatever `@requires` fields it fetched. */
export interface ChildModel extends SectorFacts {
  id: string;
  birthDate?: string | null;
}
