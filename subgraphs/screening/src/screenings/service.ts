import {
  appendAccessLog,
  assertChildPseudonym,
  assertUuid,
  badUserInput,
  conflict,
  decodeCursor,
  encodeCursor,
  forbidden,
  hasClinicalRole,
  isUuid,
  notFound,
  pageSize,
  uuid7,
} from '@pathway-graph/shared';
import { partyOfPrincipal, readableRecords } from '../access.ts';
import type { Context } from '../context.ts';
import { activeMemberships, findMembershipForUpdate } from '../db/repository.ts';
import { accessLog, consents, type ScreeningResultRow, type ScreeningTrack } from '../db/schema.ts';
import { insertResult, listRecordedResults } from '../db/screenings.ts';
import { buildTrend, type Informant, type ScreeningResult, type TrendSeries } from '../instruments/index.ts';
import { assertMayScreen, scoredColumns, scoreInput, type RecordScreeningInput } from './record.ts';

/**
 * Screening results: recorded (scored on the server, stored with everything they were scored with), listed per
 * child and per recording organisation, and trended. Every read passes the access guard and is logged.
 */

const sectorTables = { consents, accessLog };
export const SCREENINGS_PART = 'screenings';
export const TRENDS_PART = 'screeningTrends';
const WHAT = "the child's screening results";

/** A stored result as the engine's result, for trends and FHIR. */
export function toEngineResult(row: ScreeningResultRow): ScreeningResult {
  return {
    instrumentId: row.instrumentId,
    instrumentRevision: row.instrumentRevision,
    versionId: row.versionId,
    informant: row.informant,
    bandScheme: row.bandScheme,
    screeningDate: row.screeningDate,
    ageInYears: row.ageInYears,
    answers: row.answers as ScreeningResult['answers'],
    scores: row.scores as ScreeningResult['scores'],
    flags: row.flags as ScreeningResult['flags'],
    thresholds: row.thresholdOutcomes as ScreeningResult['thresholds'],
  };
}

/** The results of one child the reader may see (all of them, or those addressed to the reader's organisation). */
export async function readableResults(ctx: Context, childId: string, rows: readonly ScreeningResultRow[], part = SCREENINGS_PART): Promise<ScreeningResultRow[]> {
  const record = await ctx.loaders.child.load(childId);
  return readableRecords(ctx, childId, record, rows, part, WHAT);
}

/** Results of many children at once (a page), read child by child in parallel so the guard batches them. */
export async function readableResultsOfMany(ctx: Context, rows: readonly ScreeningResultRow[]): Promise<ScreeningResultRow[]> {
  const byChild = new Map<string, ScreeningResultRow[]>();
  for (const row of rows) byChild.set(row.childId, [...(byChild.get(row.childId) ?? []), row]);
  const allowed = new Set((await Promise.all([...byChild].map(([childId, own]) => readableResults(ctx, childId, own)))).flat());
  return rows.filter((r) => allowed.has(r));
}

export async function childScreenings(ctx: Context, childId: string, filter: { track?: ScreeningTrack | null; instrumentId?: string | null }): Promise<ScreeningResultRow[]> {
  const rows = (await ctx.loaders.resultsOfChild.load(childId)).filter(
    (r) => (!filter.track || r.track === filter.track) && (!filter.instrumentId || r.instrumentId === filter.instrumentId),
  );
  return readableResults(ctx, childId, rows);
}

/** Per instrument, informant and score: the child's results over time, oldest first (the engine's buildTrend). */
export async function childTrends(
  ctx: Context,
  childId: string,
  filter: { track?: ScreeningTrack | null; instrumentId?: string | null },
): Promise<(TrendSeries & { instrumentId: string })[]> {
  const rows = (await ctx.loaders.resultsOfChild.load(childId)).filter(
    (r) => (!filter.track || r.track === filter.track) && (!filter.instrumentId || r.instrumentId === filter.instrumentId),
  );
  const readable = await readableResults(ctx, childId, rows, TRENDS_PART);
  const series: (TrendSeries & { instrumentId: string })[] = [];
  for (const instrumentId of [...new Set(readable.map((r) => r.instrumentId))]) {
    const instrument = ctx.setup.registry.instrument(instrumentId);
    if (!instrument) continue;
    const results = readable.filter((r) => r.instrumentId === instrumentId).map((r) => ({ ...toEngineResult(r), id: r.id }));
    for (const s of buildTrend(instrument, results)) series.push({ ...s, instrumentId });
  }
  return series;
}

const INFORMANT: Record<'SELF' | 'PARENT' | 'TEACHER', Informant> = { SELF: 'self', PARENT: 'parent', TEACHER: 'teacher' };

export interface RecordScreeningArgs extends Omit<RecordScreeningInput, 'informant'> {
  informant?: 'SELF' | 'PARENT' | 'TEACHER' | null;
}

