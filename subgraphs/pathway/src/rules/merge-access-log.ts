/** One sector's page, as the merge sees it: entries newest first, and whether older ones remain there. */
export interface SourcePage<E extends { id: string }> {
  entries: E[];
  nextBefore: string | null;
}

/**
 * Merges the sectors' newest-first pages into one page of `first` entries. Entry ids are UUIDv7, ordered by time in
 * every sector, so comparing ids orders the merged log and the last id is a cursor every sector understands.
 */
export function mergeAccessLogPages<E extends { id: string }>(pages: SourcePage<E>[], first: number): { entries: E[]; nextBefore: string | null } {
  const all = pages.flatMap((p) => p.entries).sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  const entries = all.slice(0, first);
  const more = all.length > first || pages.some((p) => p.nextBefore !== null);
  return { entries, nextBefore: more && entries.length > 0 ? entries.at(-1)!.id : null };
}
