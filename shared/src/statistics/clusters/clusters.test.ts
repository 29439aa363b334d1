import { describe, expect, it } from 'vitest';
import { REGION_MIDTJYLLAND_MUNICIPALITIES } from '../../domain/municipalities.ts';
import { clusterOfMunicipality, HEALTH_CLUSTERS, municipalitiesOfCluster } from './clusters.ts';

describe('health clusters', () => {
  it('put every one of the 19 municipalities in exactly one cluster', () => {
    const memberships = HEALTH_CLUSTERS.flatMap((c) => c.municipalities);
    expect(memberships).toHaveLength(19);
    expect(new Set(memberships).size).toBe(19);
    expect([...memberships].sort()).toEqual(REGION_MIDTJYLLAND_MUNICIPALITIES.map((m) => m.code).sort());
    for (const { code } of REGION_MIDTJYLLAND_MUNICIPALITIES) {
      expect(HEALTH_CLUSTERS.filter((c) => (c.municipalities as readonly number[]).includes(code))).toHaveLength(1);
    }
  });

  it('are the five clusters of the sources, around their hospitals', () => {
    const byName = Object.fromEntries(
      HEALTH_CLUSTERS.map((c) => [c.code, municipalitiesOfCluster(c.code).map((m) => m.name)]),
    );
    expect(byName).toEqual({
      HORSENS: ['Horsens', 'Odder', 'Skanderborg', 'Hedensted'],
      MIDT: ['Silkeborg', 'Skive', 'Viborg'],
      RANDERS: ['Syddjurs', 'Norddjurs', 'Favrskov', 'Randers'],
      VEST: ['Herning', 'Holstebro', 'Lemvig', 'Struer', 'Ikast-Brande', 'Ringkøbing-Skjern'],
      AARHUS: ['Samsø', 'Aarhus'],
    });
  });

  it('list each cluster\'s municipality codes in ascending order and find a municipality\'s cluster', () => {
    for (const cluster of HEALTH_CLUSTERS) {
      expect([...cluster.municipalities]).toEqual([...cluster.municipalities].sort((a, b) => a - b));
      for (const code of cluster.municipalities) expect(clusterOfMunicipality(code).code).toBe(cluster.code);
    }
    expect(clusterOfMunicipality(741).name).toBe('Aarhusklyngen');
  });
});
