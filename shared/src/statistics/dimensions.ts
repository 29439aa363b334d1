import { REGION_MIDTJYLLAND_MUNICIPALITIES } from '../domain/municipalities.ts';
import { HEALTH_CLUSTERS } from './clusters/clusters.ts';
import { childPeriods, parsePeriodKey, periodLabel, type Period } from './periods.ts';

/**
 * A dimension of a statistics cube: a tree of nodes. Facts are counted at the leaves (the values a SQL GROUP BY
 * returns: a municipality code, a month, an age band); every inner node is the total of its children (a cluster of
 * its municipalities, a quarter of its months, "all" of the age bands), and the root is the dimension's grand total.
 * Leaves may sit at different depths (e.g. replies: answered within / after the deadline under "answered", next to
 * "not answered").
 */
export interface DimensionNode {
  readonly key: string;
  readonly label: string;
  /** A name for the node's kind, e.g. 'municipality', 'cluster', 'region'; queries can ask for every node of a level. */
  readonly level: string;
  readonly parent: string | null;
  readonly children: readonly string[];
}

export interface Dimension {
  readonly name: string;
  readonly label: string;
  readonly root: string;
  readonly nodes: ReadonlyMap<string, DimensionNode>;
  /** Every node, depth first (a parent before its children): the order tables list them in. */
  readonly order: readonly string[];
  readonly leaves: readonly string[];
}

export interface DimensionTree {
  readonly key: string;
  readonly label: string;
  readonly level: string;
  readonly children?: readonly DimensionTree[];
}

const DIMENSION_NAME = /^[a-z][A-Za-z0-9]*$/;

export function defineDimension(name: string, label: string, tree: DimensionTree): Dimension {
  if (!DIMENSION_NAME.test(name)) throw new Error(`dimension name "${name}" must be a camelCase identifier`);
  const nodes = new Map<string, DimensionNode>();
  const order: string[] = [];
  const leaves: string[] = [];
  const visit = (node: DimensionTree, parent: string | null) => {
    if (nodes.has(node.key)) throw new Error(`dimension ${name}: node key "${node.key}" is used twice`);
    const children = node.children ?? [];
    nodes.set(node.key, { key: node.key, label: node.label, level: node.level, parent, children: children.map((c) => c.key) });
    order.push(node.key);
    if (children.length === 0) leaves.push(node.key);
    for (const child of children) visit(child, node.key);
  };
  visit(tree, null);
  return { name, label, root: tree.key, nodes, order, leaves };
}

/** The nodes of a level, in table order. */
export function nodesAtLevel(dimension: Dimension, level: string): string[] {
  const keys = dimension.order.filter((key) => dimension.nodes.get(key)!.level === level);
  if (keys.length === 0) {
    const levels = [...new Set(dimension.order.map((key) => dimension.nodes.get(key)!.level))];
    throw new Error(`dimension ${dimension.name} has no level "${level}" (it has ${levels.join(', ')})`);
  }
  return keys;
}

export const REGION_KEY = 'REGION';

/** Municipality within health cluster within Region Midtjylland; leaves are the kommunekoder as strings ('751'). */
export function municipalityDimension(): Dimension {
  const nameOf = new Map(REGION_MIDTJYLLAND_MUNICIPALITIES.map((m) => [m.code, m.name]));
  return defineDimension('municipality', 'Municipality', {
    key: REGION_KEY,
    label: 'Region Midtjylland',
    level: 'region',
    children: HEALTH_CLUSTERS.map((cluster) => ({
      key: cluster.code,
      label: cluster.name,
      level: 'cluster',
      children: cluster.municipalities.map((code) => ({ key: String(code), label: nameOf.get(code)!, level: 'municipality' })),
    })),
  });
}

/**
 * One biennium with its years, half-years, quarters and months; leaves are months ('2026-03'). A cube covers one
 * biennium: cubes of different bienniums share no cell, so a closed biennium's figures and their suppression never
 * change when later months are added.
 */
export function periodDimension(biennium: Period | string): Dimension {
  const top = typeof biennium === 'string' ? parsePeriodKey(biennium) : biennium;
  if (top.level !== 'biennium') throw new Error(`a cube covers one biennium, not the ${top.level} ${top.key}`);
  const tree = (period: Period): DimensionTree => ({
    key: period.key,
    label: periodLabel(period),
    level: period.level,
    children: childPeriods(period).map(tree),
  });
  return defineDimension('period', 'Period', tree(top));
}

export const ALL_KEY = 'ALL';

/** A flat dimension: "all" over the given categories. */
export function categoryDimension(
  name: string,
  label: string,
  categories: readonly { key: string; label: string }[],
  allLabel = 'All',
): Dimension {
  return defineDimension(name, label, {
    key: ALL_KEY,
    label: allLabel,
    level: 'all',
    children: categories.map((c) => ({ ...c, level: name })),
  });
}

/** The age bands of the pathway subgraph's AgeBand (15 and 18 are the legal edges of consent and target group). */
export function ageBandDimension(): Dimension {
  return categoryDimension('ageBand', 'Age band', [
    { key: 'UNDER_6', label: '0-5 years' },
    { key: 'AGE_6_TO_12', label: '6-12 years' },
    { key: 'AGE_13_TO_14', label: '13-14 years' },
    { key: 'AGE_15_TO_17', label: '15-17 years' },
  ]);
}

/** Sex as the CPR number records it. */
export function sexDimension(): Dimension {
  return categoryDimension('sex', 'Sex', [
    { key: 'F', label: 'Girls' },
    { key: 'M', label: 'Boys' },
  ]);
}
