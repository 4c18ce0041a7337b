import { describe, expect, it } from 'vitest';
import { parseInboxParams, toSearchParams } from '@/lib/inbox/params';
import { drillDownHref } from './drilldown';
import type { DrillDown } from './types';

const year = { from: '2026-01-01', to: '2026-12-31' };
const R = 'status=all&received_from=2026-01-01&received_to=2026-12-31';

describe('drillDownHref', () => {
  it.each<[DrillDown, string]>([
    [{ kind: 'received' }, `/beheer?${R}`],
    [{ kind: 'channel', channel: 'phone' }, `/beheer?status=all&channel=phone&received_from=2026-01-01&received_to=2026-12-31`],
    [{ kind: 'bucket', start: '2026-03-30', end: '2026-04-05' }, '/beheer?status=all&received_from=2026-03-30&received_to=2026-04-05'],
    [
      { kind: 'bucket', start: '2026-03-01', end: '2026-03-31', channel: 'post' },
      '/beheer?status=all&channel=post&received_from=2026-03-01&received_to=2026-03-31',
    ],
    [{ kind: 'category', code: 'privacy' }, `/beheer?status=all&category=privacy&received_from=2026-01-01&received_to=2026-12-31`],
    [{ kind: 'team', team: 'Team Oss' }, `/beheer?${R}&team=Team+Oss`],
    [{ kind: 'team', team: null }, `/beheer?${R}&team=none`],
    [{ kind: 'partyType', type: 'unknown' }, `/beheer?${R}&party_type=unknown`],
    [{ kind: 'party', id: 7 }, `/beheer?status=all&party=7&received_from=2026-01-01&received_to=2026-12-31`],
    [{ kind: 'outcome', outcome: 'partly_upheld' }, `/beheer?${R}&outcome=partly_upheld`],
    [{ kind: 'outcome', outcome: 'open' }, `/beheer?${R}&outcome=open`],
    [{ kind: 'ground', ground: 'handled_before' }, `/beheer?${R}&outcome=not_admissible&ground=handled_before`],
    [{ kind: 'escalated' }, `/beheer?${R}&escalation=escalated`],
    [{ kind: 'partyResponded' }, `/beheer?${R}&escalation=responded`],
    [{ kind: 'late', clock: 'resolution' }, '/beheer?status=all&clock=resolution&timely=late&due_from=2026-01-01&due_to=2026-12-31'],
    [{ kind: 'late', clock: 'acknowledgement', pending: true }, '/beheer?status=all&clock=acknowledgement&timely=pending&due_from=2026-01-01&due_to=2026-12-31'],
    [{ kind: 'overdueNow', clock: 'notAdmissibleNotice' }, '/beheer?status=all&overdue=notAdmissibleNotice'],
  ])('%o → %s', (selection, href) => {
    expect(drillDownHref(year, selection)).toBe(href);
  });

  it('gives the clean form of its view, so the inbox shows it without a redirect', () => {
    const href = drillDownHref(year, { kind: 'party', id: 7 });
    const query = href.split('?')[1]!;
    const params = parseInboxParams(new URLSearchParams(query), { categories: [], handlers: [], parties: [7] });
    expect(toSearchParams(params).toString()).toBe(query);
  });
});
