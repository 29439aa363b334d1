import type { TextSpan } from './cpr-like.ts';

/**
 * Finds the names of known children in free text. The caller supplies the names (from the sectors' records, at
 * run time); nothing here keeps them.
 *
 * Matching rules:
 * - Whole words only, case-insensitive and diacritic-insensitive, with the Danish spellings folded together:
 *   æ/ae/ä, ø/oe/ö/o, å/aa/a ("Søren" = "Soeren" = "Soren", "Åse" = "Aase"), é = e, and so on.
 * - A name is split into its parts (at spaces and hyphens: "Anne-Sofie Østergaard" has three). The whole name is
 *   found as consecutive words, and every part of two or more letters on its own, since a case description names a
 *   child by first name more often than in full. The Danish genitive counts ("Emmas mor" names Emma).
 * - Common words: many Danish names are also ordinary words ("hans mor" is "his mother"; "bo", "per", "skov",
 *   "lund", "lykke", "storm"). Matched everywhere, they would refuse ordinary sentences once the names of a few
 *   thousand children are supplied. Such a part therefore counts on its own only where it is written as a name:
 *   capitalised ("Hans", not "HANS" or "hans") and not at the start of a sentence, where every word is capitalised.
 *   As part of a whole name ("Hans Jensen") it always counts. The list is COMMON_WORD_NAMES, replaceable per call.
 * - Single letters (initials) are not matched: "J." is not an identifier on its own.
 */

/** Danish words that are also given names or surnames; see the module comment for how they are matched. */
export const COMMON_WORD_NAMES: readonly string[] = [
  // function words and everyday words that are given names
  'bo', 'per', 'han', 'hans', 'jo', 'tom', 'max', 'kaj', 'ben', 'ane', 'rene', 'line', 'tage', 'ebbe', 'fred', 'anker',
  'aksel', 'mark', 'dag', 'liv', 'sol', 'tro', 'ro', 'gry', 'ask', 'aske', 'eg', 'elv', 'nat', 'storm', 'frost', 'sne',
  'vinter', 'sommer', 'lykke', 'glad', 'vibe', 'lærke', 'rose', 'rosa', 'saga', 'vilje', 'sten', 'tine', 'lise', 'trine',
  'svend', 'malte', 'kristen', 'frank',
  // months that are given names
  'april', 'maj', 'juni', 'juli', 'august',
  // animals, places and trades that are surnames
  'ravn', 'ørn', 'ulv', 'bjørn', 'due', 'falk', 'svane', 'fugl', 'hjort', 'krag', 'skov', 'lund', 'dal', 'holm', 'berg',
  'bjerg', 'bak', 'dam', 'krog', 'bæk', 'eng', 'kamp', 'sand', 'strand', 'bro', 'toft', 'gade', 'borg', 'slot', 'hede',
  'mose', 'vang', 'lind', 'linde', 'birk', 'tang', 'vad', 'høj', 'brink', 'balle', 'bang', 'bonde', 'fisker', 'smed',
  'bager', 'møller', 'munk', 'skriver', 'skytte', 'post', 'lange', 'rask', 'grøn', 'hvid', 'kjær', 'kær', 'kruse',
];

/** The comparison key of a word: lower case, Danish letters and their spellings folded, other accents dropped. */
export function nameKey(word: string): string {
  return word
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[æä]/g, 'ae')
    .replace(/[øö]/g, 'o')
    .replace(/å/g, 'a')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/aa/g, 'a')
    .replace(/oe/g, 'o');
}

export interface KnownNameIndex {
  /** Keys of the name parts that count on their own. */
  parts: ReadonlySet<string>;
  /** Keys of the name parts that count only where written as a name (common words). */
  commonParts: ReadonlySet<string>;
  /** Whole names of two or more parts, by the key of their first part. */
  phrases: ReadonlyMap<string, readonly (readonly string[])[]>;
}

const NAME_PART = /[\p{L}\p{M}]+/gu;

/** Builds the look-up once, for a call site that checks many texts against the same names. */
export function buildKnownNameIndex(knownNames: Iterable<string>, commonWords: Iterable<string> = COMMON_WORD_NAMES): KnownNameIndex {
  const common = new Set([...commonWords].map(nameKey));
  const parts = new Set<string>();
  const commonParts = new Set<string>();
  const phrases = new Map<string, string[][]>();
  for (const name of knownNames) {
    if (typeof name !== 'string') continue;
    const keys = [...name.matchAll(NAME_PART)].map((m) => nameKey(m[0]));
    for (const key of keys) {
      if ([...key].length < 2) continue;
      (common.has(key) ? commonParts : parts).add(key);
    }
    if (keys.length >= 2) {
      const list = phrases.get(keys[0]!) ?? [];
      list.push(keys);
      phrases.set(keys[0]!, list);
    }
  }
  return { parts, commonParts, phrases };
}

