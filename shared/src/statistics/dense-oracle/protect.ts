import { computableHiddenCells } from './audit.ts';
import type { Dimension } from '../dimensions.ts';
import {
  aggregate,
  buildLattice,
  cellOf,
  coordinatesOf,
  inView,
  PRIMARY,
  relationMembers,
  relationsOfCell,
  SECONDARY,
  SHOWN,
  suppressPrimary,
  suppressSecondary,
  type Lattice,
} from './lattice.ts';

/**
 * The engine as it was before the lattice held only the cells of the views (lattice.ts, audit.ts and the protection
 * of cube.ts, unchanged): every cell of the dimension product in flat arrays. Kept for tests only, as the oracle the
 * sparse engine must agree with cell for cell on random cubes (sparse.test.ts).
 */
export function protectDense(
  dimensions: readonly Dimension[],
  views: readonly (readonly string[])[] | undefined,
  leaves: readonly { at: Readonly<Record<string, string>>; count: number }[],
  threshold: number,
): { at: Record<string, string>; value: number; status: 'SHOWN' | 'PRIMARY' | 'SECONDARY' }[] {
  const lattice = buildLattice(dimensions, views);
  const values = new Float64Array(lattice.total);
  for (const row of leaves) {
    const leaf = cellOf(lattice, lattice.dims.map((dim) => dim.indexOf.get(row.at[dim.dimension.name]!)!));
    values[leaf] = values[leaf]! + row.count;
  }
  aggregate(lattice, values);
  const status = suppressPrimary(lattice, values, threshold);
  suppressSecondary(lattice, values, status, threshold);
  closeChains(lattice, values, status, threshold);
  const cells: { at: Record<string, string>; value: number; status: 'SHOWN' | 'PRIMARY' | 'SECONDARY' }[] = [];
  for (let cell = 0; cell < lattice.total; cell++) {
    if (!inView(lattice, cell)) continue;
    const s = status[cell] === SHOWN ? 'SHOWN' : status[cell] === PRIMARY ? 'PRIMARY' : 'SECONDARY';
    cells.push({ at: coordinatesOf(lattice, cell), value: values[cell]!, status: s });
  }
  return cells;
}

/**
 * The line rule leaves every relation with two hidden members, but a small count (or a zero that breaks one down)
 * can still be fixed by a chain of relations (audit.ts). While the audit finds such a primary cell, hide the
 * cheapest shown member of its relations and rerun the line rule; hiding only ever adds unknowns, so this ends, at
 * the latest when everything is hidden. Hidden protectors that are fixed are left: they are 0 or at least the
 * threshold, and the primary cells stay unfixed without them.
 *
 * The audit is the costly part, so one round serves every exposed cell, but what it found is only true before the
 * round's first hiding: a cell next to cells hidden earlier in the round may no longer be fixed (in a sparse cube
 * one small count's zeros are exposed together, and one hiding protects them all). Such a cell waits for the next
 * round's audit; hiding for it anyway hid whole cubes of zeros and then found no shown cell left to hide.
 */
function closeChains(lattice: Lattice, values: Float64Array, status: Uint8Array, threshold: number): void {
  for (;;) {
    const primary: number[] = [];
    for (let cell = 0; cell < lattice.total; cell++) if (status[cell] === PRIMARY) primary.push(cell);
    const exposed = computableHiddenCells(lattice, status, primary);
    if (exposed.length === 0) return;
    const added = new Set<number>();
    for (const cell of exposed) {
      const neighbours = cheapestShownNeighbours(lattice, values, status, cell, added);
      if (neighbours === 'changed') continue;
      for (const best of neighbours) {
        status[best] = SECONDARY;
        added.add(best);
      }
    }
    suppressSecondary(lattice, values, status, threshold, [...added]);
  }
}

/**
 * For each relation of `start` with a shown member, its cheapest shown member; when all of those are hidden, the
 * same for the nearest relations reached through hidden cells (a hidden cell fixed by the relations is fixed
 * through some shown cell). Hiding one member per relation gives the cell room in every direction at once.
 * 'changed' when the search meets a cell hidden since the audit (`hiddenSinceAudit`): whether `start` is still
 * fixed is then for the next audit to say.
 */
function cheapestShownNeighbours(
  lattice: Lattice,
  values: Float64Array,
  status: Uint8Array,
  start: number,
  hiddenSinceAudit: ReadonlySet<number>,
): number[] | 'changed' {
  const seen = new Set<number>([start]);
  let frontier = [start];
  while (frontier.length > 0) {
    const found: number[] = [];
    const next: number[] = [];
    for (const cell of frontier) {
      for (const relation of relationsContaining(lattice, cell)) {
        const { parent, children } = relationMembers(lattice, relation);
        let best: number | undefined;
        for (const member of [...children, parent]) {
          if (hiddenSinceAudit.has(member)) return 'changed';
          if (status[member] !== SHOWN) {
            if (!seen.has(member)) {
              seen.add(member);
              next.push(member);
            }
            continue;
          }
          const v = values[member]!;
          if (best === undefined || (v !== 0 && (values[best] === 0 || v < values[best]!))) best = member;
        }
        if (best !== undefined) found.push(best);
      }
    }
    if (found.length > 0) return found;
    frontier = next;
  }
  // Every cell is connected to every other through the relations, so the search has met every cell: all hidden,
  // none since the audit, which found `start` fixed by shown cells. The audit and the relations disagree.
  throw new Error('unreachable: a hidden cell fixed by the relations has a shown cell among its relations');
}

function relationsContaining(lattice: Lattice, cell: number): number[] {
  const relations: number[] = [];
  relationsOfCell(lattice, cell, (relation) => relations.push(relation));
  return relations;
}
