import { assertChildPseudonym, badUserInput, forbidden, notFound, type Connection } from '@pathway-graph/shared';
import type { ReferralStatus } from '@pathway-graph/shared/domain/referral/index';
import type { ReferralToBuaModel } from '@pathway-graph/shared/sector/referrer/model';
import { referrerService } from '@pathway-graph/shared/sector/referrer/service';
import { guardOf, municipalityOwnership } from '../access.ts';
import type { Context } from '../context.ts';
import { findChildCpr } from '../db/referrals.ts';
import { accessLog, consents, referralFurtherCourse, referralsToBua } from '../db/schema.ts';
import type { MunicipalReferralInput } from '../generated/resolvers-types.ts';
import { outbox } from '../letters/messaging.ts';

export const referrerTables = { referrals: referralsToBua, furtherCourse: referralFurtherCourse, consents, accessLog };

/** The municipality's side of the referral to BUA (Trin 3): the shared referrer service, for the caseworker's municipality. */
export const referrals = referrerService<Context>({ sector: 'MUNICIPALITY', tables: referrerTables, ownership: municipalityOwnership, outbox });

/**
 * The municipality refers a resident child to BUA when its Trin 2 intervention did not have the expected effect
 * (agreement 6.1), attaching the interventions tried; the child's GP practice is told of every status BUA sends.
 */
export async function referFromMunicipality(ctx: Context, input: MunicipalReferralInput): Promise<ReferralToBuaModel> {
  referrals.assertReferrer(ctx, 'refer a child to BUA');
  const childId = assertChildPseudonym(input.childId, 'childId');
  const record = await ctx.loaders.child.load(childId);
  const municipality = ctx.access.principal.organisation;
  if (!record || String(record.residenceMunicipalityCode) !== municipality) {
    throw notFound('Your municipality has no record of this child as a resident, so it cannot refer the child.', { field: 'childId' });
  }
  await ctx.access.read(guardOf(childId, record), 'referralsToBua', "the child's record in the municipality");
  if (typeof input.ydernummer !== 'string' || !/^\d{1,6}$/.test(input.ydernummer)) {
    throw badUserInput("ydernummer must be the child's GP practice's provider number: 1 to 6 digits.", { field: 'ydernummer' });
  }
  const cpr = await findChildCpr(ctx.db, childId);
  if (cpr === null) throw notFound('Your municipality has no record of this child as a resident, so it cannot refer the child.', { field: 'childId' });
  const code = Number(municipality);
  return referrals.send(ctx, {
    messageId: input.messageId,
    child: { id: childId, cpr, birthDate: record.birthDate },
    organisation: municipality,
    sender: { municipalityCode: code },
    municipalityCode: code,
    ydernummer: input.ydernummer,
    requester: { name: ctx.access.principal.displayName, role: ctx.access.principal.roles[0] ?? 'CASEWORKER' },
    input: {
      reason: input.reason,
      stepReached: input.stepReached,
      acute: input.acute,
      interventionsTried: (input.interventionsTried ?? []).map(({ pathwayStep, ...i }) => ({ ...i, step: pathwayStep })),
      screeningResultIds: input.screeningResultIds ?? [],
      consents: input.consents,
      emergencyPhoneContact: input.emergencyPhoneContact ?? null,
      notificationFiled: null,
    },
  });
}

/** The municipality's own referrals (sent, and those BUA told it of); another municipality's are not its to list. */
export async function municipalityReferrals(
  ctx: Context,
  args: { municipalityCode: number; status?: ReferralStatus | null; first?: number | null; after?: string | null },
): Promise<Connection<ReferralToBuaModel>> {
  const { principal } = ctx.access;
  if (principal.sector !== 'MUNICIPALITY' || principal.organisation !== String(args.municipalityCode)) {
    throw forbidden("A municipality's referrals to BUA are its own; list your own municipality's referrals.", { field: 'municipalityCode' });
  }
  referrals.assertReferrer(ctx, "list the municipality's referrals to BUA");
  return referrals.list(ctx, String(args.municipalityCode), args);
}
