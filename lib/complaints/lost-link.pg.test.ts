import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '@/lib/server/tokens';
import { setUpStepsWorld, type StepsWorld } from './steps/testing';

/**
 * The lost-link form through the real action on PostgreSQL: a match mails a new link (the acknowledgement's link
 * format) and the old link stops working, recorded in the history but not on the client's timeline; no match writes
 * nothing; both answer the same, in comparable time.
 */

let w: StepsWorld;
let lostLink: typeof import('./lost-link');
let pub: typeof import('./public');

beforeAll(async () => {
  w = await setUpStepsWorld();
  lostLink = await import('./lost-link');
  pub = await import('./public');
});
afterAll(async () => {
  await w?.close();
});

let sequence = 0;
async function withLink(overrides: Parameters<StepsWorld['complaint']>[0] = {}) {
  const token = randomBytes(32).toString('base64url');
  // A reference as the form expects it (the fixture's own is not one).
  const reference = `KL-2026-${String(9000 + ++sequence)}`;
  const c = await w.complaint({ status: 'in_progress', statusTokenHash: hashToken(token), locale: 'en', reference, ...overrides });
  return { c, token };
}

const SAME = { ok: true, data: { requested: true } };

describe('a lost status link', () => {
  it('a match: a new link by mail, the old link no longer works, history (internal) and outbox in one go', async () => {
    const { c, token } = await withLink({ complainantEmail: 'Henk.de.Jong@Example.nl' });
    expect(await pub.clientStatusByToken(token)).not.toBeNull();
    // Typed differently: lower case reference with spaces, e-mail in another case.
    const result = await lostLink.requestStatusLink({ reference: ` ${c.reference.toLowerCase()} `, email: 'henk.de.jong@example.NL', locale: 'nl' }, 0);
    expect(result).toEqual(SAME);

    const after = await w.snapshot(c.id);
    expect(after.history).toHaveLength(1);
    expect(after.history[0]).toMatchObject({ action: 'status_link_renewed', actorLabel: 'client', actorUserId: null, fromStatus: null, toStatus: null });
    expect(after.outbox).toHaveLength(1);
    const mail = after.outbox[0]!;
    // The client's own language and address on file.
    expect(mail).toMatchObject({ kind: 'status_link', medium: 'email', recipient: 'Henk.de.Jong@Example.nl', subject: `Your new link for complaint ${c.reference}` });
    const link = /Follow your complaint: (\S+)/.exec(mail.bodyText)?.[1];
    expect(link).toMatch(/^https?:\/\/[^/]+\/en\/status\/[A-Za-z0-9_-]{43}$/);
    const newToken = link!.split('/').at(-1)!;
    expect(after.complaint.statusTokenHash).toBe(hashToken(newToken));
    expect(after.complaint.version).toBe(c.version);

    expect(await pub.clientStatusByToken(token)).toBeNull();
    const page = await pub.clientStatusByToken(newToken);
    expect(page?.reference).toBe(c.reference);
    // Internal: not on the client's timeline.
    expect(page!.view.timeline.map((e) => e.kind)).not.toContain('status_link_renewed');
  });

  it('no match (wrong address, wrong reference, postal client): the same answer, nothing written', async () => {
    const { c, token } = await withLink();
    const postal = await withLink({ complainantEmail: null, addressStreet: 'Kerkstraat 1', addressPostcode: '5341 AB', addressCity: 'Oss' });
    const before = [await w.snapshot(c.id), await w.snapshot(postal.c.id)];
    for (const input of [
      { reference: c.reference, email: 'iemand@anders.nl' },
      { reference: 'KL-2099-9999', email: 'henk@example.nl' },
      { reference: postal.c.reference, email: 'henk@example.nl' },
    ]) {
      expect(await lostLink.requestStatusLink({ ...input, locale: 'nl' }, 0)).toEqual(SAME);
    }
    expect([await w.snapshot(c.id), await w.snapshot(postal.c.id)]).toEqual(before);
    expect(await pub.clientStatusByToken(token)).not.toBeNull();
  });

  it('answers a match and a miss no sooner than the floor, so the time does not tell them apart', async () => {
    const { c } = await withLink();
    const timed = async (email: string) => {
      const started = performance.now();
      await lostLink.requestStatusLink({ reference: c.reference, email, locale: 'nl' }, 300);
      return performance.now() - started;
    };
    const miss = await timed('iemand@anders.nl');
    const hit = await timed('henk@example.nl');
    expect(miss).toBeGreaterThanOrEqual(299);
    expect(hit).toBeGreaterThanOrEqual(299);
    expect(Math.abs(hit - miss)).toBeLessThan(150);
    expect(lostLink.LOST_LINK_MIN_MS).toBeGreaterThanOrEqual(300);
  });

  it('refuses malformed input with a message per field, before looking anything up', async () => {
    const table: [Record<string, unknown>, Record<string, string[]>][] = [
      [{ reference: '', email: '' }, { reference: ['required'], email: ['required'] }],
      [{ reference: 'KL-2026', email: 'henk' }, { reference: ['referenceInvalid'], email: ['email'] }],
      [{ reference: 'K'.repeat(5000), email: `${'a'.repeat(300)}@example.nl` }, { reference: ['referenceInvalid'], email: ['tooLong'] }],
      [{ reference: "KL-2026-0001' or 1=1 --", email: 'henk@example.nl' }, { reference: ['referenceInvalid'] }],
    ];
    for (const [input, fieldErrors] of table) {
      expect(await lostLink.requestStatusLink({ ...input, locale: 'nl' }, 0)).toEqual({ ok: false, error: 'invalid', fieldErrors });
    }
    expect(await lostLink.requestStatusLink(null, 0)).toMatchObject({ ok: false, error: 'invalid' });
  });
});
