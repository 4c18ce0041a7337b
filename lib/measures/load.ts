import { getDb } from '@/db/client';
import { categoryNames, countOverdueMeasures, findMeasure, listMeasures, measureComplaints, measureFilterOptions, measureHistoryOf } from '@/db/measures';
import type { IsoDate } from '@/lib/procedure/dates';
import type { MeasureChoices, MeasureParams } from './params';

/** Read models for the measures register's pages (server only). */

export async function loadMeasureFilterOptions() {
  return measureFilterOptions(await getDb());
}

export function measureChoicesFrom(options: Awaited<ReturnType<typeof loadMeasureFilterOptions>>): MeasureChoices {
  return { categories: options.categories.map((c) => c.id), owners: options.owners };
}

export async function loadMeasures(params: MeasureParams, today: IsoDate) {
  return listMeasures(await getDb(), params, today);
}

export async function loadOverdueMeasureCount(today: IsoDate) {
  return countOverdueMeasures(await getDb(), today);
}

/** One measure with its complaints, its history and the category names the history refers to; null when it does not exist. */
export async function loadMeasure(id: number) {
  const db = await getDb();
  const measure = await findMeasure(db, id);
  if (!measure) return null;
  const [complaints, history, categories, options] = await Promise.all([
    measureComplaints(db, id),
    measureHistoryOf(db, id),
    categoryNames(db),
    measureFilterOptions(db),
  ]);
  return { measure, complaints, history, categories, categoryOptions: options.categories };
}

/** A measure id from the URL: a plain positive whole number, else null. */
export function parseMeasureId(raw: string): number | null {
  return /^[1-9]\d{0,8}$/.test(raw) ? Number(raw) : null;
}
