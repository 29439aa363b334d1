import DataLoader from 'dataloader';
import type { Principal, Purpose, Sector } from '../auth/principal.ts';
import { assertAllowed, decideChildRead, type DataClass } from '../access/policy.ts';
import type { ConsentRecord } from '../access/consent.ts';
import type { AnyDatabase } from '../db/database.ts';
import { uuid7 } from '../uuid7.ts';
import { findConsentsByChildIds } from './repository.ts';
import type { AccessLogRow, ConsentRow, SectorTables } from './tables.ts';

/** Who owns a sector subgraph's data about children, for the policy and its messages. */
export interface SectorOwnership {
  sectors: readonly Sector[];
  /** e.g. `municipality 751`, or `BUA` when the data is not scoped to one organisation. */
  describe(organisation: string | null): string;
}

/** What a guard needs to know about the child whose data is read. */
export interface GuardedChild {
  id: string;
  /** Whether this sector holds a record of the child; reads of nothing are not logged. */
  known: boolean;
  birthDate: string | null;
  /** The organisation whose record it is (municipality code, ydernummer); null when not scoped or not known. */
  ownerOrganisation: string | null;
}

export interface ReadOptions {
  dataClass?: DataClass;
  /** Data the agreement sends to these readers anyway (a reply to the GP who wrote). */
  addressedTo?: readonly { sector: Sector; organisation: string | null }[];
  /**
   * Consents the record itself carries beside those the owner recorded (a referral's consent to refer and share),
   * weighed by the same rules; they can only widen what another sector may see of this record.
   */
  recordConsents?: readonly ConsentRecord[];
}

export function toConsentRecord(row: ConsentRow): ConsentRecord {
  return {
    givenBy: row.givenBy,
    givenOn: row.givenOn,
    recipientSector: row.recipientSector,
    recipientOrganisation: row.recipientOrganisation,
    purposes: row.purposes,
    validFrom: row.validFrom,
    validUntil: row.validUntil,
    withdrawnAt: row.withdrawnAt,
  };
}

/**
 * One request's access to children's data in one sector subgraph: every read of a child's personal data passes
 * `read()`, which asks the policy (consents loaded once per request, in one statement) and remembers what was read,
 * so the request leaves exactly one access-log entry per child, written before the response leaves.
 */
export class RequestAccess {
  /** Set once the operation is known (by the access-log plugin). */
  operation = 'unknown';
  private readonly reads = new Map<string, Set<string>>();
  private readonly consents: DataLoader<string, ConsentRow[]>;

  constructor(
    readonly principal: Principal,
    readonly purpose: Purpose,
    readonly requestId: string,
    private readonly db: AnyDatabase<Record<string, unknown>>,
    private readonly tables: SectorTables,
    private readonly ownership: SectorOwnership,
    readonly today: string,
    readonly now: Date,
  ) {
    this.consents = new DataLoader(async (ids) => {
      const rows = await findConsentsByChildIds(db, tables, ids);
      return ids.map((id) => rows.filter((r) => r.childId === id));
    });
  }

  /** Whether the reader belongs to the sector that owns this subgraph's data. */
  get isOwnerSector(): boolean {
    return this.ownership.sectors.includes(this.principal.sector);
  }

  /** The consent rows held about a child, batched with every other child of the request. */
  consentRows(childId: string): Promise<ConsentRow[]> {
    return this.consents.load(childId);
  }

  /** Throws FORBIDDEN or CONSENT_REQUIRED unless the reader may see `what` about the child; records the read. */
  async read(child: GuardedChild, part: string, what: string, options: ReadOptions = {}): Promise<void> {
    // Owners never need a consent, so their requests skip loading them.
    const consents = this.isOwnerSector ? [] : [...(await this.consents.load(child.id)).map(toConsentRecord), ...(options.recordConsents ?? [])];
    const request = {
      principal: this.principal,
      purpose: this.purpose,
      owner: {
        sectors: this.ownership.sectors,
        organisation: child.ownerOrganisation,
        description: this.ownership.describe(child.ownerOrganisation),
      },
      dataClass: options.dataClass ?? 'PERSONAL',
      what,
      consents,
      birthDate: child.birthDate,
      today: this.today,
      now: this.now,
      ...(options.addressedTo ? { addressedTo: options.addressedTo } : {}),
    };
    let decision = decideChildRead(request);
    if (!decision.allowed && decision.code === 'CONSENT_REQUIRED') {
      // Another sector is told what is needed, never what the owner holds: wording that depended on the child's age
      // or on the consents on record would show that the owner knows the child (e.g. that it is a BUA patient).
      decision = decideChildRead({ ...request, birthDate: null, consents: [] });
    }
    assertAllowed(decision);
    if (!child.known) return;
    let parts = this.reads.get(child.id);
    if (!parts) this.reads.set(child.id, (parts = new Set()));
    parts.add(part);
  }

  /** The access-log entries of the reads so far (one per child), and forgets them. */
  takeReadEntries(): AccessLogRow[] {
    const rows = [...this.reads].map(([childId, parts]) => this.entry('READ', childId, [...parts].sort()));
    this.reads.clear();
    return rows;
  }

  /**
   * The access-log entry of a change, to be written in the change's own transaction. What the request read of the
   * same child so far goes into it too, so the request still leaves one entry for the child.
   */
  changeEntry(childId: string, parts: string[]): AccessLogRow {
    const read = this.reads.get(childId);
    this.reads.delete(childId);
    return this.entry('CHANGE', childId, [...new Set([...parts, ...(read ?? [])])].sort());
  }

  private entry(action: 'READ' | 'CHANGE', childId: string, parts: string[]): AccessLogRow {
    return {
      id: uuid7(),
      at: new Date().toISOString(),
      action,
      actorSubject: this.principal.subject,
      actorName: this.principal.displayName,
      actorSector: this.principal.sector,
      actorOrganisation: this.principal.organisation,
      actorRoles: this.principal.roles,
      childId,
      operation: this.operation,
      parts,
      purpose: this.purpose,
      requestId: this.requestId,
    };
  }
}