interface Word {
  start: number;
  end: number;
  key: string;
  text: string;
}

/** Words of the text with their offsets; invisible format characters (soft hyphens) do not split a word. */
function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  const pattern = /[\p{L}\p{M}\p{Cf}]+/gu;
  for (const m of text.matchAll(pattern)) {
    const clean = m[0].replace(/\p{Cf}/gu, '');
    if (clean) words.push({ start: m.index, end: m.index + m[0].length, key: nameKey(clean), text: clean });
  }
  return words;
}

/** Written as a name: first letter upper case, not the whole word (an acronym or shouted text says nothing). */
function isCapitalised(word: string): boolean {
  const letters = [...word];
  return /\p{Lu}|\p{Lt}/u.test(letters[0]!) && (letters.length === 1 || letters.some((c) => /\p{Ll}/u.test(c)));
}

/**
 * At the start of the text, a line or a sentence, where any word is capitalised. A colon is no sentence end here:
 * "Navn: Hans" is exactly where a name turns up.
 */
function startsSentence(text: string, start: number): boolean {
  for (let i = start - 1; i >= 0; i--) {
    const c = text[i]!;
    if (c === '\n' || c === '\r' || /[.!?…]/.test(c)) return true;
    if (/[\s"'«»“”„‘’()[\]{}\-–—•*]/u.test(c) || /\p{Cf}/u.test(c)) continue;
    return false;
  }
  return true;
}

/** A word is this name part itself or its genitive ("Emmas", "Jens'" is "Jens" followed by an apostrophe). */
const isForm = (wordKey: string, partKey: string) => wordKey === partKey || wordKey === `${partKey}s`;

function hasForm(set: ReadonlySet<string>, wordKey: string): boolean {
  return set.has(wordKey) || (wordKey.endsWith('s') && set.has(wordKey.slice(0, -1)));
}

/** Whole names: consecutive words joined only by spaces or hyphens, the last one possibly in the genitive. */
function phraseAt(text: string, words: readonly Word[], i: number, phrase: readonly string[]): TextSpan | null {
  if (i + phrase.length > words.length) return null;
  for (let k = 0; k < phrase.length; k++) {
    const word = words[i + k]!;
    const last = k === phrase.length - 1;
    if (!(last ? isForm(word.key, phrase[k]!) : word.key === phrase[k])) return null;
    if (k > 0 && !/^[\s\-‐‑–]+$/u.test(text.slice(words[i + k - 1]!.end, word.start))) return null;
  }
  return { start: words[i]!.start, end: words[i + phrase.length - 1]!.end };
}

/** Every span of `text` naming one of the known children, in order. */
export function findKnownNames(text: string, known: Iterable<string> | KnownNameIndex): TextSpan[] {
  const index = isIndex(known) ? known : buildKnownNameIndex(known);
  const words = wordsOf(text);
  const spans: TextSpan[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const phrase = (index.phrases.get(word.key) ?? [])
      .map((p) => ({ span: phraseAt(text, words, i, p), length: p.length }))
      .find((p) => p.span !== null);
    if (phrase?.span) {
      spans.push(phrase.span);
      i += phrase.length - 1;
      continue;
    }
    if (hasForm(index.parts, word.key)) spans.push({ start: word.start, end: word.end });
    else if (hasForm(index.commonParts, word.key) && isCapitalised(word.text) && !startsSentence(text, word.start)) {
      spans.push({ start: word.start, end: word.end });
    }
  }
  return spans;
}

function isIndex(known: Iterable<string> | KnownNameIndex): known is KnownNameIndex {
  return typeof known === 'object' && known !== null && 'phrases' in known && 'parts' in known && 'commonParts' in known;
}

/**
 * The words of `texts` that name one of the known children, as written there (distinct, in order of appearance).
 * What the municipality answers BUA's anonymity check with: only words the writer wrote, never a name they did not.
 * Built again into an index by the asker, these words find the same places in the same texts.
 */
export function knownNameMentions(texts: readonly string[], known: Iterable<string> | KnownNameIndex): string[] {
  const index = isIndex(known) ? known : buildKnownNameIndex(known);
  const mentions = texts.flatMap((text) => findKnownNames(text, index).map(({ start, end }) => text.slice(start, end)));
  return [...new Set(mentions)];
}
