import { parseDiagnosisCode } from '@pathway-graph/shared/domain/icd10/index';
import type {
  MunicipalityNotificationResolvers,
  MutationResolvers,
  QueryResolvers,
  ScreeningThresholdResolvers,
  ScreeningTrackDefinitionResolvers,
  TrackBasisResolvers,
  TrackMembershipResolvers,
} from '../generated/resolvers-types.ts';
import { thresholdsOf } from '../screenings/setup.ts';
import { TRACK_DEFINITIONS } from '../tracks/reference.ts';
import * as tracks from '../tracks/service.ts';

export const screeningTrackDefinitions: QueryResolvers['screeningTrackDefinitions'] = () => [...TRACK_DEFINITIONS];

export const registerInScreeningTrack: MutationResolvers['registerInScreeningTrack'] = (_, { input }, ctx) => tracks.registerInTrack(ctx, input);
export const endTrackMembership: MutationResolvers['endTrackMembership'] = (_, { id, reason, endedOn }, ctx) => tracks.endMembership(ctx, id, { reason, endedOn });

export const ScreeningTrackDefinition: ScreeningTrackDefinitionResolvers = {
  participants: (t) => [...t.participants],
  thresholds: (t, _, ctx) => thresholdsOf(ctx.setup, t.track),
};

const COMPARATOR = { lte: '<=', lt: '<', gte: '>=', gt: '>' } as const;
export const ScreeningThreshold: ScreeningThresholdResolvers = {
  versionIds: (t) => t.versionIds ?? [],
  condition: (t) =>
    t.condition.kind === 'value' ? `${t.score} ${COMPARATOR[t.condition.comparator]} ${t.condition.value}` : `${t.score} in ${t.condition.bandScheme} ${t.condition.bands.join(', ')}`,
};

// Every TrackMembership reaching these resolvers has passed the access guard (tracks/service.ts).
export const TrackMembership: TrackMembershipResolvers = {
  municipality: (m) => (m.municipalityCode === null ? null : { code: m.municipalityCode }),
  basis: (m) => m,
  registeredBy: (m) =>
    m.registeredBySector && m.registeredByOrganisation && m.registeredByName
      ? { sector: m.registeredBySector, organisation: m.registeredByOrganisation, name: m.registeredByName }
      : null,
  active: (m, _, ctx) => m.endedOn === null || m.endedOn > ctx.access.today,
  screenPositive: async (m, _, ctx) => {
    const results = (await ctx.loaders.resultsOfChild.load(m.childId)).filter((r) => r.membershipId === m.id);
    return results.at(-1)?.positive ?? false;
  },
  municipalityNotification: (m) => (m.notificationStatus && m.municipalityCode !== null && m.patientConsentOn ? m : null),
};

export const TrackBasis: TrackBasisResolvers = {
  diagnosis: (m) => {
    if (!m.diagnosisCode) return null;
    // Stored in the canonical SKS form, so it parses again; the title and warning are the shipped classification's.
    const code = parseDiagnosisCode(m.diagnosisCode, 'diagnosisCode');
    return { code: code.sks, icd10: code.icd10, title: code.title, chapter: code.chapter, warning: code.warnings[0]?.message ?? null };
  },
};

export const MunicipalityNotification: MunicipalityNotificationResolvers = {
  municipality: (m) => ({ code: m.municipalityCode! }),
  status: (m) => m.notificationStatus!,
  patientConsentOn: (m) => m.patientConsentOn!,
  receivedOn: (m) => m.notificationReceivedOn,
  error: (m) => m.notificationError,
};
