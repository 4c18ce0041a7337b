import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { AnnualMeasure } from '@/lib/reports/annual';
import type { Period } from '@/lib/reports/types';
import type { Db, Tx } from './client';
import { categories, complaints, measures } from './schema';

type Executor = Db | Tx;

/**
 * The measures of an annual register: those done in the period, and those still planned or in progress that were
 * recorded by its end. Only what the register may publish: description, category, status and dates (no owner, no
 * reason, no linked complaints). Done first by the day they were done, then the others by due date.
 */
export async function annualMeasures(db: Executor, period: Period): Promise<AnnualMeasure[]> {
  const createdDay = sql`(${measures.createdAt} at time zone 'Europe/Amsterdam')::date`;
  const rows = await db
    .select({
      description: measures.description,
      categoryName: categories.nameNl,
      status: measures.status,
      doneOn: measures.doneOn,
      dueOn: measures.dueOn,
    })
    .from(measures)
    .leftJoin(categories, eq(categories.id, measures.categoryId))
    .where(
      sql`(${and(eq(measures.status, 'done'), sql`${measures.doneOn} between ${period.from} and ${period.to}`)})
        or (${and(inArray(measures.status, ['planned', 'in_progress']), lte(createdDay, period.to))})`,
    )
    .orderBy(
      sql`case when ${measures.status} = 'done' then 0 else 1 end`,
      sql`coalesce(${measures.doneOn}, ${measures.dueOn}) asc nulls last`,
      asc(measures.id),
    );
  return rows;
}

/** The year of the first complaint received, or null when there is none. */
export async function firstComplaintYear(db: Executor): Promise<number | null> {
  const [row] = await db.select({ year: sql<number | null>`extract(year from min(${complaints.receivedOn}))::int` }).from(complaints);
  return row?.year ?? null;
}
