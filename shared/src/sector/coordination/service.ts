import DataLoader from 'dataloader';
import type { GraphQLError } from 'graphql';
import { hasClinicalRole } from '../../access/policy.ts';
import type { AnyDatabase } from '../../db/database.ts';
import {
  contactPersonState,
  recordContactPersonEvent,
  type ContactPerson,
  type ContactPersonEvent,
  type ContactPersonState,
  type CoordinatingSector,
} from '../../domain/coordination/contact-persons.ts';
import { completeAction, isActionOverdue, validateNetworkMeeting, type NetworkMeetingInput } from '../../domain/coordination/network-meetings.ts';
import { assertNotInFuture, parseInstant } from '../../domain/input.ts';
import { assertChildPseudonym } from '../../domain/pseudonym.ts';
import { badUserInput, forbidden, hasErrorCode, notFound } from '../../errors.ts';
import { serializeDateTime } from '../../server/scalars.ts';
import { assertUuid, uuid7 } from '../../uuid7.ts';
import type { GuardedChild, RequestAccess, SectorOwnership } from '../access.ts';
import { appendAccessLog } from '../repository.ts';
import type { SectorTables } from '../tables.ts';
import {
  findContactPersonEventsByChildIds,
  findNetworkMeetingById,
  findNetworkMeetingsByChildIds,
  insertContactPersonEvent,
  insertNetworkMeeting,
  lockChildRecords,
  updateNetworkMeetingActions,
} from './repository.ts';
import type { ContactPersonEventRow, CoordinationTables, NetworkMeetingRow } from './tables.ts';
import { contactPersonRecordEvents, networkMeetingEvents } from '../../domain/pathway/events.ts';
import type { PathwayEventSource } from '../pathway-events.ts';

/** The parts of the access log these records are read and changed under. */
export const CONTACT_PERSON_PART = 'contactPersons';
export const NETWORK_MEETING_PART = 'networkMeetings';

interface CoordinationContext {
  access: RequestAccess;
  db: AnyDatabase<Record<string, unknown>>;
}

export interface CoordinationServiceOptions<TContext extends CoordinationContext> {
  /** The sector whose subgraph this is: it records its own contact person and the meetings it called. */
  sector: CoordinatingSector;
  tables: CoordinationTables & SectorTables;
  ownership: SectorOwnership;
  /** The child as this sector knows it (guarded like the sector's other data), or null when it has no record of it. */
  findChild(ctx: TContext, childId: string): Promise<GuardedChild | null>;
}

/** The current contact-person state of the sector, as the API shows it. */
export interface ContactPersonModel {
  sector: CoordinatingSector;
  status: ContactPersonState['status'];
  at: string | null;
  person: ContactPerson | null;
  note: string | null;
  previous: ContactPerson | null;
}

/** The contact person as the pathway's facts carry it (`ContactPersonFact`). */
export interface ContactPersonFactModel {
  status: ContactPersonState['status'];
  at: string | null;
  name: string | null;
  role: string | null;
  phone: string | null;
}

export interface ContactPersonRecordModel {
  id: string;
  type: ContactPersonEvent['type'];
  at: string;
  person: ContactPerson | null;
  note: string | null;
  recordedAt: string;
}

export interface NetworkMeetingModel {
  id: string;
  childId: string;
  calledBy: { sector: CoordinatingSector; organisation: string };
  heldOn: string;
  participants: { sector: string; role: string }[];
  summary: string;
  actions: { index: number; description: string; owner: { sector: CoordinatingSector; organisation: string }; dueOn: string; completedAt: string | null; overdue: boolean }[];
  recordedAt: string;
}

export interface RecordContactPersonInput {
  childId: string;
  type: string;
  at: string;
  person?: { name: string; role: string; phone?: string | null } | null;
  note?: string | null;
}

export type RecordNetworkMeetingInput = NetworkMeetingInput & { childId: string };

const SECTOR_LABEL: Record<CoordinatingSector, string> = {
  MUNICIPALITY: 'the municipality',
  GENERAL_PRACTICE: 'general practice',
  BUA: 'BUA',
  PAEDIATRICS: 'paediatrics',
  ADULT_PSYCHIATRY: 'adult psychiatry',
  HEALTH_VISITING: 'health visiting',
};

