import { describe, expect, it } from 'vitest';
import { DEFAULT_TERMS } from '@/lib/procedure/terms';
import type { Status } from '@/lib/procedure/vocabulary';
import { deadlineOf, type InboxRecordInput, toRowView } from './view';

const base: InboxRecordInput = {
  id: 7,
  reference: 'KL-2026-0007',
  complainantName: 'Anouk de Jong',
  receivedOn: '2026-03-02', // a Monday
  status: 'received',
  channel: 'online',
  categoryName: 'Communicatie',
  handlerId: null,
  handlerName: null,
  terms: DEFAULT_TERMS,
  incidentDate: '2026-02-20',
  incidentOngoing: false,
  resolutionExtendedTo: null,
};
const record = (overrides: Partial<InboxRecordInput>) => ({ ...base, ...overrides });

describe('the deadline an inbox row shows', () => {
  // Received Monday 2 March 2026: acknowledgement due 16 March, notice 30 March, resolution 13 April (Easter Monday 6 April).
  it.each<[string, Partial<InboxRecordInput>, string, ReturnType<typeof deadlineOf>]>([
    ['new: acknowledgement, on time', {}, '2026-03-02', { clock: 'acknowledgement', due: '2026-03-16', state: 'on_time', days: 10 }],
    ['acknowledgement in 3 working days: due soon', {}, '2026-03-11', { clock: 'acknowledgement', due: '2026-03-16', state: 'due_soon', days: 3 }],
    ['acknowledgement in 4 working days: on time', {}, '2026-03-10', { clock: 'acknowledgement', due: '2026-03-16', state: 'on_time', days: 4 }],
    ['acknowledgement due over a weekend: Friday counts 1 working day', {}, '2026-03-13', { clock: 'acknowledgement', due: '2026-03-16', state: 'due_soon', days: 1 }],
    ['acknowledgement due today', {}, '2026-03-16', { clock: 'acknowledgement', due: '2026-03-16', state: 'due_soon', days: 0 }],
    ['acknowledgement one day late', {}, '2026-03-17', { clock: 'acknowledgement', due: '2026-03-16', state: 'overdue', days: 1 }],
    ['acknowledged: the resolution clock', { status: 'acknowledged' }, '2026-03-17', { clock: 'resolution', due: '2026-04-13', state: 'on_time', days: 18 }],
    ['resolution, Easter Monday not a working day', { status: 'in_progress' }, '2026-04-07', { clock: 'resolution', due: '2026-04-13', state: 'on_time', days: 4 }],
    ['resolution, 3 working days left', { status: 'in_progress' }, '2026-04-08', { clock: 'resolution', due: '2026-04-13', state: 'due_soon', days: 3 }],
    ['resolution 12 days late', { status: 'info_requested' }, '2026-04-25', { clock: 'resolution', due: '2026-04-13', state: 'overdue', days: 12 }],
    ['extended resolution', { status: 'in_progress', resolutionExtendedTo: '2026-05-11' }, '2026-04-25', { clock: 'resolution', due: '2026-05-11', state: 'on_time', days: 10 }],
    ['incident older than a year: the notice comes before the resolution', { status: 'acknowledged', incidentDate: '2025-03-01' }, '2026-03-20',
      { clock: 'notAdmissibleNotice', due: '2026-03-30', state: 'on_time', days: 6 }],
    ['incident exactly a year before: still handled', { status: 'acknowledged', incidentDate: '2025-03-02' }, '2026-03-20',
      { clock: 'resolution', due: '2026-04-13', state: 'on_time', days: 15 }],
    ['still received and too old: acknowledgement first', { incidentDate: '2024-01-01' }, '2026-03-20', { clock: 'acknowledgement', due: '2026-03-16', state: 'overdue', days: 4 }],
    ['ongoing conduct is never too old', { status: 'acknowledged', incidentDate: null, incidentOngoing: true }, '2026-03-20',
      { clock: 'resolution', due: '2026-04-13', state: 'on_time', days: 15 }],
  ])('%s', (_, overrides, today, expected) => {
    expect(deadlineOf(record(overrides), today)).toEqual(expected);
  });

  it.each<Status>(['resolved', 'escalated', 'closed_by_party', 'not_admissible', 'withdrawn'])('a %s complaint has none', (status) => {
    expect(deadlineOf(record({ status }), '2026-03-20')).toBeNull();
  });

  it('keeps what the table shows', () => {
    expect(toRowView(record({ handlerName: 'Sanne Jansen', handlerId: 3 }), '2026-03-02')).toEqual({
      id: 7,
      reference: 'KL-2026-0007',
      complainantName: 'Anouk de Jong',
      receivedOn: '2026-03-02',
      status: 'received',
      channel: 'online',
      categoryName: 'Communicatie',
      handlerName: 'Sanne Jansen',
      deadline: { clock: 'acknowledgement', due: '2026-03-16', state: 'on_time', days: 10 },
    });
  });
});
