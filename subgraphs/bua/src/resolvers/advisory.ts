import * as feeds from '../advisory/feeds.ts';
import * as planning from '../advisory/planning.ts';
import * as advisory from '../advisory/service.ts';
import type {
  AdvisoryBookingKindCountsResolvers,
  AdvisoryBookingResolvers,
  AdvisoryContactPersonResolvers,
  AdvisoryGpInvitationResolvers,
  AdvisoryInvitedMeetingResolvers,
  AdvisorySlotKindCountsResolvers,
  AdvisorySlotResolvers,
  MutationResolvers,
  QueryResolvers,
} from '../generated/resolvers-types.ts';

// BUA's advisory service (agreement 6.3): one line per field; the services guard, validate and store.

export const advisoryContactPerson: QueryResolvers['advisoryContactPerson'] = (_, { municipalityCode }, ctx) => planning.contactPerson(ctx, municipalityCode);
export const advisoryContactPersonHistory: QueryResolvers['advisoryContactPersonHistory'] = (_, { municipalityCode }, ctx) =>
  planning.contactPersonHistory(ctx, municipalityCode);
export const advisorySlotSeries: QueryResolvers['advisorySlotSeries'] = (_, { id }, ctx) => planning.getSeries(ctx, id);
export const advisorySlots: QueryResolvers['advisorySlots'] = (_, args, ctx) => advisory.listSlots(ctx, args);
export const advisorySlot: QueryResolvers['advisorySlot'] = (_, { id }, ctx) => advisory.getSlot(ctx, id);
export const advisoryBookings: QueryResolvers['advisoryBookings'] = (_, args, ctx) => advisory.listBookings(ctx, args);
export const advisoryBooking: QueryResolvers['advisoryBooking'] = (_, { id }, ctx) => advisory.getBooking(ctx, id);
export const advisoryOverdueDescriptions: QueryResolvers['advisoryOverdueDescriptions'] = (_, args, ctx) => advisory.overdueDescriptions(ctx, args);
export const myAdvisoryInvitations: QueryResolvers['myAdvisoryInvitations'] = (_, args, ctx) => advisory.myInvitations(ctx, args);
export const advisoryUsage: QueryResolvers['advisoryUsage'] = (_, args, ctx) => planning.usage(ctx, args);
export const advisoryCalendarFeeds: QueryResolvers['advisoryCalendarFeeds'] = (_, __, ctx) => feeds.listMyFeeds(ctx);

export const assignAdvisoryContactPerson: MutationResolvers['assignAdvisoryContactPerson'] = (_, { input }, ctx) => planning.assignContactPerson(ctx, input);
export const saveAdvisorySlotSeries: MutationResolvers['saveAdvisorySlotSeries'] = (_, { input }, ctx) => planning.saveSeries(ctx, input);
export const generateAdvisorySlots: MutationResolvers['generateAdvisorySlots'] = (_, { seriesId, from, to }, ctx) =>
  planning.generateSeriesSlots(ctx, seriesId, from, to);
export const cancelAdvisorySlot: MutationResolvers['cancelAdvisorySlot'] = (_, { id }, ctx) => planning.cancelSlot(ctx, id);
export const bookAdvisorySlot: MutationResolvers['bookAdvisorySlot'] = (_, { slotId, kind }, ctx) => advisory.book(ctx, slotId, kind);
export const cancelAdvisoryBooking: MutationResolvers['cancelAdvisoryBooking'] = (_, { id }, ctx) => advisory.cancelBooking(ctx, id);
export const submitAdvisoryCaseDescription: MutationResolvers['submitAdvisoryCaseDescription'] = (_, { bookingId, input }, ctx) =>
  advisory.submitDescription(ctx, bookingId, input);
export const inviteGpToAdvisoryMeeting: MutationResolvers['inviteGpToAdvisoryMeeting'] = (_, { bookingId, ydernummer, note }, ctx) =>
  advisory.inviteGp(ctx, bookingId, ydernummer, note);
export const answerAdvisoryInvitation: MutationResolvers['answerAdvisoryInvitation'] = (_, { id, answer }, ctx) => advisory.answerInvitation(ctx, id, answer);
export const withdrawAdvisoryInvitation: MutationResolvers['withdrawAdvisoryInvitation'] = (_, { id }, ctx) => advisory.withdrawInvitation(ctx, id);
export const recordAdvisoryAdvice: MutationResolvers['recordAdvisoryAdvice'] = (_, { bookingId, text }, ctx) => advisory.recordAdvice(ctx, bookingId, text);
export const createAdvisoryCalendarFeed: MutationResolvers['createAdvisoryCalendarFeed'] = (_, { kind, municipalityCode }, ctx) =>
  feeds.createFeed(ctx, kind, municipalityCode);
