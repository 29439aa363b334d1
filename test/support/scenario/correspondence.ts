/**
 * Correspondence (the agreement's letters between the child's GP and the municipality, Trin 1-2): a GP writes a
 * letter about a child, the municipality's inbox receives it, someone triages it (assigns, reads) and replies; the
 * GP follows its status. Each function is one thing one of them does, through the gateway, as they would.
 */
import type { GraphQLResponse } from '../system.ts';
import { eventually, type Person } from './people.ts';

/** A letter as the GP writes it; everything but what a scenario cares about has a sensible synthetic default. */
export interface LetterDraft {
  /** The message id the GP's system gives the letter (idempotency: the same id is the same letter). */
  messageId: string;
  /** The child's CPR number (synthetic). */
  cpr: string;
  municipalityCode?: number | null;
  text?: string;
  category?: string;
  step?: string;
  consent?: { givenBy: string; givenOn: string } | null;
  /** Any other field of SendLetterInput, as given (e.g. `acute: true`, `inboxLocationNumber`). */
  [field: string]: unknown;
}

export const DEFAULT_LETTER_TEXT = 'Barnet viser tegn på mistrivsel i skolen; familien ønsker hjælp.';

/** The SendLetterInput for a draft: the defaults, then the draft; a `null` leaves the field out. */
export function letterInput(draft: LetterDraft): Record<string, unknown> {
  const input: Record<string, unknown> = {
    municipalityCode: 751,
    category: 'OTHER',
    topic: 'Mistrivsel',
    subject: 'Henvendelse om barn i mistrivsel',
    text: DEFAULT_LETTER_TEXT,
    step: 'TRIN_1',
    consent: { givenBy: 'CUSTODY_HOLDER', givenOn: '2026-11-20' },
    signature: { name: 'Demo Læge (syntetisk)', title: 'Praktiserende læge', phone: '+45 70 00 00 00' },
    ...draft,
  };
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== null));
}

export type LetterStatus = 'QUEUED' | 'DELIVERED' | 'READ' | 'ANSWERED' | 'FAILED';

export interface SentLetter {
  id: string;
  status: LetterStatus;
  statusHistory: { status: LetterStatus }[];
  overdue: boolean;
  replyDueOn: string | null;
  reply: { text: string | null; initiatedItems: string[]; contactCommitment: string | null; exportBundle: string } | null;
}

const SENT_LETTER = `id status statusHistory { status } overdue replyDueOn
  reply { text initiatedItems contactCommitment exportBundle }`;

/** What a GP does with correspondence. */
export function writingLetters(gp: Person) {
  const letter = async (id: string): Promise<GraphQLResponse<{ sentLetter: SentLetter }>> =>
    gp.ask('query SentLetter($id: ID!) { sentLetter(id: $id) { ' + SENT_LETTER + ' } }', { id });
  return {
    /** Sends a letter to the municipality; the answer as the graph gives it (errors included). */
    sendLetter(draft: LetterDraft): Promise<GraphQLResponse<{ sendCorrespondenceLetter: { id: string; messageId: string; status: LetterStatus } }>> {
      return gp.ask('mutation SendLetter($input: SendLetterInput!) { sendCorrespondenceLetter(input: $input) { id messageId status } }', {
        input: letterInput(draft),
      });
    },
    /** Sends a letter, expecting it to be accepted: the letter's id in the GP's system. */
    async sendsLetter(draft: LetterDraft): Promise<string> {
      const res = await this.sendLetter(draft);
      if (res.errors) throw new Error(`${gp.user} could not send ${draft.messageId}: ${res.errors.map((e) => e.message).join('; ')}`);
      return res.data!.sendCorrespondenceLetter.id;
    },
    /** A letter the GP sent, as the GP's system shows it (errors included: another practice's letter is refused). */
    letter,
    /** The same, expecting to see it. */
    async seesLetter(id: string): Promise<SentLetter> {
      const res = await letter(id);
      if (res.errors) throw new Error(`${gp.user} cannot see letter ${id}: ${res.errors.map((e) => e.message).join('; ')}`);
      return res.data!.sentLetter;
    },
    /** Waits until the letter has the status (the delivery worker and the municipality's reply move it on). */
    async waitsUntilLetterIs(id: string, status: LetterStatus, timeoutMs = 10_000): Promise<SentLetter> {
      return eventually(`letter ${id} becoming ${status}`, () => this.seesLetter(id), (l) => l.status === status, timeoutMs);
    },
    /** How many letters the practice has sent (a refusal must not change it). */
    async sentLetterCount(): Promise<number> {
      const data = await gp.must<{ sentLetters: { edges: unknown[] } }>('{ sentLetters(first: 500) { edges { cursor } } }');
      return data.sentLetters.edges.length;
    },
    /** The letter as a MedCom care-communication bundle (JSON text), e.g. to send through another channel. */
    async exportsLetter(id: string): Promise<string> {
      return (await gp.must<{ letterBundle: string }>('query LetterBundle($id: ID!) { letterBundle(id: $id) }', { id })).letterBundle;
    },
    /** Imports a MedCom bundle (a letter, or a reply to one of the practice's letters) received elsewhere. */
    importBundle<T = { importCareCommunication: Record<string, unknown> }>(bundle: string, selection = 'messageId'): Promise<GraphQLResponse<T>> {
      return gp.ask(`mutation Import($b: String!) { importCareCommunication(bundle: $b) { ${selection} } }`, { b: bundle });
    },
  };
}

