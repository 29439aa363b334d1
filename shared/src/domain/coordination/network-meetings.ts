import { parseIsoDate, todayInDenmark } from '../age.ts';
import { badUserInput, conflict } from '../../errors.ts';
import { arrayOf, instantMs, oneOf, parseInstant, requiredText } from '../input.ts';
import { COORDINATING_SECTORS } from './contact-persons.ts';

/**
 * Network meetings (netværksmøder): "at børne- og ungdomspsykiatrien ... etablerer tidlig kontakt til og sparrer med
 * kommunen, fx via netværksmøde" (agreement 6.1). A meeting records its date, who took part (by sector and role; the
 * family too), a summary, and the actions agreed, each owned by one organisation with a due date. An action is
 * completed once; one past its due date and not completed is overdue.
 */

export const PARTICIPANT_SECTORS = [...COORDINATING_SECTORS, 'FAMILY'] as const;
export type ParticipantSector = (typeof PARTICIPANT_SECTORS)[number];

export const MAX_PARTICIPANTS = 30;
export const MAX_ACTIONS = 30;
export const MAX_SUMMARY_LENGTH = 8_000;
export const MAX_ACTION_LENGTH = 1_000;

export interface MeetingParticipant {
  sector: ParticipantSector;
  /** E.g. "Sagsbehandler", "Overlæge", "Mor". */
  role: string;
}

export interface AgreedAction {
  description: string;
  owner: { sector: (typeof COORDINATING_SECTORS)[number]; organisation: string };
  dueOn: string;
  completedAt: string | null;
}

export interface NetworkMeeting {
  heldOn: string;
  participants: MeetingParticipant[];
  summary: string;
  actions: AgreedAction[];
}

export interface NetworkMeetingInput {
  heldOn: string;
  participants: Array<{ sector: string; role: string }>;
  summary: string;
  actions?: Array<{ description: string; owner: { sector: string; organisation: string }; dueOn: string }> | null;
}

/** A meeting is recorded once it has been held, with at least two participants: it is a meeting across people. */
export function validateNetworkMeeting(input: NetworkMeetingInput, today: string): NetworkMeeting {
  const heldOn = parseIsoDate(input.heldOn, 'heldOn');
  if (heldOn > today) throw badUserInput('heldOn lies in the future; record the meeting once it has been held.', { field: 'heldOn' });
  const participants = arrayOf(input.participants, 'participants', MAX_PARTICIPANTS, 'participants').map((raw, i) => {
    const p = (raw ?? {}) as { sector?: unknown; role?: unknown };
    return {
      sector: oneOf(p.sector, PARTICIPANT_SECTORS, `participants[${i}].sector`, "The participant's sector"),
      role: requiredText(p.role, `participants[${i}].role`, 200, "The participant's role"),
    };
  });
  if (participants.length < 2) {
    throw badUserInput('A network meeting has at least two participants; list who took part, by sector and role.', { field: 'participants' });
  }
  const actions = arrayOf(input.actions, 'actions', MAX_ACTIONS, 'actions').map((raw, i) => {
    const a = (raw ?? {}) as { description?: unknown; owner?: { sector?: unknown; organisation?: unknown } | null; dueOn?: unknown };
    const field = `actions[${i}]`;
    const dueOn = parseIsoDate(a.dueOn as string, `${field}.dueOn`);
    if (dueOn < heldOn) {
      throw badUserInput(`${field}.dueOn (${dueOn}) is before the meeting (${heldOn}); an action agreed at it falls due afterwards.`, { field: `${field}.dueOn` });
    }
    return {
      description: requiredText(a.description, `${field}.description`, MAX_ACTION_LENGTH, 'The action'),
      owner: {
        sector: oneOf(a.owner?.sector, COORDINATING_SECTORS, `${field}.owner.sector`, "The owning organisation's sector"),
        organisation: requiredText(a.owner?.organisation, `${field}.owner.organisation`, 50, 'The owning organisation (municipality code, ydernummer or SOR code)'),
      },
      dueOn,
      completedAt: null,
    };
  });
  return { heldOn, participants, summary: requiredText(input.summary, 'summary', MAX_SUMMARY_LENGTH, 'The summary'), actions };
}

/** The action completed at `completedAt`; refused when it already is, or when dated before the meeting. */
export function completeAction(meeting: NetworkMeeting, index: number, completedAt: string): NetworkMeeting {
  const action = meeting.actions[index];
  if (action === undefined) throw badUserInput(`The meeting has no action number ${index}.`, { field: 'actionIndex' });
  if (action.completedAt !== null) {
    throw conflict(`This action was already completed at ${action.completedAt}; an action is completed once.`, { field: 'actionIndex', reason: 'ALREADY_COMPLETED' });
  }
  const at = parseInstant(completedAt, 'completedAt');
  // Compared as Danish calendar days: the meeting has a date, the completion an instant.
  if (todayInDenmark(new Date(instantMs(at))) < meeting.heldOn) {
    throw badUserInput('completedAt is before the meeting at which the action was agreed.', { field: 'completedAt' });
  }
  return { ...meeting, actions: meeting.actions.map((a, i) => (i === index ? { ...a, completedAt: at } : a)) };
}

/** Overdue: not completed, and `today` is after its due date. */
export const isActionOverdue = (action: AgreedAction, today: string): boolean => action.completedAt === null && today > action.dueOn;

/** The overdue actions of a meeting, with their index, for an owner's worklist. */
export function overdueActions(meeting: NetworkMeeting, today: string): Array<AgreedAction & { index: number }> {
  return meeting.actions.map((a, index) => ({ ...a, index })).filter((a) => isActionOverdue(a, today));
}
