import { badUserInput, childPseudonym, forbidden, MUNICIPALITY_INBOXES, parseCpr, type Connection } from '@pathway-graph/shared';
import type { ReferralStatus } from '@pathway-graph/shared/domain/referral/index';
import type { ReferralToBuaModel } from '@pathway-graph/shared/sector/referrer/model';
import { referrerService } from '@pathway-graph/shared/sector/referrer/service';
import { generalPracticeOwnership } from '../access.ts';
import type { Context } from '../context.ts';
import { accessLog, consents, referralFurtherCourse, referralsToBua } from '../db/schema.ts';
import type { ReferChildToBuaInput } from '../generated/resolvers-types.ts';
import { outbox } from '../letters/messaging.ts';

export const referrerTables = { referrals: referralsToBua, furtherCourse: referralFurtherCourse, consents, accessLog };

/** General practice's side of the referral to BUA (Trin 3): the shared referrer service, for the GP's practice. */
export const referrals = referrerService<Context>({ sector: 'GENERAL_PRACTICE', tables: referrerTables, ownership: generalPracticeOwnership, outbox });

/**
 * A GP refers a child directly to BUA (agreement 6.2: "uanset om der er tale om en akut problemstilling"). The practice
 * is the GP's own; the child is the one the CPR number names, and its municipality is told of every status BUA sends.
 */
export async function referChildToBua(ctx: Context, input: ReferChildToBuaInput): Promise<ReferralToBuaModel> {
  referrals.assertReferrer(ctx, 'refer a child to BUA');
  const { principal } = ctx.access;
  const practice = await ctx.loaders.practice.load(principal.organisation);
  if (!practice) {
    throw forbidden('Your practice is not registered with general practice here, so it cannot refer; ask the region to register it.');
  }
  if (typeof input.cpr !== 'string' || input.cpr.length > 11) {
    throw badUserInput('cpr must be a CPR number, DDMMYY-SSSS or 10 digits (at most 11 characters).', { field: 'cpr' });
  }
  const cpr = parseCpr(input.cpr, 'cpr');
  if (!MUNICIPALITY_INBOXES.some((m) => m.code === input.municipalityCode)) {
    throw badUserInput("municipalityCode must be the child's municipality, one of the 19 of Region Midtjylland (e.g. 751 Aarhus).", {
      field: 'municipalityCode',
    });
  }
  return referrals.send(ctx, {
    messageId: input.messageId,
    child: { id: childPseudonym(cpr.normalized, ctx.pseudonymSecret), cpr: cpr.normalized, birthDate: cpr.birthDate },
    organisation: practice.ydernummer,
    sender: { ydernummer: practice.ydernummer, name: practice.name },
    municipalityCode: input.municipalityCode,
    ydernummer: practice.ydernummer,
    requester: { name: principal.displayName, role: 'GP' },
    input: {
      reason: input.reason,
      stepReached: input.stepReached,
      acute: input.acute,
      interventionsTried: (input.interventionsTried ?? []).map(({ pathwayStep, ...i }) => ({ ...i, step: pathwayStep })),
      screeningResultIds: input.screeningResultIds ?? [],
      consents: input.consents,
      emergencyPhoneContact: input.emergencyPhoneContact ?? null,
      notificationFiled: input.notificationFiled ?? null,
    },
  });
}

/** The practice's own referrals; another practice's list is not this GP's to read. */
export async function practiceReferrals(
  ctx: Context,
  args: { ydernummer: string; status?: ReferralStatus | null; first?: number | null; after?: string | null },
): Promise<Connection<ReferralToBuaModel>> {
  const { principal } = ctx.access;
  if (principal.sector !== 'GENERAL_PRACTICE' || principal.organisation !== args.ydernummer) {
    throw forbidden("A practice's referrals to BUA are its own; list your own practice's referrals (your ydernummer).", { field: 'ydernummer' });
  }
  referrals.assertReferrer(ctx, "list the practice's referrals to BUA");
  return referrals.list(ctx, args.ydernummer, args);
}