function toEvent(row: ContactPersonEventRow): ContactPersonEvent {
  const at = serializeDateTime(row.at);
  if (row.type === 'APPOINTED') return { type: 'APPOINTED', sector: row.sector, at, person: { name: row.name!, role: row.role!, phone: row.phone } };
  if (row.type === 'NONE_AGREED') return { type: 'NONE_AGREED', sector: row.sector, at, note: row.note ?? '' };
  return { type: 'ENDED', sector: row.sector, at };
}

function toStateModel(state: ContactPersonState): ContactPersonModel {
  switch (state.status) {
    case 'NOT_CONSIDERED':
      return { sector: state.sector, status: state.status, at: null, person: null, note: null, previous: null };
    case 'APPOINTED':
      return { sector: state.sector, status: state.status, at: state.since, person: state.person, note: null, previous: null };
    case 'NONE_AGREED':
      return { sector: state.sector, status: state.status, at: state.since, person: null, note: state.note, previous: null };
    case 'ENDED':
      return { sector: state.sector, status: state.status, at: state.since, person: null, note: null, previous: state.previous };
  }
}

function toRecordModel(row: ContactPersonEventRow): ContactPersonRecordModel {
  return {
    id: row.id,
    type: row.type,
    at: serializeDateTime(row.at),
    person: row.type === 'APPOINTED' ? { name: row.name!, role: row.role!, phone: row.phone } : null,
    note: row.note,
    recordedAt: row.recordedAt,
  };
}

function toMeetingModel(row: NetworkMeetingRow, today: string): NetworkMeetingModel {
  return {
    id: row.id,
    childId: row.childId,
    calledBy: { sector: row.sector, organisation: row.organisation },
    heldOn: row.heldOn,
    participants: row.participants,
    summary: row.summary,
    actions: row.actions.map((a, index) => ({
      index,
      description: a.description,
      owner: a.owner,
      dueOn: a.dueOn,
      completedAt: a.completedAt,
      overdue: isActionOverdue(a, today),
    })),
    recordedAt: row.recordedAt,
  };
}

/**
 * Coordination around a child's pathway (agreement 6.1), the same in every sector subgraph that coordinates: the
 * sector's responsible coordinating contact person (one active at a time, the history kept, and whether one was
 * considered and agreed even when nobody is appointed), and the network meetings the sector called. Guard first,
 * rule second, then the record and its access-log entry in one transaction.
 *
 * Who sees what: the sector's own organisation; another sector with an active consent held by this sector; and, for a
 * meeting, the organisations that own one of its agreed actions (the minutes are addressed to them), who may also
 * complete their own action.
 */
