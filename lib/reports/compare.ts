/**
 * Two periods' counts side by side, for the dashboard's compare mode. Pure. The rows of the current period keep their
 * order; things counted only in the previous period follow in theirs; what a period did not count is 0 there (and
 * has nothing to open).
 */

export type Counted<D> = { key: string; label: string; count: number; drill: D | null };
export type CountCell<D> = { count: number; drill: D | null };
export type ComparedRow<D> = { key: string; label: string; current: CountCell<D>; previous: CountCell<D> | null };

export function compareCounts<D>(current: readonly Counted<D>[], previous: readonly Counted<D>[] | null): ComparedRow<D>[] {
  const cell = (row: Counted<D> | undefined): CountCell<D> => (row ? { count: row.count, drill: row.drill } : { count: 0, drill: null });
  const onlyBefore = (previous ?? []).filter((row) => !current.some((c) => c.key === row.key));
  return [...current, ...onlyBefore].map((row) => ({
    key: row.key,
    label: row.label,
    current: cell(current.find((c) => c.key === row.key)),
    previous: previous ? cell(previous.find((p) => p.key === row.key)) : null,
  }));
}

/** The change from the previous period: a count difference, and a percentage when the previous count is not 0. */
export function change(current: number, previous: number): { difference: number; ratio: number | null } {
  return { difference: current - previous, ratio: previous === 0 ? null : (current - previous) / previous };
}
