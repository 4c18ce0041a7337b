import { describe, expect, it } from 'vitest';
import { activityOf, tallyWaits, waitsLine } from './waits';

describe('activityOf', () => {
  it.each([
    [{ state: 'idle', wait_event_type: 'Client', wait_event: 'ClientRead' }, 'idle (no work from the app)'],
    [{ state: null, wait_event_type: null, wait_event: null }, null],
    [{ state: 'idle in transaction', wait_event_type: 'Client', wait_event: 'ClientRead' }, 'idle in transaction (waiting for the app)'],
    [{ state: 'active', wait_event_type: 'Lock', wait_event: 'transactionid' }, 'Lock/transactionid'],
    [{ state: 'active', wait_event_type: 'IO', wait_event: 'WALSync' }, 'IO/WALSync'],
    [{ state: 'active', wait_event_type: null, wait_event: null }, 'running (CPU)'],
  ])('%o → %s', (row, expected) => expect(activityOf(row)).toBe(expected));
});

describe('tallyWaits', () => {
  it('counts every sample of a backend with a state, largest first, with its share', () => {
    const lock = { state: 'active', wait_event_type: 'Lock', wait_event: 'transactionid' };
    const cpu = { state: 'active', wait_event_type: null, wait_event: null };
    const idle = { state: 'idle', wait_event_type: 'Client', wait_event: 'ClientRead' };
    const shares = tallyWaits([lock, lock, lock, cpu, idle, { state: null, wait_event_type: null, wait_event: null }]);
    expect(shares).toEqual([
      { what: 'Lock/transactionid', samples: 3, share: 0.6 },
      { what: 'idle (no work from the app)', samples: 1, share: 0.2 },
      { what: 'running (CPU)', samples: 1, share: 0.2 },
    ]);
    expect(waitsLine(shares)).toBe('Lock/transactionid 60.0 %, idle (no work from the app) 20.0 %, running (CPU) 20.0 %');
  });

  it('gives nothing without samples', () => {
    expect(tallyWaits([])).toEqual([]);
  });
});
