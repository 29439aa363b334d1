import { badUserInput, CONTACT_COMMITMENTS, INITIATED_ACTIONS, type ContactCommitment, type InitiatedAction } from '@pathway-graph/shared';

/**
 * The municipality's reply to a GP's correspondence letter (agreement 6.2): the GP is always told what has been
 * initiated. When the child is known to the municipality (an open case), the municipality commits to contacting the
 * family or the GP to settle the further course; when not, it advises the GP on the contact options to give the
 * family.
 */

// The items and commitments travel to general practice in the reply message, so their names are shared vocabulary.
export { CONTACT_COMMITMENTS, INITIATED_ACTIONS, type ContactCommitment, type InitiatedAction };

/** Danish wording of the structured items, as the GP reads them in the reply letter. */
export const INITIATED_ACTION_TEXT: Record<InitiatedAction, string> = {
  PPR_ASSESSMENT: 'PPR-vurdering',
  HEALTH_VISITOR_CONTACT: 'Kontakt fra sundhedsplejen',
  FAMILY_GUIDANCE: 'Familievejledning',
  SCHOOL_SUPPORT: 'Støtte i skole/dagtilbud',
  SOCIAL_CASE_OPENED: 'Sag oprettet i socialforvaltningen',
  NETWORK_MEETING: 'Netværksmøde',
  NO_ACTION_NEEDED: 'Ingen kommunal indsats vurderes nødvendig',
  OTHER: 'Andet (se tekst)',
};

export const CONTACT_COMMITMENT_TEXT: Record<ContactCommitment, string> = {
  CONTACT_FAMILY: 'Kommunen kontakter familien for at afklare det videre forløb.',
  CONTACT_GP: 'Kommunen kontakter lægen for at afklare det videre forløb.',
};

export const MAX_REPLY_TEXT = 4000;
export const MAX_CONTACT_OPTIONS_TEXT = 2000;
export const MIN_CONTACT_OPTIONS_TEXT = 10;

export interface ReplyInput {
  initiated: readonly string[];
  text?: string | null;
  contactCommitment?: string | null;
  contactOptions?: string | null;
}

export interface ValidReply {
  initiated: InitiatedAction[];
  /** Trimmed; empty when no free text was given. */
  text: string;
  contactCommitment: ContactCommitment | null;
  contactOptions: string | null;
}

const blank = (s: string | null | undefined) => (s ?? '').trim();

/** Checks a reply against the agreement; returns it normalised (trimmed, items de-duplicated in enum order). */
export function validateReply(input: ReplyInput, { knownToMunicipality }: { knownToMunicipality: boolean }): ValidReply {
  if (input.initiated.length === 0) {
    throw badUserInput(
      `Say what has been initiated: initiated needs at least one of ${INITIATED_ACTIONS.join(', ')} (NO_ACTION_NEEDED when nothing is).`,
      { field: 'initiated' },
    );
  }
  const unknown = input.initiated.filter((i) => !(INITIATED_ACTIONS as readonly string[]).includes(i));
  if (unknown.length > 0) {
    throw badUserInput(`initiated contains unknown items ${unknown.join(', ')}; use ${INITIATED_ACTIONS.join(', ')}.`, { field: 'initiated' });
  }
  const initiated = INITIATED_ACTIONS.filter((a) => input.initiated.includes(a));
  if (initiated.includes('NO_ACTION_NEEDED') && initiated.length > 1) {
    throw badUserInput('initiated cannot combine NO_ACTION_NEEDED with actions that were initiated; choose one or the other.', {
      field: 'initiated',
    });
  }

  const text = blank(input.text);
  if (text.length > MAX_REPLY_TEXT) {
    throw badUserInput(`text is ${text.length} characters; a reply holds at most ${MAX_REPLY_TEXT}.`, { field: 'text' });
  }
  if (initiated.includes('OTHER') && text.length === 0) {
    throw badUserInput('initiated includes OTHER: describe in text what was initiated.', { field: 'text' });
  }

  const commitment = blank(input.contactCommitment);
  const options = blank(input.contactOptions);
  if (knownToMunicipality) {
    if (!commitment) {
      throw badUserInput(
        'The child is known to the municipality (an open case), so the reply must commit to contacting the family or the GP ' +
          '(agreement 6.2): set contactCommitment to CONTACT_FAMILY or CONTACT_GP.',
        { field: 'contactCommitment' },
      );
    }
    if (!(CONTACT_COMMITMENTS as readonly string[]).includes(commitment)) {
      throw badUserInput(`contactCommitment must be CONTACT_FAMILY or CONTACT_GP; got ${commitment}.`, { field: 'contactCommitment' });
    }
    if (options) {
      throw badUserInput(
        'contactOptions is advice for families the municipality does not know; this child has an open case, so the municipality ' +
          'contacts the family or the GP itself (contactCommitment). Leave contactOptions out.',
        { field: 'contactOptions' },
      );
    }
    return { initiated, text, contactCommitment: commitment as ContactCommitment, contactOptions: null };
  }

  if (commitment) {
    throw badUserInput(
      'The child is not known to the municipality (no open case), so the reply advises on contact options instead of ' +
        'committing to contact: leave contactCommitment out and fill in contactOptions.',
      { field: 'contactCommitment' },
    );
  }
  if (options.length < MIN_CONTACT_OPTIONS_TEXT) {
    throw badUserInput(
      'The child is not known to the municipality, so the reply must tell the GP which contact options to give the family ' +
        `(agreement 6.2), e.g. the open counselling's phone number: contactOptions needs at least ${MIN_CONTACT_OPTIONS_TEXT} characters.`,
      { field: 'contactOptions' },
    );
  }
  if (options.length > MAX_CONTACT_OPTIONS_TEXT) {
    throw badUserInput(`contactOptions is ${options.length} characters; at most ${MAX_CONTACT_OPTIONS_TEXT}.`, { field: 'contactOptions' });
  }
  return { initiated, text, contactCommitment: null, contactOptions: options };
}

/** The reply as the GP reads it: the structured items in words, then the free text, then the commitment or advice. */
export function replyLetterText(reply: ValidReply): string {
  const parts = [`Iværksat: ${reply.initiated.map((i) => INITIATED_ACTION_TEXT[i]).join('; ')}.`];
  if (reply.text) parts.push(reply.text);
  if (reply.contactCommitment) parts.push(CONTACT_COMMITMENT_TEXT[reply.contactCommitment]);
  if (reply.contactOptions) parts.push(`Kontaktmuligheder for familien: ${reply.contactOptions}`);
  return parts.join('\n\n');
}
