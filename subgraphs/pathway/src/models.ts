/**
 * A child as the gateway hands it over: the pseudonym plus the sector facts it fetched for `@requires`. The facts
 * come from other services and are not trusted until `rules/facts.ts` has checked them, hence `unknown`.
 */
export interface ChildModel {
  id: string;
  municipalityFacts?: unknown;
  generalPracticeFacts?: unknown;
  buaFacts?: unknown;
  screeningFacts?: unknown;
}

/** A child's pathway as the gateway hands it over: the pseudonym plus the sector facts its fields `@requires`. */
export type PathwayModel = ChildModel;
