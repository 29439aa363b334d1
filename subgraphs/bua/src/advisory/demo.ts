import type { MunicipalityCode } from '@pathway-graph/shared';
import { findSeriesByIds, insertContactPersonsIfNone, insertSeriesIfMissing } from '../db/advisory.ts';
import type { BuaDb } from '../db/repository.ts';
import { addDays, copenhagenDate } from './local-time.ts';
import { toSeries } from './model.ts';
import { syncSeriesHorizon } from './planning.ts';
import { validateSlotSeries, type SlotSeries } from './slots.ts';

/**
 * The advisory service's synthetic demo data (agreement 6.3), so `npm start` shows it working: the demo adviser is
 * the fixed contact person of the two municipalities with demo staff, each has a weekly meeting time, and a monthly
 * teaching session is open to both. The slots are generated for the next 90 days on every start (generating is
 * idempotent); nothing that is there already is changed, and nothing is booked.
 */

const DEMO_ADVISER = { id: 'demo:bua-adviser', name: 'Demo BUA Adviser' } as const;
const MEETING_URL = 'https://meet.example.org/bua-advisory-demo-synthetic';
const HORIZON_DAYS = 90;

/** Fixed ids: a restart finds the same series. */
const DEMO_SERIES = [
  { id: '0193a5c0-0000-7000-8000-000000000751', kind: 'CONSULTATION', municipalityCodes: [751], recurrence: { frequency: 'WEEKLY', weekday: 'THURSDAY' }, startTime: '10:00' },
  { id: '0193a5c0-0000-7000-8000-000000000657', kind: 'CONSULTATION', municipalityCodes: [657], recurrence: { frequency: 'WEEKLY', weekday: 'TUESDAY' }, startTime: '13:00' },
  {
    id: '0193a5c0-0000-7000-8000-00000000a657',
    kind: 'TEACHING',
    municipalityCodes: [751, 657],
    recurrence: { frequency: 'MONTHLY', weekday: 'WEDNESDAY', nth: 1 },
    startTime: '14:00',
    capacity: 20,
  },
] as const;

export async function seedAdvisoryDemo(db: BuaDb, now: Date): Promise<number> {
  const today = copenhagenDate(now);
  const series: SlotSeries[] = DEMO_SERIES.map((s) =>
    validateSlotSeries({ ...s, adviserId: DEMO_ADVISER.id, durationMinutes: 45, startsOn: today, endsOn: null, meetingUrl: MEETING_URL, exceptions: [] }),
  );
  await insertContactPersonsIfNone(
    db,
    [751, 657].map((code, i) => ({
      id: `0193a5c0-0000-7000-8000-00000000c${String(i).padStart(3, '0')}`,
      municipalityCode: code as MunicipalityCode,
      adviserId: DEMO_ADVISER.id,
      adviserName: DEMO_ADVISER.name,
      validFrom: today,
      changedBy: 'demo-seed',
      createdAt: now,
    })),
  );
  await insertSeriesIfMissing(
    db,
    series.map(({ exceptions: _exceptions, municipalityCodes, ...rest }) => ({
      ...rest,
      municipalityCodes: [...municipalityCodes],
      createdBy: 'demo-seed',
      updatedBy: 'demo-seed',
      updatedAt: now,
    })),
  );
  // The series as stored: an adviser may have changed a demo series since, and the seed must not undo it.
  const stored = await findSeriesByIds(db, series.map((s) => s.id));
  let created = 0;
  for (const s of stored) {
    created += (await syncSeriesHorizon(db, toSeries(s.series, s.exceptions), { from: today, to: addDays(today, HORIZON_DAYS) }, now)).created;
  }
  return created;
}
