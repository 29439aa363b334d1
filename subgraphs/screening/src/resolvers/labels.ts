import type { LocalisedText } from '../instruments/index.ts';

/** The API speaks English; an instrument text without an English form falls back to Danish. */
export const textOf = (label: LocalisedText): string => label.en ?? label.da ?? '';

type UpperInformant = 'SELF' | 'PARENT' | 'TEACHER';
export const upperInformant = (informant: string): UpperInformant => informant.toUpperCase() as UpperInformant;
