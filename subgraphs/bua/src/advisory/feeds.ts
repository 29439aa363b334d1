import {
  assertUuid,
  badUserInput,
  conflict,
  forbidden,
  hasErrorCode,
  isRegionMidtjyllandMunicipalityCode,
  notFound,
  uuid7,
  type MunicipalityCode,
  type Principal,
  type TokenVerifier,
} from '@pathway-graph/shared';
import type { Express, Request, Response } from 'express';
import { GraphQLError } from 'graphql';
import { createHash, randomBytes } from 'node:crypto';
import type { Context } from '../context.ts';
import { feedContents, findActiveFeedByTokenHash, findFeedById, insertFeed, listFeeds, revokeFeed as revokeFeedRow, type FeedRow } from '../db/advisory.ts';
import type { BuaDb } from '../db/repository.ts';
import { adviserCalendar, municipalityCalendar } from './ical.ts';
import { toBooking, toStoredSlot, type AdvisoryCalendarFeedCreatedModel } from './model.ts';
import { assertBuaAdviser, bookerMunicipality, isBuaAdviser, isEligibleBooker, isEligibleStaffOf } from './rules/eligibility.ts';
import type { AdvisorySettings } from './runtime.ts';
import { isBuaPlanner, municipalityInScope } from './visibility.ts';

/**
 * The advisory meetings as iCalendar feeds (RFC 5545), one per municipality and one per adviser, served by the BUA
 * subgraph at
 *   GET /advisory/calendar/municipality/<code>.ics
 *   GET /advisory/calendar/adviser.ics
 *
 * Protection. Calendar programs subscribe to an address and fetch it on their own schedule; they cannot obtain or
 * send our short-lived bearer tokens. So a feed is opened by a capability: `createAdvisoryCalendarFeed` makes a
 * random 256-bit secret, returns it once inside the feed's address (`?token=...`), and keeps only its SHA-256, so
 * neither the database nor a backup opens a feed. The secret is revocable (`revokeAdvisoryCalendarFeed`: the address
 * stops working at once) and one feed's secret opens that feed only. A signed URL (an HMAC over the feed's id) was
 * the alternative; it would save one indexed look-up but needs a server secret to rotate and a revocation list
 * anyway. Programs that can send a bearer token (a front end, a script) may use `Authorization: Bearer` instead,
 * with the same rights as the GraphQL API.
 *
 * What a feed may hold: the meeting times, kinds, links, and whether a slot is booked (ical.ts), never who booked
 * it or what the case is, and nothing about a child. The address holds a municipality code and a random secret,
 * never a CPR number or a person's name; the adviser feed's address names no adviser (the secret says whose it is).
 * The service logs paths only (shared/src/server/http.ts), so the secret is not written to its logs.
 */

export const FEED_PATHS = {
  municipality: '/advisory/calendar/municipality/:file',
  adviser: '/advisory/calendar/adviser.ics',
} as const;

/** How far back and ahead a feed reaches: recent meetings stay visible, and every planned one is there. */
const FEED_PAST_DAYS = 30;
const FEED_FUTURE_DAYS = 400;
const FEED_MAX_SLOTS = 2000;

export function newFeedToken(): string {
  return randomBytes(32).toString('base64url');
}

export function feedTokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The feed's path, secret included. */
export function feedPath(feed: Pick<FeedRow, 'kind' | 'municipalityCode'>, token: string): string {
  const base = feed.kind === 'MUNICIPALITY' ? `/advisory/calendar/municipality/${feed.municipalityCode}.ics` : FEED_PATHS.adviser;
  return `${base}?token=${encodeURIComponent(token)}`;
}

// ---- GraphQL: creating, listing and revoking feeds --------------------------------------------------------------

