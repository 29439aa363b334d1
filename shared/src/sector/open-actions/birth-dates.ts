import { CONSENT_LAPSE_NOTICE_MONTHS } from '../../domain/open-actions/open-actions.ts';
import { addMonths, latestBirthDateTurning18By } from '../../domain/coordination/transition-plan.ts';

/**
 * The birth dates of the children whose custody-holder consents lapse within the notice period from `today`
 * (consentLapsesAt18's window: 18th birthday after today, on or before today + CONSENT_LAPSE_NOTICE_MONTHS), as a
 * range a database can select.
 */
export function birthDatesOfLapsingConsents(today: string): { after: string; onOrBefore: string } {
  return { after: latestBirthDateTurning18By(today), onOrBefore: latestBirthDateTurning18By(addMonths(today, CONSENT_LAPSE_NOTICE_MONTHS)) };
}
