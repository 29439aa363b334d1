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

export type LetterStatus = 'QUEUED' | 'DELIVERED' | 'READ' | 'ANSWERED' | 'FAILED' | 'GIVEN_UP';

export interface SentLetter {
  id: string;
  /** The GP's own key of the letter (idempotency); the municipality knows it by its MessageHeader.id instead. */
  messageId: string;
  status: LetterStatus;
  statusHistory: { status: LetterStatus }[];
  overdue: boolean;
  replyDueOn: string | null;
  reply: { text: string | null; initiatedItems: string[]; contactCommitment: string | null; exportBundle: string } | null;
  /** The MedCom bundle as delivered (null before it is built). */
  exportBundle: string | null;
}

const SENT_LETTER = `id messageId status statusHistory { status } overdue replyDueOn exportBundle
  reply { text initiatedItems contactCommitment exportBundle }`;

/** The MessageHeader.id of a MedCom bundle: what the receiving sector knows the message by. */
export const headerIdOfBundle = (bundle: string): string =>
  (JSON.parse(bundle) as { entry: { resource: { resourceType: string; id: string } }[] }).entry.find((e) => e.resource.resourceType === 'MessageHeader')!.resource.id;

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
    /** The letter's MessageHeader.id (a fresh UUID): what the municipality's inbox knows it by. */
    async headerIdOf(id: string): Promise<string> {
      return headerIdOfBundle(await this.exportsLetter(id));
    },
    /** Gives up a FAILED letter, saying why (the letters about the child it held back then go on). */
    giveUpLetter(id: string, reason: string): Promise<GraphQLResponse<{ giveUpLetterDelivery: { status: LetterStatus; statusHistory: { status: LetterStatus; note: string | null }[] } }>> {
      return gp.ask('mutation GiveUp($id: ID!, $reason: String!) { giveUpLetterDelivery(id: $id, reason: $reason) { status statusHistory { status note } } }', { id, reason });
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
  /** The replying professional's phone, which MedCom's reply carries; DEFAULT_REPLY_PHONE unless given (null: none). */
  phone?: string | null;
}

/** A synthetic phone number for replies that do not care which. */
export const DEFAULT_REPLY_PHONE = '+45 87 00 00 00';

const replyInput = ({ phone, ...reply }: Reply) => ({ ...reply, ...(phone === null ? {} : { phone: phone ?? DEFAULT_REPLY_PHONE }) });

/** How the municipality's reply fares on its way to the GP's practice. */
export interface ReplyDelivery {
  status: 'QUEUED' | 'DELIVERED' | 'FAILED' | 'GIVEN_UP';
  note: string | null;
  deliveredAt: string | null;
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
    /** The inbox's letters with this MessageHeader.id (`headerIdOf` on the GP's side): one, once delivered; never two. */
    async findsInInbox(headerId: string): Promise<InboxLetter[]> {
      return (await this.inbox()).filter((l) => l.messageId === headerId);
    },
    /** The one inbox letter with this MessageHeader.id, waiting for its delivery. */
    async receives(headerId: string, timeoutMs = 10_000): Promise<InboxLetter> {
      const [letter] = await eventually(`letter ${headerId} in the inbox of ${municipalityCode}`, () => this.findsInInbox(headerId), (ls) => ls.length > 0, timeoutMs);
      return letter!;
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
      return person.ask('mutation Reply($id: ID!, $input: ReplyToLetterInput!) { replyToLetter(id: $id, input: $input) { id } }', { id, input: replyInput(reply) });
    },
    /** The delivery of the letter's reply to the GP's practice, as the inbox shows it (null before the reply). */
    async seesReplyDelivery(id: string): Promise<ReplyDelivery | null> {
      const data = await person.must<{ receivedLetter: { reply: { delivery: ReplyDelivery } | null } }>(
        'query ReplyDelivery($id: ID!) { receivedLetter(id: $id) { reply { delivery { status note deliveredAt } } } }',
        { id },
      );
      return data.receivedLetter.reply?.delivery ?? null;
    },
    /** Waits until the reply's delivery has the status. */
    async waitsUntilReplyIs(id: string, status: ReplyDelivery['status'], timeoutMs = 20_000): Promise<ReplyDelivery> {
      return (await eventually(`the reply to ${id} becoming ${status}`, () => this.seesReplyDelivery(id), (d) => d?.status === status, timeoutMs))!;
    },
    /** Queues the letter's FAILED reply for delivery again. */
    retryReply(id: string): Promise<GraphQLResponse<{ retryReplyDelivery: { reply: { delivery: ReplyDelivery } } }>> {
      return person.ask('mutation RetryReply($id: ID!) { retryReplyDelivery(letterId: $id) { reply { delivery { status note deliveredAt } } } }', { id });
    },
    /** Gives up the letter's FAILED reply, saying why. */
    giveUpReply(id: string, reason: string): Promise<GraphQLResponse<{ giveUpReplyDelivery: { reply: { delivery: ReplyDelivery }; history: { kind: string; detail: string | null }[] } }>> {
      return person.ask(
        'mutation GiveUpReply($id: ID!, $reason: String!) { giveUpReplyDelivery(letterId: $id, reason: $reason) { reply { delivery { status note deliveredAt } } history { kind detail } } }',
        { id, reason },
      );
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