export interface InboxLetter {
  id: string;
  messageId: string;
  status: string;
  knownToMunicipality: boolean;
  receivedAt: string;
  replyDueOn: string | null;
  overdue: boolean;
}

export interface Reply {
  initiated: string[];
  text?: string;
  contactCommitment?: string;
  contactOptions?: string;
  /** The phone number the GP can reach the replying professional on (required by ReplyToLetterInput). */
  phone?: string;
}

export interface Assignee {
  subject: string;
  role: string;
  displayName: string;
  organisation: string;
}

/** What the municipality's people (caseworkers, PPR psychologists) do with the letters their inbox receives. */
export function answeringLetters(person: Person, municipalityCode: number) {
  return {
    /** The inbox, newest first (one page of up to 500). */
    async inbox(): Promise<InboxLetter[]> {
      const data = await person.must<{ inbox: { edges: { node: InboxLetter }[] } }>(
        'query Inbox($code: Int!) { inbox(municipalityCode: $code, first: 500) { edges { node { id messageId status knownToMunicipality receivedAt replyDueOn overdue } } } }',
        { code: municipalityCode },
      );
      return data.inbox.edges.map((e) => e.node);
    },
    /** The inbox's letters with this message id (one, once delivered; never two). */
    async findsInInbox(messageId: string): Promise<InboxLetter[]> {
      return (await this.inbox()).filter((l) => l.messageId === messageId);
    },
    /** Opens a received letter, reading `selection` of it. */
    openLetter<T = Record<string, unknown>>(id: string, selection: string): Promise<GraphQLResponse<{ receivedLetter: T }>> {
      return person.ask(`query ReceivedLetter($id: ID!) { receivedLetter(id: $id) { ${selection} } }`, { id });
    },
    /** Hands the letter to a colleague of the municipality. */
    assignLetter(id: string, assignee: Assignee): Promise<GraphQLResponse<unknown>> {
      return person.ask('mutation Assign($id: ID!, $a: LetterAssigneeInput!) { assignLetter(id: $id, assignee: $a) { id } }', { id, a: assignee });
    },
    /** Marks the letter read (the GP sees READ). */
    markRead(id: string): Promise<GraphQLResponse<unknown>> {
      return person.ask('mutation MarkRead($id: ID!) { markLetterRead(id: $id) { id } }', { id });
    },
    /** Replies to the letter (the GP sees ANSWERED and the reply). */
    reply(id: string, reply: Reply): Promise<GraphQLResponse<unknown>> {
      return person.ask('mutation Reply($id: ID!, $input: ReplyToLetterInput!) { replyToLetter(id: $id, input: $input) { id } }', { id, input: reply });
    },
    /** Sets in how many working days the municipality answers a letter (the GP's letters become overdue after). */
    setReplyDeadline(workingDays: number): Promise<GraphQLResponse<unknown>> {
      return person.ask('mutation Deadline($code: Int!, $days: Int!) { setReplyDeadline(municipalityCode: $code, workingDays: $days) { code } }', {
        code: municipalityCode,
        days: workingDays,
      });
    },
    /** The location number (GLN) of the municipality's inbox, where MedCom letters are addressed. */
    async inboxLocationNumber(): Promise<string> {
      const data = await person.must<{ municipality: { inbox: { locationNumber: string } } }>(
        'query Inbox($code: Int!) { municipality(code: $code) { inbox { locationNumber } } }',
        { code: municipalityCode },
      );
      return data.municipality.inbox.locationNumber;
    },
  };
}
