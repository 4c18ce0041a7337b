import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpStepsWorld, type StepsWorld } from '@/lib/complaints/steps/testing';
import { loadReport, REPORT_QUERIES } from './reports';

let w: StepsWorld;

beforeAll(async () => {
  w = await setUpStepsWorld();
}, 120_000);
afterAll(async () => {
  await w?.close();
});

describe('loadReport (smoke)', () => {
  it('answers an empty period with every key present and zeros', async () => {
    const report = await loadReport(w.db, { from: '2020-01-01', to: '2020-12-31' }, '2026-06-01');
    expect(report.volume.granularity).toBe('month');
    expect(report.volume.buckets).toHaveLength(12);
    expect(report.volume.received).toBe(0);
    expect(report.outcomes.byOutcome).toEqual({ upheld: 0, partly_upheld: 0, not_upheld: 0, resolved_to_satisfaction: 0, not_admissible: 0, withdrawn: 0, open: 0 });
    expect(report.timeliness.daysToOutcome).toEqual({ count: 0, median: null, p90: null });
    expect(report.nature.byCategory.length).toBeGreaterThan(0);
    expect(Object.keys(REPORT_QUERIES)).toContain('timeliness');
  });

  it('runs inside a transaction too', async () => {
    const c = await w.complaint({ receivedOn: '2020-03-04' });
    const report = await w.db.transaction((tx) => loadReport(tx, { from: '2020-03-01', to: '2020-03-31' }, '2020-03-10'));
    expect(report.volume.granularity).toBe('week');
    expect(report.volume.received).toBe(1);
    expect(report.volume.buckets[0]).toMatchObject({ start: '2020-03-01', total: 0 });
    expect(report.volume.buckets[1]).toMatchObject({ start: '2020-03-02', total: 1, byChannel: { post: 1 } });
    expect(report.outcomes.byOutcome.open).toBe(1);
    expect(report.timeliness.acknowledgement).toEqual({ judged: 0, onTime: 0, late: 0, pending: 1 });
    void c;
  });
});
