import DataLoader from 'dataloader';
import { asFact, chronological, type ChildPathwayEvent, type PathwayEvent } from '../domain/pathway/events.ts';

/** One kind of record a sector builds pathway events from: one statement for all the children asked about. */
export type PathwayEventSource = (childIds: readonly string[]) => Promise<ChildPathwayEvent[]>;

/**
 * A sector's pathway events per child (`<sector>Facts.events`), for every child of the request at once: each source
 * runs once per batch, so a child with 500 events costs the statements of one with 5, and a page of children the
 * statements of one child.
 */
export function pathwayEventsLoader(sources: readonly PathwayEventSource[]): DataLoader<string, PathwayEvent[]> {
  return new DataLoader<string, PathwayEvent[]>(async (ids) => {
    const byChild = new Map<string, ChildPathwayEvent[]>(ids.map((id) => [id, []]));
    for (const events of await Promise.all(sources.map((source) => source(ids)))) {
      for (const e of events) byChild.get(e.childId)?.push(e);
    }
    return ids.map((id) => chronological(byChild.get(id) ?? []).map(asFact));
  });
}

/**
 * `(ctx, childId) => events` for a sector: the loader is made once per request (keyed by its access context, as the
 * shared services key theirs), from the sources the sector names for that request.
 */
export function pathwayEventsPerRequest<TContext extends { access: object }>(sourcesOf: (ctx: TContext) => readonly PathwayEventSource[]) {
  const loaders = new WeakMap<object, DataLoader<string, PathwayEvent[]>>();
  return (ctx: TContext, childId: string): Promise<PathwayEvent[]> => {
    let loader = loaders.get(ctx.access);
    if (!loader) {
      loader = pathwayEventsLoader(sourcesOf(ctx));
      loaders.set(ctx.access, loader);
    }
    return loader.load(childId);
  };
}

/** A source from a per-child loader the sector already has: no second statement when another field loads the same rows. */
export function fromChildLoader<TRow>(load: (childId: string) => Promise<readonly TRow[]>, toEvents: (row: TRow) => ChildPathwayEvent[]): PathwayEventSource {
  return async (ids) => (await Promise.all(ids.map(load))).flat().flatMap(toEvents);
}
