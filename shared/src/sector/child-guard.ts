import type { GuardedChild, RequestAccess } from './access.ts';

/** A child as a sector's resolvers pass it: the pseudonym, and the record once loaded (null: not known here). */
export interface ChildWithRecord<TRecord> {
  id: string;
  record?: TRecord | null;
}

/**
 * The two steps every guarded Child field takes in every sector: load the sector's record of the child (batched by
 * the request's loader unless the parent already has it), then ask the access guard whether `what` may be shown.
 */
export function childGuard<TRecord, TContext extends { access: RequestAccess }>(
  load: (ctx: TContext, id: string) => Promise<TRecord | null>,
  guardOf: (id: string, record: TRecord | null) => GuardedChild,
) {
  async function record(child: ChildWithRecord<TRecord>, ctx: TContext): Promise<TRecord | null> {
    return child.record !== undefined ? child.record : load(ctx, child.id);
  }
  /** The record, if the policy lets the reader see `what` (the read of `part` is then logged); throws otherwise. */
  async function guarded(child: ChildWithRecord<TRecord>, ctx: TContext, part: string, what: string): Promise<TRecord | null> {
    const r = await record(child, ctx);
    await ctx.access.read(guardOf(child.id, r), part, what);
    return r;
  }
  return { record, guarded };
}
