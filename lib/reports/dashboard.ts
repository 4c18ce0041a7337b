import { getDb } from '@/db/client';
import { loadReport } from '@/db/reports';
import type { IsoDate } from '@/lib/procedure/dates';
import { type PeriodChoice, previousPeriod } from './period';
import type { ReportData } from './types';

export type DashboardData = { current: ReportData; previous: ReportData | null };

/** The dashboard's figures (server only): the chosen period and, to compare, the previous one, loaded side by side. */
export async function loadDashboard(choice: Pick<PeriodChoice, 'period' | 'compare'>, today: IsoDate): Promise<DashboardData> {
  const db = await getDb();
  const [current, previous] = await Promise.all([
    loadReport(db, choice.period, today),
    choice.compare ? loadReport(db, previousPeriod(choice.period), today) : Promise.resolve(null),
  ]);
  return { current, previous };
}
