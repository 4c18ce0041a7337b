import { describe, expect, it } from 'vitest';
import { actionResult, judge, referenceProblems } from './checks';

const flight = (result: unknown) => `0:{"a":"$@1","f":"","b":"build"}\n1:${JSON.stringify(result)}\n`;
const answer = (body: string, status = 200, contentType = 'text/x-component') => ({ status, contentType, body });

describe('reading a server action answer', () => {
  it('finds the result row the head row points at', () => {
    expect(actionResult(flight({ ok: true, data: { reference: 'KL-2026-0001' } }))).toEqual({ ok: true, data: { reference: 'KL-2026-0001' } });
    expect(actionResult('not a flight stream')).toBeUndefined();
    expect(actionResult('0:{"a":"$@2"}\n1:{}\n')).toBeUndefined();
  });
});

describe('judging an answer as the user sees it (a server action\'s stream, or the complaint route\'s JSON)', () => {
  it.each([
    ['a confirmation', answer(flight({ ok: true, data: { reference: 'KL-2026-0007' } })), 'confirmed'],
    ['unavailable: "probeer het over een paar minuten opnieuw"', answer(flight({ ok: false, error: 'unavailable', fieldErrors: {} })), 'refused'],
    ['limited: "probeer het over N minuten opnieuw"', answer(flight({ ok: false, error: 'limited', fieldErrors: {}, retryAfterMinutes: 3 })), 'refused'],
    ['forbidden (a signed-in user told they may not)', answer(flight({ ok: false, error: 'forbidden', fieldErrors: {} })), 'broken'],
    ['a 500', answer('Internal Server Error', 500, 'text/html'), 'broken'],
    ['an HTML page instead of an action answer', answer('<html></html>', 200, 'text/html'), 'broken'],
    ['an empty answer', answer(''), 'broken'],
    ['no answer at all', { networkError: 'fetch failed (ECONNRESET)' }, 'broken'],
  ] as const)('%s', (_name, given, kind) => {
    expect(judge(given).kind).toBe(kind);
  });

  const json = (result: unknown, status = 200) => answer(JSON.stringify(result), status, 'application/json');
  it.each([
    ['a confirmation', json({ ok: true, data: { reference: 'KL-2026-0007' } }), 'confirmed'],
    ['503 unavailable', json({ ok: false, error: 'unavailable', fieldErrors: {} }, 503), 'refused'],
    ['429 limited', json({ ok: false, error: 'limited', fieldErrors: {}, retryAfterMinutes: 3 }, 429), 'refused'],
    ['422 invalid (the test sent a valid complaint)', json({ ok: false, error: 'invalid', fieldErrors: { name: ['required'] } }, 422), 'broken'],
    ['a 500 in JSON', json({ error: 'internal' }, 500), 'broken'],
    ['unreadable JSON', answer('{"ok":', 200, 'application/json'), 'broken'],
  ] as const)('the complaint route: %s', (_name, given, kind) => {
    expect(judge(given).kind).toBe(kind);
  });

  it('accepts an extra refusal only where the caller expects it (a step sent twice: conflict)', () => {
    const conflict = answer(flight({ ok: false, error: 'conflict', fieldErrors: {} }));
    expect(judge(conflict).kind).toBe('broken');
    expect(judge(conflict, ['conflict']).kind).toBe('refused');
  });
});

describe('reference numbers per year', () => {
  const counters = (entries: [number, number][]) => new Map(entries);
  it('no problems when every number of the year is used once and the counter is at the highest', () => {
    expect(referenceProblems(['KL-2026-0002', 'KL-2026-0001', 'KL-2025-0001'], counters([[2026, 2], [2025, 1]]))).toEqual([]);
  });
  it('finds a number used twice, a gap and a counter out of step', () => {
    expect(referenceProblems(['KL-2026-0001', 'KL-2026-0001', 'KL-2026-0003'], counters([[2026, 4]]))).toEqual([
      '2026: number 1 used twice',
      '2026: numbers skipped: 2',
      '2026: counter at 4, highest reference 3',
    ]);
  });
  it('finds a counter for a year without references and a malformed reference', () => {
    expect(referenceProblems(['X-1'], counters([[2024, 1]]))).toEqual(['malformed reference X-1', '2024: counter at 1 without references']);
  });
});
