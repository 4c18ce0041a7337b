import type { IsoDate } from '@/lib/procedure/dates';
import type { Period, ReportData } from '@/lib/reports/types';
import type { Db, Tx } from './client';

/**
 * The management report for one period (see lib/reports/types.ts for what each figure counts).
 * CONTRACT STUB: the reports data layer replaces this body; the signature stays.
 */
export async function loadReport(db: Db | Tx, period: Period, today: IsoDate): Promise<ReportData> {
  void db;
  void today;
  throw new Error(`loadReport(${period.from}…${period.to}) is not built yet`);
}
