import { badUserInput, forbidden, knownNameMentions } from '@pathway-graph/shared';
import { arrayOf } from '@pathway-graph/shared/domain/input';
import type { Context } from '../context.ts';
import { findKnownChildNames } from '../db/letters.ts';

/**
 * Which words of a text name a child this municipality knows (from the MedCom letters it received): the source of
 * names for the anonymity rule of BUA's advisory service (agreement 6.3), asked by BUA with the writer's own token
 * before an advisory text is stored. The names stay here: the answer holds only words the writer wrote, and only
 * about the writer's own municipality, so it tells them nothing their organisation does not know. No child's data
 * is returned (nor which child), so the check writes no access-log entry; nothing of it is logged.
 */

export const MAX_CHECKED_TEXTS = 5;
export const MAX_CHECKED_TEXT_LENGTH = 20_000;

export async function knownChildNameMentions(ctx: Context, texts: unknown): Promise<string[]> {
  const { principal } = ctx;
  if (principal.sector !== 'MUNICIPALITY' || !/^[1-9]\d{2}$/.test(principal.organisation)) {
    throw forbidden("Only a municipality's own staff can check a text against the children their municipality knows.");
  }
  const list = arrayOf(texts, 'texts', MAX_CHECKED_TEXTS, 'The texts to check');
  const checked = list.map((text, i) => {
    if (typeof text !== 'string') throw badUserInput(`texts[${i}] must be text.`, { field: `texts[${i}]` });
    if (text.length > MAX_CHECKED_TEXT_LENGTH) {
      throw badUserInput(`texts[${i}] is longer than ${MAX_CHECKED_TEXT_LENGTH} characters.`, { field: `texts[${i}]`, maxLength: MAX_CHECKED_TEXT_LENGTH });
    }
    return text;
  });
  if (checked.every((t) => t.trim() === '')) return [];
  return knownNameMentions(checked, await findKnownChildNames(ctx.db, Number(principal.organisation)));
}
