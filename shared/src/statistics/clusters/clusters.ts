import { REGION_MIDTJYLLAND_MUNICIPALITIES, type MunicipalityCode } from '../../domain/municipalities.ts';

/**
 * The five health clusters (sundhedsklynger) of Region Midtjylland: the political clusters (politiske klynger) in
 * which the agreement is anchored and followed (agreement sections 8-9). Each is formed around an acute hospital's
 * catchment area: the region, the municipalities of that area and the local GPs. Reference data with its sources in
 * README.md beside this file.
 */
export type ClusterCode = 'HORSENS' | 'MIDT' | 'RANDERS' | 'VEST' | 'AARHUS';

export interface HealthCluster {
  /** Stable key used in statistics (a node of the municipality dimension). */
  readonly code: ClusterCode;
  /** The cluster's own name. */
  readonly name: string;
  /** The acute hospital the cluster is formed around. */
  readonly hospital: string;
  /** Kommunekoder, ascending. */
  readonly municipalities: readonly MunicipalityCode[];
}

export const HEALTH_CLUSTERS = [
  { code: 'HORSENS', name: 'Horsensklyngen', hospital: 'Regionshospitalet Horsens', municipalities: [615, 727, 746, 766] },
  { code: 'MIDT', name: 'Midtklyngen', hospital: 'Hospitalsenhed Midt (Viborg)', municipalities: [740, 779, 791] },
  { code: 'RANDERS', name: 'Randersklyngen', hospital: 'Regionshospitalet Randers', municipalities: [706, 707, 710, 730] },
  {
    code: 'VEST',
    name: 'Vestklyngen (Gødstrupklyngen)',
    hospital: 'Hospitalsenheden Vest, Regionshospitalet Gødstrup',
    municipalities: [657, 661, 665, 671, 756, 760],
  },
  { code: 'AARHUS', name: 'Aarhusklyngen', hospital: 'Aarhus Universitetshospital', municipalities: [741, 751] },
] as const satisfies readonly HealthCluster[];


/** Where the composition above was read, for the report and the README. */
export const HEALTH_CLUSTERS_SOURCE = {
  publisher: 'Region Midtjylland',
  pages: [
    'www.rm.dk/politik/udvalg/sundhedsklynger/ (the political clusters and their members, meeting plans from November-December 2022)',
    'www.sundhedsaftalen.rm.dk/modefora/administrative-udvalg/klynger/somatikklyngerne/ (the clusters of the Sundhedsaftale)',
  ],
  readOn: '2026-12-01',
} as const;

const CLUSTER_BY_MUNICIPALITY: ReadonlyMap<number, (typeof HEALTH_CLUSTERS)[number]> = new Map(
  HEALTH_CLUSTERS.flatMap((cluster) => cluster.municipalities.map((code) => [code, cluster] as const)),
);

/** The cluster of one of the 19 municipalities. */
export function clusterOfMunicipality(code: MunicipalityCode): (typeof HEALTH_CLUSTERS)[number] {
  const cluster = CLUSTER_BY_MUNICIPALITY.get(code);
  // Unreachable while the clusters cover every municipality, which clusters.test.ts proves.
  if (!cluster) throw new Error(`municipality ${code} belongs to no health cluster`);
  return cluster;
}

/** The municipalities with their names, in the order of the cluster (for tables that show a cluster's members). */
export function municipalitiesOfCluster(code: ClusterCode): { code: MunicipalityCode; name: string }[] {
  const cluster = HEALTH_CLUSTERS.find((c) => c.code === code);
  if (!cluster) throw new Error(`unknown cluster ${code}`);
  return cluster.municipalities.map((m) => ({ code: m, name: REGION_MIDTJYLLAND_MUNICIPALITIES.find((x) => x.code === m)!.name }));
}
