import { describe, expect, it } from 'vitest';
import { object, string } from 'zod/mini';
import type { Tx } from '@/db/client';
import { defineAction, Forbidden, RuleViolation } from '@/lib/actions/pipeline';
import type { Actor } from '@/lib/auth/actor';
import { recordAnswerSchema } from '@/lib/complaints/steps/schemas';
import { amsterdamDate } from '@/lib/procedure/dates';
import { currentDate, currentInstant } from '@/lib/procedure/now';
import { atInstant } from './chosen-now';

const past = new Date('2025-03-04T10:00:00Z');
const manager: Actor = { id: 1, name: 'M', email: 'm@test', role: 'manager', mustChangePassword: false };
const handler: Actor = { ...manager, id: 2, role: 'handler' };

describe('a chosen moment (the demo seed replays the procedure in the past)', () => {
  it('is "now" and "today" inside atInstant only, also after awaiting', async () => {
    expect(await atInstant(past, async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      return [currentInstant().toISOString(), currentDate()];
    })).toEqual([past.toISOString(), '2025-03-04']);
    expect(currentDate()).toBe(amsterdamDate(new Date()));
  });

  it('moves the schemas\' "not in the future" with it', () => {
    const input = { complaintId: 1, version: 1, answer: 'Ja', answeredOn: '2025-03-05', via: 'phone' };
    expect(atInstant(past, () => recordAnswerSchema.safeParse(input).success)).toBe(false);
    expect(atInstant(new Date('2025-03-06T10:00:00Z'), () => recordAnswerSchema.safeParse(input).success)).toBe(true);
  });
});

describe('runIn: an action for a trusted server-side caller', () => {
  const seen: { now: Date; actor: Actor | null; today: string }[] = [];
  const action = defineAction({
    name: 'probe',
    access: 'complaints.assign',
    schema: object({ text: string() }),
    async run(_tx, input, { now, actor }) {
      seen.push({ now, actor, today: currentDate() });
      return input.text.toUpperCase();
    },
  });
  const tx = {} as Tx;

  it('runs in the given transaction as the given user at the given moment', async () => {
    expect(await action.runIn(tx, { text: 'ok' }, { now: past, actor: manager })).toBe('OK');
    expect(seen.at(-1)).toEqual({ now: past, actor: manager, today: '2025-03-04' });
  });

  it('still checks the role and the input, and throws instead of answering', async () => {
    await expect(action.runIn(tx, { text: 'ok' }, { now: past, actor: handler })).rejects.toBeInstanceOf(Forbidden);
    await expect(action.runIn(tx, { text: 3 }, { now: past, actor: manager })).rejects.toBeInstanceOf(RuleViolation);
  });
});