export function coordinationService<TContext extends CoordinationContext>(options: CoordinationServiceOptions<TContext>) {
  const { sector, tables, ownership } = options;
  const owner = SECTOR_LABEL[sector];
  const contactWhat = `the coordinating contact person of ${owner}`;
  const meetingWhat = `the network meetings called by ${owner}`;

  const loaders = new WeakMap<RequestAccess, { events: DataLoader<string, ContactPersonEventRow[]>; meetings: DataLoader<string, NetworkMeetingRow[]> }>();
  function loadersOf(ctx: TContext) {
    let found = loaders.get(ctx.access);
    if (!found) {
      found = {
        events: new DataLoader(async (ids) => {
          const rows = await findContactPersonEventsByChildIds(ctx.db, tables, ids);
          return ids.map((id) => rows.filter((r) => r.childId === id));
        }),
        meetings: new DataLoader(async (ids) => {
          const rows = await findNetworkMeetingsByChildIds(ctx.db, tables, ids);
          return ids.map((id) => rows.filter((r) => r.childId === id));
        }),
      };
      loaders.set(ctx.access, found);
    }
    return found;
  }

  /** Only this sector records its own coordination, and only for a child it has a record of, in its own organisation. */
  async function ownChild(ctx: TContext, childId: string, part: string, what: string, doing: string): Promise<GuardedChild> {
    if (!ctx.access.isOwnerSector) {
      throw forbidden(
        `Only ${owner} ${doing} here: each sector records its own coordination in its own subgraph (agreement 6.1); record yours in your sector's.`,
      );
    }
    const id = assertChildPseudonym(childId, 'childId');
    const child = await options.findChild(ctx, id);
    if (!child) throw notFound(`${capitalise(ownership.describe(null))} has no record of this child, so there is nothing to coordinate for it here.`, { field: 'childId' });
    await ctx.access.read(child, part, what);
    return child;
  }

  return {
    /** The pathway's timeline events of this sector's coordination: its contact-person records and its meetings. */
    pathwayEventSources(ctx: TContext): PathwayEventSource[] {
      const label = capitalise(owner);
      return [
        async (ids) => (await Promise.all(ids.map((id) => loadersOf(ctx).events.load(id)))).flat().flatMap((r) => contactPersonRecordEvents(r, label)),
        async (ids) => (await Promise.all(ids.map((id) => loadersOf(ctx).meetings.load(id)))).flat().flatMap((r) => networkMeetingEvents(r, label)),
      ];
    },

    async contactPerson(ctx: TContext, child: GuardedChild): Promise<ContactPersonModel> {
      await ctx.access.read(child, CONTACT_PERSON_PART, contactWhat);
      const rows = await loadersOf(ctx).events.load(child.id);
      return toStateModel(contactPersonState(rows.map(toEvent), sector));
    },

    /**
     * The sector's contact person for the pathway's facts (batched with every child of the request, one statement).
     * Unguarded: the facts field passes it through the guard as a whole (guardedFacts), withholding it when refused.
     */
    async contactPersonFact(ctx: TContext, childId: string): Promise<ContactPersonFactModel> {
      const state = contactPersonState((await loadersOf(ctx).events.load(childId)).map(toEvent), sector);
      const person = state.status === 'APPOINTED' ? state.person : null;
      return { status: state.status, at: state.status === 'NOT_CONSIDERED' ? null : state.since, name: person?.name ?? null, role: person?.role ?? null, phone: person?.phone ?? null };
    },

    async contactPersonHistory(ctx: TContext, child: GuardedChild): Promise<ContactPersonRecordModel[]> {
      await ctx.access.read(child, CONTACT_PERSON_PART, contactWhat);
      return (await loadersOf(ctx).events.load(child.id)).map(toRecordModel);
    },

    async recordContactPerson(ctx: TContext, input: RecordContactPersonInput): Promise<ContactPersonModel> {
      const child = await ownChild(ctx, input.childId, CONTACT_PERSON_PART, contactWhat, 'records its coordinating contact person');
      // The history is of what took effect: a planned hand-over is recorded when it happens.
      assertNotInFuture(parseInstant(input.at, 'at'), ctx.access.now, 'at');
      const state = await ctx.db.transaction(async (tx) => {
        await lockChildRecords(tx, tables.contactPersonEvents, child.id);
        const history = (await findContactPersonEventsByChildIds(tx, tables, [child.id])).map(toEvent);
        const next = recordContactPersonEvent(history, { ...input, sector });
        const event = next.at(-1)!;
        await insertContactPersonEvent(tx, tables, {
          id: uuid7(),
          childId: child.id,
          organisation: ctx.access.principal.organisation,
          sector,
          type: event.type,
          at: event.at,
          name: event.type === 'APPOINTED' ? event.person.name : null,
          role: event.type === 'APPOINTED' ? event.person.role : null,
          phone: event.type === 'APPOINTED' ? event.person.phone : null,
          note: event.type === 'NONE_AGREED' ? event.note : null,
          recordedBy: ctx.access.principal.subject,
        });
        await appendAccessLog(tx, tables, [ctx.access.changeEntry(child.id, [CONTACT_PERSON_PART])]);
        return contactPersonState(next, sector);
      });
      loadersOf(ctx).events.clear(child.id);
      return toStateModel(state);
    },

    async networkMeetings(ctx: TContext, child: GuardedChild): Promise<NetworkMeetingModel[]> {
      let refusal: GraphQLError | undefined;
      try {
        await ctx.access.read(child, NETWORK_MEETING_PART, meetingWhat);
      } catch (error) {
        if (!hasErrorCode(error, 'FORBIDDEN') && !hasErrorCode(error, 'CONSENT_REQUIRED')) throw error;
        refusal = error as GraphQLError;
      }
      const rows = await loadersOf(ctx).meetings.load(child.id);
      if (!refusal) return rows.map((r) => toMeetingModel(r, ctx.access.today));
      // Without the sector's consent, a reader still sees the meetings that agreed an action for its organisation.
      const { principal } = ctx.access;
      const addressed = rows.filter((r) => r.actions.some((a) => a.owner.sector === principal.sector && a.owner.organisation === principal.organisation));
      if (addressed.length === 0) throw refusal;
      await Promise.all(addressed.map((r) => ctx.access.read(child, NETWORK_MEETING_PART, meetingWhat, { addressedTo: actionOwners(r) })));
      return addressed.map((r) => toMeetingModel(r, ctx.access.today));
    },

    async recordNetworkMeeting(ctx: TContext, input: RecordNetworkMeetingInput): Promise<NetworkMeetingModel> {
      const child = await ownChild(ctx, input.childId, NETWORK_MEETING_PART, meetingWhat, 'records the network meetings it called');
      const meeting = validateNetworkMeeting(input, ctx.access.today);
      const row = await ctx.db.transaction(async (tx) => {
        const inserted = await insertNetworkMeeting(tx, tables, {
          id: uuid7(),
          childId: child.id,
          sector,
          organisation: ctx.access.principal.organisation,
          heldOn: meeting.heldOn,
          participants: meeting.participants,
          summary: meeting.summary,
          actions: meeting.actions.map((a) => ({ ...a, completedBy: null })),
          recordedBy: ctx.access.principal.subject,
        });
        await appendAccessLog(tx, tables, [ctx.access.changeEntry(child.id, [NETWORK_MEETING_PART])]);
        return inserted;
      });
      loadersOf(ctx).meetings.clear(child.id);
      return toMeetingModel(row, ctx.access.today);
    },

    /** The meeting's own organisation, or the organisation owning the action, completes it; once. */
    async completeNetworkMeetingAction(ctx: TContext, meetingId: string, actionIndex: number): Promise<NetworkMeetingModel> {
      const id = assertUuid(meetingId, 'meetingId', 'meetingId must be the id of a network meeting (a UUID) as the API returned it.');
      const { principal } = ctx.access;
      const refuse = () =>
        forbidden(`Only the organisation that called the meeting, or the organisation owning the action, can complete an action agreed at a network meeting of ${owner}.`);
      const existing = await findNetworkMeetingById(ctx.db, tables, id);
      if (!existing) throw notFound('No network meeting has this id.', { field: 'meetingId' });
      if (!Number.isInteger(actionIndex) || actionIndex < 0) throw badUserInput('actionIndex must be the index of an action of the meeting (0, 1, ...).', { field: 'actionIndex' });
      const action = existing.actions[actionIndex];
      const isCaller = principal.sector === existing.sector && principal.organisation === existing.organisation;
      const isActionOwner = action !== undefined && action.owner.sector === principal.sector && action.owner.organisation === principal.organisation;
      if (!hasClinicalRole(principal) || (!isCaller && !isActionOwner)) throw refuse();
      const child = await options.findChild(ctx, existing.childId);
      const guard: GuardedChild = { id: existing.childId, known: true, birthDate: child?.birthDate ?? null, ownerOrganisation: existing.organisation };
      await ctx.access.read(guard, NETWORK_MEETING_PART, meetingWhat, isCaller ? {} : { addressedTo: [action!.owner] });
      const row = await ctx.db.transaction(async (tx) => {
        await lockChildRecords(tx, tables.networkMeetings, existing.childId);
        const current = (await findNetworkMeetingById(tx, tables, id))!;
        const completed = completeAction(
          { heldOn: current.heldOn, participants: current.participants, summary: current.summary, actions: current.actions },
          actionIndex,
          ctx.access.now.toISOString(),
        );
        const actions = current.actions.map((a, i) => (i === actionIndex ? { ...a, completedAt: completed.actions[i]!.completedAt, completedBy: principal.subject } : a));
        const updated = await updateNetworkMeetingActions(tx, tables, id, actions);
        await appendAccessLog(tx, tables, [ctx.access.changeEntry(existing.childId, [NETWORK_MEETING_PART])]);
        return updated;
      });
      loadersOf(ctx).meetings.clear(existing.childId);
      return toMeetingModel(row, ctx.access.today);
    },
  };
}

const actionOwners = (row: NetworkMeetingRow) => row.actions.map((a) => ({ sector: a.owner.sector, organisation: a.owner.organisation }));

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
