import type { QueryResolvers, ScreeningInstrumentResolvers, ScreeningInstrumentVersionResolvers } from '../generated/resolvers-types.ts';
import { questionnaireUrl, toQuestionnaire } from '../instruments/index.ts';
import { textOf, upperInformant } from './labels.ts';

export const screeningInstruments: QueryResolvers['screeningInstruments'] = (_, __, ctx) => [...ctx.setup.registry.instruments];

export const ScreeningInstrument: ScreeningInstrumentResolvers = {
  itemTextsIncluded: (i, _, ctx) => i.licence.itemTextsIncluded || ctx.setup.registry.licensedTexts.some((t) => t.instrument === i.id),
  licence: (i) => [i.licence.note, i.licence.attribution].filter(Boolean).join(' '),
  bandScheme: (i, _, ctx) => ctx.setup.registry.bandSchemeFor(i.id),
  versions: (i) => i.versions.map((version) => ({ instrument: i, version })),
};

export const ScreeningInstrumentVersion: ScreeningInstrumentVersionResolvers = {
  id: ({ version }) => version.id,
  label: ({ version }) => textOf(version.label),
  informant: ({ version }) => upperInformant(version.informant),
  minAge: ({ version }) => version.ages.min,
  maxAge: ({ version }) => version.ages.max,
  questionnaireUrl: ({ instrument, version }, _, ctx) => questionnaireUrl(instrument.id, version.id, { canonicalBase: ctx.setup.fhirBaseUrl }),
  questionnaire: ({ instrument, version }, { language }, ctx) =>
    JSON.stringify(toQuestionnaire(ctx.setup.registry, instrument.id, version.id, { canonicalBase: ctx.setup.fhirBaseUrl, language: language === 'EN' ? 'en' : 'da' })),
};
