import { annualMeasures, firstComplaintYear } from '@/db/annual';
import { getDb } from '@/db/client';
import { loadReport } from '@/db/reports';
import { organisationOrDefault } from '@/db/settings';
import type { IsoDate } from '@/lib/procedure/dates';
import { type AnnualDocument, annualRegister, parseYear, yearPeriod, yearsOffered } from './annual';

/** Read model of the annual register (server only): the page and the PDF route both start here. */

export type AnnualView = { year: number; years: number[]; document: AnnualDocument };

export async function loadAnnualRegister(rawYear: string | string[] | undefined, today: IsoDate): Promise<AnnualView> {
  const db = await getDb();
  const thisYear = Number(today.slice(0, 4));
  const years = yearsOffered(await firstComplaintYear(db), thisYear);
  const year = parseYear(rawYear, years, thisYear);
  const period = yearPeriod(year);
  const [report, organisation, measures] = await Promise.all([loadReport(db, period, today), organisationOrDefault(db), annualMeasures(db, period)]);
  return { year, years, document: annualRegister({ year, organisation, report, measures, today }) };
}