export const revokeAdvisoryCalendarFeed: MutationResolvers['revokeAdvisoryCalendarFeed'] = (_, { id }, ctx) => feeds.revokeFeed(ctx, id);

export const advisoryQueries = {
  advisoryContactPerson,
  advisoryContactPersonHistory,
  advisorySlotSeries,
  advisorySlots,
  advisorySlot,
  advisoryBookings,
  advisoryBooking,
  advisoryOverdueDescriptions,
  myAdvisoryInvitations,
  advisoryUsage,
  advisoryCalendarFeeds,
} satisfies QueryResolvers;

export const advisoryMutations = {
  assignAdvisoryContactPerson,
  saveAdvisorySlotSeries,
  generateAdvisorySlots,
  cancelAdvisorySlot,
  bookAdvisorySlot,
  cancelAdvisoryBooking,
  submitAdvisoryCaseDescription,
  inviteGpToAdvisoryMeeting,
  answerAdvisoryInvitation,
  withdrawAdvisoryInvitation,
  recordAdvisoryAdvice,
  createAdvisoryCalendarFeed,
  revokeAdvisoryCalendarFeed,
} satisfies MutationResolvers;

// Every object reaching these resolvers has been shown to the reader by a service function already.

export const AdvisoryContactPerson: AdvisoryContactPersonResolvers = {
  current: (period, _, ctx) => planning.isCurrentContact(ctx, period),
  changedAt: (period) => period.createdAt.toISOString(),
};

export const AdvisorySlot: AdvisorySlotResolvers = {
  seatsLeft: (slot, _, ctx) => advisory.slotSeatsLeft(ctx, slot),
  bookable: (slot, _, ctx) => advisory.slotBookable(ctx, slot),
  bookings: (slot, _, ctx) => advisory.slotBookings(ctx, slot),
};

export const AdvisoryBooking: AdvisoryBookingResolvers = {
  slot: async (booking, _, ctx) => (await ctx.loaders.advisorySlot.load(booking.slotId))!,
  description: (booking) => advisory.bookingDescription(booking),
  descriptionStatus: (booking, _, ctx) => advisory.bookingDescriptionStatus(ctx, booking),
  descriptionDueAt: async (booking, _, ctx) => (await advisory.bookingDescriptionDueAt(ctx, booking))?.toISOString() ?? null,
  descriptionOverdue: (booking, _, ctx) => advisory.bookingDescriptionOverdue(ctx, booking),
  gpInvitations: (booking, _, ctx) => advisory.bookingInvitations(ctx, booking),
  advice: (booking, _, ctx) => advisory.bookingAdvice(ctx, booking),
};

export const AdvisoryGpInvitation: AdvisoryGpInvitationResolvers = {
  ydernummer: (invitation) => invitation.practiceYdernummer,
  meeting: (invitation, _, ctx) => advisory.invitedMeeting(ctx, invitation),
};

export const AdvisoryInvitedMeeting: AdvisoryInvitedMeetingResolvers = {
  municipalityCode: ({ booking }) => booking.municipalityCode,
  kind: ({ booking }) => booking.kind,
  startsAt: ({ slot }) => slot.startsAt.toISOString(),
  endsAt: ({ slot }) => slot.endsAt.toISOString(),
  meetingUrl: ({ slot }) => slot.meetingUrl,
  takesPlace: ({ booking, slot }) => booking.cancelledAt === null && slot.status === 'SCHEDULED',
  // A withdrawn invitation no longer brings the case to the GP.
  description: ({ invitation, booking }) => (invitation.status === 'WITHDRAWN' ? null : advisory.bookingDescription(booking)),
};

export const AdvisorySlotKindCounts: AdvisorySlotKindCountsResolvers = {
  consultation: (counts) => counts.CONSULTATION,
  teaching: (counts) => counts.TEACHING,
  total: (counts) => counts.CONSULTATION + counts.TEACHING,
};

export const AdvisoryBookingKindCounts: AdvisoryBookingKindCountsResolvers = {
  sparring: (counts) => counts.SPARRING,
  supervision: (counts) => counts.SUPERVISION,
  teaching: (counts) => counts.TEACHING,
  total: (counts) => counts.SPARRING + counts.SUPERVISION + counts.TEACHING,
};

export const advisoryTypes = {
  AdvisoryContactPerson,
  AdvisorySlot,
  AdvisoryBooking,
  AdvisoryGpInvitation,
  AdvisoryInvitedMeeting,
  AdvisorySlotKindCounts,
  AdvisoryBookingKindCounts,
};
