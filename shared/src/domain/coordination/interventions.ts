import { type Sector } from '../../auth/principal.ts';
import { consentCovers, isConsentActive, type ConsentRecord } from '../../access/consent.ts';
import { parseIsoDate } from '../age.ts';
import { badUserInput } from '../../errors.ts';
import { oneOf, optionalText, requiredText } from '../input.ts';

/**
 * A municipal intervention (kommunal indsats) at Trin 1, 2 or 4 of the graduated pathway (agreement 6.1): a social,
 * psychological or pedagogical effort the municipality starts for a child. The municipality records it; "Kommunen
 * bør tilsvarende løbende holde børne- og ungdomspsykiatrien ... orienteret, om en social, psykologisk og/eller
 * pædagogisk indsats bliver iværksat" (6.1), so it is also sent to BUA when BUA holds an active referral for the
 * child and a consent allows it; and the interventions tried at Trin 2 are attached to a municipality's referral.
 * Shared because three sectors use it: the municipality records it, BUA validates what arrives, the referral rules
 * check what is attached.
 */

export const INTERVENTION_KINDS = ['SOCIAL', 'PSYCHOLOGICAL', 'PEDAGOGICAL'] as const;
export type InterventionKind = (typeof INTERVENTION_KINDS)[number];

/** Trin 3 is psychiatry's; the municipality's interventions belong to Trin 1, 2 and 4. */
export const INTERVENTION_STEPS = ['TRIN_1', 'TRIN_2', 'TRIN_4'] as const;
export type InterventionStep = (typeof INTERVENTION_STEPS)[number];

/** Whether the intervention had the expected effect ("Hvis den iværksatte indsats ikke har den forventede effekt"). */
export const INTERVENTION_EFFECTS = ['AS_EXPECTED', 'NOT_AS_EXPECTED'] as const;
export type InterventionEffect = (typeof INTERVENTION_EFFECTS)[number];

export const MAX_INTERVENTION_DESCRIPTION_LENGTH = 2_000;
export const MAX_RESPONSIBLE_LENGTH = 200;

export interface InterventionInput {
  kind: string;
  step: string;
  description: string;
  /** YYYY-MM-DD; may lie ahead when the start is planned. */
  startedOn: string;
  endedOn?: string | null;
  /** Who is responsible: a role or team, e.g. "PPR-psykolog, Aarhus Kommune". */
  responsible: string;
  effect?: string | null;
}

export interface Intervention {
  kind: InterventionKind;
  step: InterventionStep;
  description: string;
  startedOn: string;
  endedOn: string | null;
  responsible: string;
  effect: InterventionEffect | null;
}

/** Every rule of one intervention; `field` prefixes the names in refusals (e.g. `interventionsTried[1]`). */
export function validateIntervention(input: InterventionInput, field = 'intervention'): Intervention {
  const kind = oneOf(input.kind, INTERVENTION_KINDS, `${field}.kind`, 'The kind of intervention');
  const step = oneOf(input.step, INTERVENTION_STEPS, `${field}.step`, "The intervention's step (Trin 3 is psychiatry's)");
  const description = requiredText(input.description, `${field}.description`, MAX_INTERVENTION_DESCRIPTION_LENGTH, 'The description of the intervention');
  const startedOn = parseIsoDate(input.startedOn, `${field}.startedOn`);
  const endedOn = input.endedOn === undefined || input.endedOn === null ? null : parseIsoDate(input.endedOn, `${field}.endedOn`);
  if (endedOn !== null && endedOn < startedOn) {
    throw badUserInput(`The intervention ends (${endedOn}) before it starts (${startedOn}); correct one of the dates.`, {
      field: `${field}.endedOn`,
    });
  }
  const responsible = requiredText(input.responsible, `${field}.responsible`, MAX_RESPONSIBLE_LENGTH, 'Who is responsible for the intervention');
  const effect =
    input.effect === undefined || input.effect === null
      ? null
      : oneOf(input.effect, INTERVENTION_EFFECTS, `${field}.effect`, 'The effect of the intervention');
  return { kind, step, description, startedOn, endedOn, responsible, effect };
}

/** Optional free text kept beside an intervention (e.g. why it ended), same limit as the description. */
export const interventionNote = (value: unknown, field: string) =>
  optionalText(value, field, MAX_INTERVENTION_DESCRIPTION_LENGTH, 'The note');

export interface InterventionDisclosureFacts {
  /** BUA holds a referral for the child that is not closed (the municipality knows from BUA's status messages). */
  buaHoldsActiveReferral: boolean;
  /** The municipality's consents for the child (it owns the intervention data). */
  consents: readonly ConsentRecord[];
  /** BUA's organisation (SOR code), as the recipient a consent may name. */
  buaOrganisation: string;
  birthDate: string | null;
  today: string;
  now: Date;
}

export type InterventionDisclosure =
  | { send: true }
  | { send: false; reason: 'NO_ACTIVE_BUA_REFERRAL' | 'NO_CONSENT'; explanation: string };

/**
 * Whether a recorded intervention must be sent to BUA: only while BUA holds an active referral for the child, and
 * only when an active consent held by the municipality lets it disclose to BUA for care coordination (keeping
 * psychiatry informed is coordination of the pathway, 6.1).
 */
export function interventionDisclosureToBua(facts: InterventionDisclosureFacts): InterventionDisclosure {
  if (!facts.buaHoldsActiveReferral) {
    return {
      send: false,
      reason: 'NO_ACTIVE_BUA_REFERRAL',
      explanation: 'BUA holds no active referral for the child, so there is no course in psychiatry to keep informed.',
    };
  }
  const reader: { sector: Sector; organisation: string } = { sector: 'BUA', organisation: facts.buaOrganisation };
  const time = { birthDate: facts.birthDate, today: facts.today, now: facts.now };
  const allowed = facts.consents.some((c) => isConsentActive(c, time) && consentCovers(c, reader, 'CARE_COORDINATION'));
  if (!allowed) {
    return {
      send: false,
      reason: 'NO_CONSENT',
      explanation:
        'No active consent lets the municipality disclose to BUA for care coordination; record one (from the young ' +
        'person from 15, else a custody holder) before the intervention can be shared.',
    };
  }
  return { send: true };
}
