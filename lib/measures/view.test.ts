import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import type { Translate } from '@/lib/complaints/file';
import { beheerMessages } from '@/lib/i18n/beheer';
import { measureHistoryRow } from './view';

const t = createTranslator({ locale: 'nl', messages: { beheer: beheerMessages }, namespace: 'beheer' }) as unknown as Translate;
const categories = new Map([[3, 'Bejegening door adviseur']]);
const entry = (action: string, details: Record<string, unknown> | null, reason: string | null = null) => ({
  id: 1,
  at: new Date('2026-03-12T13:05:00Z'),
  action,
  reason,
  details,
  actorUserId: 7,
  actorName: 'Marloes van den Berg',
});

describe('measure history rows', () => {
  it.each([
    [
      'created: the values it started with',
      entry('created', { description: { from: null, to: 'Sms bij elke afspraak' }, dueOn: { from: null, to: '2026-07-01' }, categoryId: { from: null, to: 3 }, status: { from: null, to: 'planned' } }),
      {
        action: 'Maatregel vastgelegd',
        statusChange: null,
        details: [
          { label: 'Wat', value: 'Sms bij elke afspraak', multiline: true },
          { label: 'Klaar uiterlijk', value: '1 juli 2026', multiline: false },
          { label: 'Categorie', value: 'Bejegening door adviseur', multiline: false },
          { label: 'Status', value: 'Gepland', multiline: false },
        ],
      },
    ],
    [
      'updated: before → after, empty values named',
      entry('updated', { owner: { from: 'Teamleider Oss', to: 'HR' }, dueOn: { from: '2026-07-01', to: null }, reason: { from: null, to: 'Afspraken gemist' } }),
      {
        action: 'Gegevens gewijzigd',
        details: [
          { label: 'Waarom', value: 'Was: (leeg)\nNu: Afspraken gemist', multiline: true },
          { label: 'Eigenaar', value: 'Teamleider Oss → HR', multiline: false },
          { label: 'Klaar uiterlijk', value: '1 juli 2026 → (leeg)', multiline: false },
        ],
      },
    ],
    [
      'status changed to done: the status line, and the day',
      entry('status_changed', { status: { from: 'in_progress', to: 'done' }, doneOn: { from: null, to: '2026-03-10' } }),
      { action: 'Status gewijzigd', statusChange: 'Status: Bezig → Klaar', details: [{ label: 'Gedaan op', value: '10 maart 2026', multiline: false }] },
    ],
    [
      'dropped: the reason is the row\'s reason, not repeated',
      entry('status_changed', { status: { from: 'planned', to: 'dropped' }, droppedReason: { from: null, to: 'Geen budget' } }, 'Geen budget'),
      { statusChange: 'Status: Gepland → Vervallen', reason: 'Geen budget', details: [] },
    ],
    [
      'linked: the complaint reference',
      entry('linked', { complaintId: 12, reference: 'KL-2026-0042' }),
      { action: 'Klacht gekoppeld', details: [{ label: 'Klacht', value: 'KL-2026-0042' }] },
    ],
  ])('%s', (_name, input, expected) => {
    expect(measureHistoryRow(t, input, categories)).toMatchObject({ who: 'Marloes van den Berg', at: '12 maart 2026 om 14:05', ...expected });
  });

  it('a "created" row with plain values (as the demo seed writes them)', () => {
    const row = measureHistoryRow(t, entry('created', { description: 'Teamoverleg', owner: 'HR', dueOn: '2026-07-01', categoryId: 3, status: 'planned' }), categories);
    expect(row.details.map((d) => [d.label, d.value])).toEqual([
      ['Wat', 'Teamoverleg'],
      ['Eigenaar', 'HR'],
      ['Klaar uiterlijk', '1 juli 2026'],
      ['Categorie', 'Bejegening door adviseur'],
      ['Status', 'Gepland'],
    ]);
  });

  it('a row written by the system (no user) and an unknown category', () => {
    const row = measureHistoryRow(t, { ...entry('updated', { categoryId: { from: 99, to: 3 } }), actorUserId: null, actorName: null }, categories);
    expect(row.who).toBe('Het systeem');
    expect(row.details).toEqual([{ label: 'Categorie', value: 'Onbekende categorie → Bejegening door adviseur', multiline: false }]);
  });
});
