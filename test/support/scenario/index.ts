/**
 * Scenario helpers: end-to-end tests written as what people do.
 *
 *   const { asGp, asCaseworker } = scenario(() => t);
 *   const id = await asGp('107510').sendsLetter({ messageId: 'm-1', cpr: child.cpr });
 *   const letter = await asCaseworker(751).receives(await asGp('107510').headerIdOf(id));
 *   await asCaseworker(751).reply(letter.id, { initiated: ['PPR_ASSESSMENT'], text: '…' });
 *
 * Each person is a demo user (shared/src/auth/demo-users.ts) signed in through the gateway. What they can do comes
 * from one file per feature beside this one (correspondence.ts, consent.ts, ...); a feature adds its file and spreads
 * its actions into the people here who do them.
 */
import type { Principal } from '@pathway-graph/shared';
import { answeringLetters, writingLetters } from './correspondence.ts';
import { consenting } from './consent.ts';
import { personOf, type Person, type SystemOf } from './people.ts';

export { codeOf, eventually, personOf, type Person, type SystemOf } from './people.ts';
export {
  answeringLetters,
  DEFAULT_LETTER_TEXT,
  DEFAULT_REPLY_PHONE,
  headerIdOfBundle,
  letterInput,
  writingLetters,
  type LetterDraft,
  type LetterStatus,
  type Reply,
  type ReplyDelivery,
  type SentLetter,
} from './correspondence.ts';
export { consenting, type ConsentGiven, type RecordedConsent } from './consent.ts';

/** A GP of a practice (by ydernummer): writes letters, records the consents the practice holds. */
function gp(person: Person) {
  return { ...person, ...writingLetters(person), ...consenting(person) };
}

/** Someone of a municipality (by code): answers the inbox's letters, records the consents the municipality holds. */
function municipal(person: Person, code: number) {
  return { ...person, ...answeringLetters(person, code), ...consenting(person) };
}

/** The people of a scenario in the system `system` returns (read when they act, so it may start in beforeAll). */
export function scenario(system: SystemOf) {
  return {
    /** The demo GP of practice `ydernummer`, e.g. `asGp('107510')`; `asGp('107510', 'b')` is the practice's second GP. */
    asGp: (ydernummer: string, suffix?: string) => gp(personOf(system, `gp-${ydernummer}${suffix ? `-${suffix}` : ''}`)),
    /** The demo caseworker (sagsbehandler) of municipality `code`, e.g. `asCaseworker(751)` in Aarhus. */
    asCaseworker: (code: number) => municipal(personOf(system, `caseworker-${code}`), code),
    /** The demo PPR psychologist of municipality `code`. */
    asPprPsychologist: (code: number) => municipal(personOf(system, `ppr-${code}`), code),
    /**
     * Any demo user by name, or a principal made for the test, with no feature's actions: give them one
     * (`writingLetters(as(analyst)).sendLetter(...)`) to show that someone who may not do it is refused.
     */
    as: (who: string | Principal) => personOf(system, who),
  };
}