export async function createFeed(ctx: Context, kind: 'MUNICIPALITY' | 'ADVISER', municipalityCode: number | null | undefined): Promise<AdvisoryCalendarFeedCreatedModel> {
  const { principal } = ctx;
  let owner: { municipalityCode: MunicipalityCode | null; adviserId: string | null };
  if (kind === 'MUNICIPALITY') {
    const code = municipalityInScope(principal, municipalityCode, 'advisory calendar');
    if (code === undefined) throw badUserInput("municipalityCode: name the municipality whose calendar the feed shows.", { field: 'municipalityCode' });
    owner = { municipalityCode: code, adviserId: null };
  } else {
    assertBuaAdviser(principal, 'subscribe to an adviser’s own calendar');
    if (municipalityCode != null) throw badUserInput('An adviser’s feed shows their own meetings with every municipality; leave out municipalityCode.', { field: 'municipalityCode' });
    owner = { municipalityCode: null, adviserId: principal.subject };
  }
  const token = newFeedToken();
  const feed = await insertFeed(ctx.db, {
    id: uuid7(),
    kind,
    ...owner,
    tokenHash: feedTokenHash(token),
    createdBy: principal.subject,
    createdAt: ctx.advisory.now(),
  });
  return { feed, token, path: feedPath(feed, token) };
}

/** The feeds the reader may revoke: their municipality's and their own; everyone's for BUA's administrators. */
function feedFilter(principal: Principal): { municipalityCode?: MunicipalityCode; createdBy?: string } | null {
  if (principal.sector === 'BUA' && principal.roles.includes('ADMINISTRATOR')) return {};
  if (isEligibleBooker(principal)) return { municipalityCode: bookerMunicipality(principal), createdBy: principal.subject };
  if (isBuaPlanner(principal)) return { createdBy: principal.subject };
  return null;
}

const MAX_FEEDS_LISTED = 200;

export async function listMyFeeds(ctx: Context): Promise<FeedRow[]> {
  const filter = feedFilter(ctx.principal);
  if (!filter) throw forbidden("Advisory calendar feeds are for the municipalities' advisory staff and BUA's advisers and administrators.", { field: 'roles' });
  return listFeeds(ctx.db, filter, MAX_FEEDS_LISTED);
}

function mayRevoke(principal: Principal, feed: FeedRow): boolean {
  if (feed.createdBy === principal.subject) return true;
  if (principal.sector === 'BUA' && principal.roles.includes('ADMINISTRATOR')) return true;
  return feed.kind === 'MUNICIPALITY' && feed.municipalityCode !== null && isEligibleStaffOf(principal, feed.municipalityCode);
}

export async function revokeFeed(ctx: Context, id: string): Promise<FeedRow> {
  assertUuid(id, 'id', 'id must be a feed id (a UUID) as returned by createAdvisoryCalendarFeed or advisoryCalendarFeeds.');
  const feed = await findFeedById(ctx.db, id);
  if (!feed) throw notFound('No calendar feed has this id.', { field: 'id' });
  if (!mayRevoke(ctx.principal, feed)) {
    throw forbidden("A calendar feed is revoked by whoever created it, the municipality's advisory staff, or BUA's administrators.", { field: 'id' });
  }
  const revoked = await revokeFeedRow(ctx.db, id, ctx.principal.subject, ctx.advisory.now());
  if (!revoked) throw conflict('This calendar feed is already revoked.', { field: 'id' });
  return revoked;
}

// ---- HTTP: the feeds themselves ---------------------------------------------------------------------------------

type FeedOwner = { municipalityCode: MunicipalityCode } | { adviserId: string };

class FeedRefusal extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404,
    message: string,
  ) {
    super(message);
  }
}

const WRONG_ADDRESS =
  'This calendar address is not valid: it was revoked, or mistyped. Create a new feed (createAdvisoryCalendarFeed) and subscribe to its address.';

