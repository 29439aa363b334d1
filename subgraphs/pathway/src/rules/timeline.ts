import { decodeCursor, pageSize, toConnection, type Connection } from '@pathway-graph/shared';
import type { GraduatedStep, InvolvedSector, PathwayEventKind } from '../generated/resolvers-types.ts';
import { SECTORS } from './facts.ts';

/** One event of the merged timeline, as `PathwayEvent` shows it. */
export interface TimelineEvent {
  id: string;
  sector: InvolvedSector;
  at: string;
  kind: PathwayEventKind;
  recordStep: GraduatedStep | null;
  subjectId: string;
  summary: string;
}

/** A sector's events as its facts carried them (already checked by `readFacts`). */
export interface SectorEvents {
  sector: InvolvedSector;
  events: readonly Omit<TimelineEvent, 'sector'>[];
}

/**
 * The sort key of an event: its instant (ISO, fixed width, so it sorts as text), then the sector in enum order, then
 * its id. Total and stable, so a cursor made from it still points at the same place when new events arrive.
 */
export function timelineKey(e: TimelineEvent): string {
  return `${new Date(e.at).toISOString()}|${SECTORS.indexOf(e.sector as (typeof SECTORS)[number])}|${e.id}`;
}

/** Every sector's events in one chronological list, oldest first; the public id names the sector too. */
export function mergeTimeline(sectors: readonly SectorEvents[]): TimelineEvent[] {
  const all = sectors.flatMap(({ sector, events }) => events.map((e) => ({ ...e, sector, id: `${sector}:${e.id}` })));
  const keyed = all.map((e) => [timelineKey(e), e] as const);
  keyed.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return keyed.map(([, e]) => e);
}

/** A page of the merged timeline: `first` events after the `after` cursor (BAD_USER_INPUT for a bad one). */
export function timelinePage(events: readonly TimelineEvent[], first: number | null | undefined, after: string | null | undefined): Connection<TimelineEvent> & { totalCount: number } {
  const size = pageSize(first);
  const from = decodeCursor(after);
  const rest = from === undefined ? events : events.filter((e) => timelineKey(e) > from);
  return { ...toConnection(rest.slice(0, size + 1), size, timelineKey, (e) => e), totalCount: events.length };
}