const MAX_ANSWERS = 60;

/**
 * Records a screening in the child's active membership of the track. The reader must be a screening participant of
 * the track and able to see the membership (owner, addressed, or with a consent); otherwise the same refusal as for
 * reading it, so a refusal tells nothing about whether the child is in the track.
 */
export async function recordScreening(ctx: Context, args: RecordScreeningArgs): Promise<ScreeningResultRow> {
  assertMayScreen(ctx.principal, args.track);
  const childId = assertChildPseudonym(args.childId, 'input.childId');
  if (args.answers && args.answers.length > MAX_ANSWERS) {
    throw badUserInput(`input.answers has ${args.answers.length} answers; an instrument has at most ${MAX_ANSWERS} items.`, { field: 'input.answers', maxItems: MAX_ANSWERS });
  }
  args.answers?.forEach((a, i) => {
    if (a.item.length > 40) throw badUserInput(`input.answers[${i}].item is not an item id (at most 40 characters).`, { field: `input.answers[${i}].item` });
  });
  const input: RecordScreeningInput = { ...args, informant: args.informant ? INFORMANT[args.informant] : null };
  // Checked before the transaction (reads never run inside one: the embedded database has one connection).
  const record = await ctx.loaders.child.load(childId);
  const active = activeMemberships(record).find((m) => m.track === args.track) ?? null;
  const visible = await readableRecords(ctx, childId, record, active ? [active] : [], 'trackMemberships', "the child's screening-track membership");
  if (!record || !active || visible.length === 0) {
    throw notFound('The child is not in this track today (no membership that has not ended); register the child in the track first.', { field: 'input.track' });
  }
  const scored = scoreInput(ctx.setup, input, { birthDate: record.birthDate, since: active.since, today: ctx.access.today });
  const row = await ctx.db.transaction(async (tx) => {
    const membership = await findMembershipForUpdate(tx, active.id);
    if (!membership || membership.endedOn !== null) {
      throw conflict('The membership ended while the screening was recorded; nothing was stored. Register the child again to screen it.', { field: 'input.track' });
    }
    const inserted = await insertResult(tx, {
      id: uuid7(),
      childId,
      membershipId: membership.id,
      track: membership.track,
      municipalityCode: membership.municipalityCode,
      ...scoredColumns(scored),
      recordedBySubject: ctx.principal.subject,
      recordedByName: ctx.principal.displayName,
      recordedBySector: ctx.principal.sector,
      recordedByOrganisation: ctx.principal.organisation,
      parties: [...new Set([...membership.parties, partyOfPrincipal(ctx.principal)])],
    });
    await appendAccessLog(tx, sectorTables, [ctx.access.changeEntry(childId, [SCREENINGS_PART])]);
    return inserted;
  });
  ctx.loaders.resultsOfChild.clear(childId);
  const [readable] = await readableResults(ctx, childId, [row]);
  return readable!;
}

export interface RecordedArgs {
  track?: ScreeningTrack | null;
  positive?: boolean | null;
  first?: number | null;
  after?: string | null;
}

/** The results the caller's organisation recorded, newest first: its own records, each read logged. */
export async function recordedScreenings(ctx: Context, args: RecordedArgs) {
  if (!hasClinicalRole(ctx.principal)) {
    throw forbidden("The screenings an organisation recorded are its clinical staff's records; analysts read screeningEvaluation.", { rule: 'NO_CLINICAL_ROLE' });
  }
  const size = pageSize(args.first);
  const before = decodeCursor(args.after);
  if (before !== undefined && !isUuid(before)) {
    throw badUserInput('after is not a cursor returned by this API; pass pageInfo.endCursor of the previous page.', { field: 'after' });
  }
  const rows = await listRecordedResults(
    ctx.db,
    { sector: ctx.principal.sector, organisation: ctx.principal.organisation, track: args.track ?? null, positive: args.positive ?? null },
    size + 1,
    before,
  );
  // The organisation's own records, so every one is readable; each child's read is logged.
  const page = await readableResultsOfMany(ctx, rows.slice(0, size));
  const edges = page.map((r) => ({ cursor: encodeCursor(r.id), node: r }));
  return { edges, pageInfo: { hasNextPage: rows.length > size, endCursor: edges.at(-1)?.cursor ?? null } };
}

/** One result by id, as the reader may see it (used by action plans). */
export async function getResult(ctx: Context, id: string, field = 'id'): Promise<ScreeningResultRow> {
  const row = await ctx.loaders.result.load(assertUuid(id, field, `${field} is not a screening result id.`));
  if (!row) throw notFound(`No screening result with id ${id}.`, { field });
  const [readable] = await readableResults(ctx, row.childId, [row]);
  return readable!;
}
