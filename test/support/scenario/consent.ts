/**
 * Giving consent, as the sector holding the record writes it down: a custody holder or the young person agrees that
 * the sector may disclose its data about the child to another sector (and organisation) for stated purposes. Only
 * the organisation holding the child's record records it; the helper picks that sector's mutation.
 */
import { SUBGRAPHS, subgraphOwning, type Sector } from '@pathway-graph/shared';
import type { GraphQLResponse } from '../system.ts';
import type { Person } from './people.ts';

export interface ConsentGiven {
  /** The child's pseudonym (`Child.id`). */
  childId: string;
  /** Who agreed: the young person from 15, a custody holder below. */
  givenBy: 'YOUNG_PERSON' | 'CUSTODY_HOLDER';
  givenOn: string;
  /** To whom the data may be disclosed: a sector, and optionally one organisation of it. */
  to: Sector;
  organisation?: string;
  purposes?: readonly string[];
  validFrom?: string;
  validUntil?: string;
}

export interface RecordedConsent {
  id: string;
  active: boolean;
  recipientSector: string;
  recipientOrganisation: string | null;
  withdrawnAt: string | null;
}

/** `general-practice` -> `GeneralPractice`: the sector's part of its consent mutations' names. */
function mutationStem(person: Person): string {
  const subgraph = subgraphOwning(person.principal.sector);
  if (!subgraph) throw new Error(`${person.user} works in ${person.principal.sector}, which keeps no records to consent to`);
  return SUBGRAPHS[subgraph].folder
    .replace(/^subgraphs\//, '')
    .split('-')
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
}

const FIELDS = 'id active recipientSector recipientOrganisation withdrawnAt';

/** What a person of the record-holding sector can do with consents. */
export function consenting(person: Person) {
  const stem = mutationStem(person);
  return {
    /** Writes down a consent the family (or young person) gave; the answer as the graph gives it. */
    recordConsent(consent: ConsentGiven): Promise<GraphQLResponse<Record<string, RecordedConsent>>> {
      const input = {
        childId: consent.childId,
        givenBy: consent.givenBy,
        givenOn: consent.givenOn,
        recipientSector: consent.to,
        ...(consent.organisation === undefined ? {} : { recipientOrganisation: consent.organisation }),
        purposes: consent.purposes ?? ['CARE_COORDINATION'],
        validFrom: consent.validFrom ?? consent.givenOn,
        ...(consent.validUntil === undefined ? {} : { validUntil: consent.validUntil }),
      };
      return person.ask(`mutation RecordConsent($input: RecordConsentInput!) { record${stem}Consent(input: $input) { ${FIELDS} } }`, { input });
    },
    /** The same, expecting it to be recorded: the consent. */
    async recordsConsent(consent: ConsentGiven): Promise<RecordedConsent> {
      const res = await this.recordConsent(consent);
      if (res.errors) throw new Error(`${person.user} could not record the consent: ${res.errors.map((e) => e.message).join('; ')}`);
      return res.data![`record${stem}Consent`]!;
    },
    /** Withdraws a consent with immediate effect. */
    withdrawConsent(id: string): Promise<GraphQLResponse<Record<string, RecordedConsent>>> {
      return person.ask(`mutation WithdrawConsent($id: ID!) { withdraw${stem}Consent(id: $id) { ${FIELDS} } }`, { id });
    },
  };
}
