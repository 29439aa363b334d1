import type { Purpose, Sector } from '../auth/principal.ts';
import { isConsentActive, validateConsentForChild, validateConsentInput, type ConsentingParty } from '../access/consent.ts';
import type { AnyDatabase } from '../db/database.ts';
import { conflict, forbidden, notFound } from '../errors.ts';
import { assertChildPseudonym } from '../domain/pseudonym.ts';
import { assertUuid, uuid7 } from '../uuid7.ts';
import { toConsentRecord, type GuardedChild, type RequestAccess, type SectorOwnership } from './access.ts';
import { appendAccessLog, findConsentById, insertConsent, markConsentWithdrawn } from './repository.ts';
import type { ConsentRow, SectorTables } from './tables.ts';

export interface RecordConsentInput {
  childId: string;
  givenBy: ConsentingParty;
  givenOn: string;
  recipientSector: Sector;
  recipientOrganisation?: string | null;
  purposes: Purpose[];
  validFrom: string;
  validUntil?: string | null;
}

interface ConsentContext {
  access: RequestAccess;
  db: AnyDatabase<Record<string, unknown>>;
}

export interface ConsentServiceOptions<TContext extends ConsentContext> {
  tables: SectorTables;
  ownership: SectorOwnership;
  /** The child as this sector knows it, or null when it has no record of the child. */
  findChild(ctx: TContext, childId: string): Promise<GuardedChild | null>;
  /**
   * Whether the consents table records the recording organisation's sector too (`recordedBySector`): a subgraph kept
   * by several sectors (screening) needs it to name who keeps a consent; in the others the sector is the subgraph's.
   */
  recordsSector?: boolean;
}

/**
 * Consents to disclose a sector's data (samtykke), as each sector subgraph holds them: the sector that discloses
 * records the consent, so it can check it on every read by another sector (consent is given to the discloser).
 */
export function consentService<TContext extends ConsentContext>(options: ConsentServiceOptions<TContext>) {
  const { tables, ownership } = options;

  /** Only the organisation holding the child's record may record or withdraw consents for its data. */
  async function guardOwnRecord(ctx: TContext, childId: string, what: string): Promise<GuardedChild> {
    const { access } = ctx;
    if (!access.isOwnerSector) {
      throw forbidden(`Only ${ownership.describe(null)} can ${what}: consent is given to the sector that discloses its data.`);
    }
    const child = await options.findChild(ctx, childId);
    if (!child) {
      throw notFound(`${capitalise(ownership.describe(null))} has no record of this child, so it holds nothing to disclose.`, { field: 'childId' });
    }
    await access.read(child, 'consents', `the consents held by ${ownership.describe(child.ownerOrganisation)}`);
    return child;
  }

  return {
    async record(ctx: TContext, input: RecordConsentInput): Promise<ConsentRow> {
      const childId = assertChildPseudonym(input.childId, 'childId');
      const consent = {
        givenBy: input.givenBy,
        givenOn: input.givenOn,
        recipientSector: input.recipientSector,
        recipientOrganisation: input.recipientOrganisation ?? null,
        purposes: input.purposes,
        validFrom: input.validFrom,
        validUntil: input.validUntil ?? null,
      };
      // A form filled in wrongly is refused before the child's record is looked up: nothing read, nothing logged.
      validateConsentInput(consent, { today: ctx.access.today, ownerSectors: ownership.sectors });
      const child = await guardOwnRecord(ctx, childId, 'record a consent to disclose its data');
      // Without a birth date on record, the day it was given stands in: the age rules then cannot refuse it.
      validateConsentForChild(consent, child.birthDate ?? input.givenOn);
      // The consent and the log entry of the change commit together or not at all.
      return ctx.db.transaction(async (tx) => {
        const row = await insertConsent(tx, tables, {
          id: uuid7(),
          childId,
          givenBy: input.givenBy,
          givenOn: input.givenOn,
          recipientSector: input.recipientSector,
          recipientOrganisation: input.recipientOrganisation ?? null,
          purposes: [...input.purposes],
          validFrom: input.validFrom,
          validUntil: input.validUntil ?? null,
          recordedBy: ctx.access.principal.subject,
          recordedByOrganisation: ctx.access.principal.organisation,
          ...(options.recordsSector ? { recordedBySector: ctx.access.principal.sector } : {}),
        });
        await appendAccessLog(tx, tables, [ctx.access.changeEntry(childId, ['consents'])]);
        return row;
      });
    },

    async withdraw(ctx: TContext, id: string): Promise<ConsentRow> {
      const existing = await findConsentById(ctx.db, tables, assertUuid(id));
      if (!existing) throw notFound('No consent with this id is held here.', { field: 'id' });
      await guardOwnRecord(ctx, existing.childId, 'withdraw a consent it holds');
      if (existing.withdrawnAt) throw conflict(`The consent was already withdrawn at ${existing.withdrawnAt}.`, { field: 'id' });
      return ctx.db.transaction(async (tx) => {
        // Stamped with the request's own clock, so this response already reports the consent as withdrawn.
        const row = await markConsentWithdrawn(tx, tables, id, ctx.access.principal.subject, ctx.access.now);
        // A concurrent withdrawal won the race: report it rather than log a change that did not happen.
        if (!row) throw conflict('The consent was withdrawn by someone else a moment ago.', { field: 'id' });
        await appendAccessLog(tx, tables, [ctx.access.changeEntry(existing.childId, ['consents'])]);
        return row;
      });
    },

    /** The consents held about a child, for those allowed to read this sector's data about it. */
    async list(ctx: TContext, child: GuardedChild): Promise<ConsentRow[]> {
      await ctx.access.read(child, 'consents', `the consents held by ${ownership.describe(child.ownerOrganisation)}`);
      return ctx.access.consentRows(child.id);
    },

    isActive(ctx: TContext, row: ConsentRow, birthDate: string | null): boolean {
      return isConsentActive(toConsentRecord(row), { birthDate, today: ctx.access.today, now: ctx.access.now });
    },
  };
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