/** Who asks for which feed: the secret of the address, or a bearer token with the API's rights. */
async function ownerOf(request: Request, wanted: { kind: 'MUNICIPALITY'; code: MunicipalityCode } | { kind: 'ADVISER' }, db: BuaDb, verifier: TokenVerifier): Promise<FeedOwner> {
  const authorization = request.headers.authorization;
  if (authorization) {
    let principal: Principal;
    try {
      principal = await verifier.verify(authorization);
    } catch (error) {
      if (error instanceof GraphQLError) throw new FeedRefusal(401, error.message);
      throw error;
    }
    if (wanted.kind === 'ADVISER') {
      if (!isBuaAdviser(principal)) throw new FeedRefusal(403, 'An adviser’s calendar is for BUA’s advisers: it shows the meetings you hold.');
      return { adviserId: principal.subject };
    }
    try {
      municipalityInScope(principal, wanted.code, 'advisory calendar');
    } catch (error) {
      if (hasErrorCode(error, 'FORBIDDEN')) throw new FeedRefusal(403, (error as GraphQLError).message);
      throw error;
    }
    return { municipalityCode: wanted.code };
  }
  const token = typeof request.query['token'] === 'string' ? request.query['token'] : undefined;
  if (!token) {
    throw new FeedRefusal(401, 'This calendar needs its secret address (…?token=…, from createAdvisoryCalendarFeed) or a bearer token.');
  }
  if (token.length > 100) throw new FeedRefusal(403, WRONG_ADDRESS);
  const feed = await findActiveFeedByTokenHash(db, feedTokenHash(token));
  // One answer for an unknown, a revoked and another feed's secret: a guess learns nothing.
  if (!feed) throw new FeedRefusal(403, WRONG_ADDRESS);
  if (wanted.kind === 'ADVISER') {
    if (feed.kind !== 'ADVISER' || feed.adviserId === null) throw new FeedRefusal(403, WRONG_ADDRESS);
    return { adviserId: feed.adviserId };
  }
  if (feed.kind !== 'MUNICIPALITY' || feed.municipalityCode !== wanted.code) throw new FeedRefusal(403, WRONG_ADDRESS);
  return { municipalityCode: wanted.code };
}

/** The feed's text: one query for the slots, one for their standing bookings. */
export async function renderFeed(db: BuaDb, owner: FeedOwner, now: Date): Promise<string> {
  const from = new Date(now.getTime() - FEED_PAST_DAYS * 86_400_000);
  const until = new Date(now.getTime() + FEED_FUTURE_DAYS * 86_400_000);
  const { slots, bookings } = await feedContents(db, owner, from, until, FEED_MAX_SLOTS);
  const feedSlots = slots.map(toStoredSlot);
  const feedBookings = bookings.map(toBooking);
  return 'municipalityCode' in owner
    ? municipalityCalendar(owner.municipalityCode, feedSlots, feedBookings, { generatedAt: now })
    : adviserCalendar(owner.adviserId, feedSlots, feedBookings, { generatedAt: now });
}

function refuse(response: Response, status: number, message: string): void {
  response.status(status).type('text/plain; charset=utf-8');
  if (status === 401) response.setHeader('www-authenticate', 'Bearer');
  response.send(`${message}\n`);
}

/** Mounts the two feed routes on the BUA subgraph's HTTP service. */
export function calendarRoutes(db: BuaDb, verifier: TokenVerifier, settings: Pick<AdvisorySettings, 'now'>): (app: Express) => void {
  const serve = (wanted: (request: Request) => { kind: 'MUNICIPALITY'; code: MunicipalityCode } | { kind: 'ADVISER' } | null) => async (request: Request, response: Response) => {
    // The secret is in the address: no cache between here and the calendar program may keep it or the feed.
    response.setHeader('cache-control', 'private, no-store');
    response.setHeader('referrer-policy', 'no-referrer');
    try {
      const feed = wanted(request);
      if (!feed) {
        throw new FeedRefusal(404, 'No such calendar: the address is /advisory/calendar/municipality/<municipality code>.ics (one of the 19 of Region Midtjylland) or /advisory/calendar/adviser.ics.');
      }
      const owner = await ownerOf(request, feed, db, verifier);
      const text = await renderFeed(db, owner, settings.now());
      response.status(200).type('text/calendar; charset=utf-8').send(text);
    } catch (error) {
      if (error instanceof FeedRefusal) return refuse(response, error.status, error.message);
      request.log.error({ err: { type: error instanceof Error ? error.name : typeof error } }, 'calendar feed failed');
      refuse(response, 500, 'The calendar could not be made just now; the calendar program will try again later.');
    }
  };
  return (app) => {
    app.get(
      FEED_PATHS.municipality,
      serve((request) => {
        const match = /^(\d{3})\.ics$/.exec(String(request.params['file']));
        const code = match ? Number(match[1]) : NaN;
        return isRegionMidtjyllandMunicipalityCode(code) ? { kind: 'MUNICIPALITY', code } : null;
      }),
    );
    app.get(FEED_PATHS.adviser, serve(() => ({ kind: 'ADVISER' })));
  };
}
