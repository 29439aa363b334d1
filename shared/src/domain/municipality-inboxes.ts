import { glnFromPrefix } from './gln.ts';
import { REGION_MIDTJYLLAND_MUNICIPALITIES } from './municipalities.ts';

/** Where a municipality receives correspondence letters from general practice (agreement sections 6.2 and 7). */
export interface MunicipalityInbox {
  code: number;
  name: string;
  inboxName: string;
  inboxLocationNumber: string;
  receivingDepartment: 'CHILDREN_AND_YOUTH' | 'HEALTH_AND_ELDERLY';
}

/**
 * Municipalities that route letters from general practice to their health and elderly area (agreement section 7).
 * Illustrative defaults; each municipality's own setting replaces them in its deployment.
 */
const routedToHealthAndElderly = new Set([665, 741]);

/**
 * The 19 municipalities with their inboxes: the municipality subgraph's reference data, and general practice's routing
 * table for addressing letters. Codes and names are official; the location numbers are placeholders
 * with valid GS1 check digits (prefix 5790009), to be replaced by each municipality's registered EAN from SOR.
 */
export const MUNICIPALITY_INBOXES: readonly MunicipalityInbox[] = REGION_MIDTJYLLAND_MUNICIPALITIES.map(({ code, name }) => {
  const healthAndElderly = routedToHealthAndElderly.has(code);
  return {
    code,
    name,
    inboxName: healthAndElderly
      ? `${name} Kommune – Sundhed og Ældre: børn og unge i mistrivsel`
      : `${name} Kommune – Børn og Unge: korrespondance fra almen praksis`,
    inboxLocationNumber: glnFromPrefix(`57900090${String(code).padStart(3, '0')}0`),
    receivingDepartment: healthAndElderly ? 'HEALTH_AND_ELDERLY' : 'CHILDREN_AND_YOUTH',
  };
});
