/** One sector's page, as the merge sees it: entries newest first, and whether older ones remain there. */
export interface SourcePage<E extends { id: string }> {
  entries: E[];
  nextBefore: string | null;
}

/** What one sector answered: its page, or null when it could not be reached (down, or no usable answer). */
export interface SourceAnswer<E extends { id: string }> {
  source: string;
  page: SourcePage<E> | null;
}

export interface MergedAccessLogPage<E extends { id: string }> extends SourcePage<E> {
  /** The sources whose entries this page lacks because they did not answer; empty when it is complete. */
  unavailableSources: string[];
}

/**
 * Merges the sectors' newest-first pages into one page of `first` entries. Entry ids are UUIDv7, ordered by time in
 * every sector, so comparing ids orders the merged log and the last id is a cursor every sector understands. A
 * sector that did not answer leaves the others' entries standing and is named, so the page is never taken for the
 * whole log (an auditor asks again later for the missing part).
 */
export function mergeAccessLogPages<E extends { id: string }>(answers: SourceAnswer<E>[], first: number): MergedAccessLogPage<E> {
  const pages = answers.flatMap((a) => (a.page ? [a.page] : []));
  const all = pages.flatMap((p) => p.entries).sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  const entries = all.slice(0, first);
  const more = all.length > first || pages.some((p) => p.nextBefore !== null);
  return {
    entries,
    nextBefore: more && entries.length > 0 ? entries.at(-1)!.id : null,
    unavailableSources: answers.filter((a) => a.page === null).map((a) => a.source),
  };
}
