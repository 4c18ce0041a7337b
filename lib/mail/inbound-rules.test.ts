import { describe, expect, it } from 'vitest';
import {
  bareAddress,
  htmlToText,
  keptFile,
  listedName,
  mailText,
  nextDeliveryStatus,
  parseWebhookEvent,
  referenceOf,
  registrationPrefill,
  senderOf,
  triageAttachments,
  type DeliveryStatus,
} from './inbound-rules';

const NOW = new Date('2026-12-01T10:00:00.000Z');

describe('referenceOf', () => {
  it.each([
    ['Re: Wij hebben uw klacht KL-2026-0042 ontvangen', ['klachten@example.org'], 'KL-2026-0042'],
    ['RE: kl-2026-0042', ['klachten@example.org'], 'KL-2026-0042'],
    ['Antw: [KL-2026-12345] uw vraag', [], 'KL-2026-12345'],
    ['Vraag over KL-2026-004', ['klachten@example.org'], null],
    ['XKL-2026-0042', [], null],
    ['Klacht', ['klachten+KL-2026-0042@example.org'], 'KL-2026-0042'],
    ['Klacht', ['Klachten <klachten+kl-2026-0042@example.org>'], 'KL-2026-0042'],
    // The plus-address is ours and wins over a reference the sender typed.
    ['Over KL-2026-0001', ['klachten+KL-2026-0042@example.org'], 'KL-2026-0042'],
    ['Klacht', ['klachten+iets@example.org'], null],
    ['Klacht over mijn adviseur', ['klachten@example.org'], null],
  ])('%s to %j → %s', (subject, to, expected) => {
    expect(referenceOf({ subject, to })).toBe(expected);
  });
});

describe('parseWebhookEvent', () => {
  const data = { email_id: 're_123', created_at: '2026-12-01T09:00:00.000Z' };
  it.each([
    [{ type: 'email.delivered', created_at: '2026-12-01T09:01:00.000Z', data }, { kind: 'delivery', status: 'delivered', providerId: 're_123', at: new Date('2026-12-01T09:01:00.000Z'), detail: null }],
    [{ type: 'email.delivery_delayed', data }, { kind: 'delivery', status: 'delivery_delayed', at: NOW }],
    [{ type: 'email.complained', created_at: 'nonsense', data }, { kind: 'delivery', status: 'complained', at: NOW }],
    [
      { type: 'email.bounced', data: { ...data, bounce: { type: 'Permanent', subType: 'Suppressed', message: 'on the suppression list' } } },
      { kind: 'delivery', status: 'bounced', detail: 'Permanent/Suppressed: on the suppression list' },
    ],
    [{ type: 'email.received', data }, { kind: 'received', emailId: 're_123' }],
    [{ type: 'email.opened', data }, { kind: 'ignored', type: 'email.opened' }],
    [{ type: 'contact.created', data: { id: 'c' } }, { kind: 'ignored', type: 'contact.created' }],
    [{ type: 'email.bounced', data: { email_id: 'with space' } }, { kind: 'invalid' }],
    [{ type: 'email.received', data: {} }, { kind: 'invalid' }],
    [{ data }, { kind: 'invalid' }],
    [[], { kind: 'invalid' }],
    [null, { kind: 'invalid' }],
  ])('%j', (payload, expected) => {
    expect(parseWebhookEvent(payload, NOW)).toMatchObject(expected);
  });
});

describe('nextDeliveryStatus: a later, weaker report never replaces a stronger one', () => {
  it.each<[DeliveryStatus | null, DeliveryStatus, DeliveryStatus]>([
    [null, 'delivery_delayed', 'delivery_delayed'],
    ['delivery_delayed', 'delivered', 'delivered'],
    ['delivered', 'delivery_delayed', 'delivered'],
    ['delivered', 'complained', 'complained'],
    ['delivered', 'bounced', 'bounced'],
    ['bounced', 'delivered', 'bounced'],
    ['complained', 'delivered', 'complained'],
  ])('%s + %s → %s', (current, incoming, expected) => {
    expect(nextDeliveryStatus(current, incoming)).toBe(expected);
  });
});

describe('addresses', () => {
  it.each([
    ['henk@example.test', 'henk@example.test'],
    ['Henk de Jong <Henk@Example.test>', 'henk@example.test'],
    ['"Gemeente <directie@gemeente.test>" <echte@example.test>', 'echte@example.test'],
    ['geen adres', null],
    ['a@b', null],
  ])('bareAddress(%s) → %s', (raw, expected) => {
    expect(bareAddress(raw)).toBe(expected);
  });

  it.each([
    ['Henk de Jong <henk@example.test>', { name: 'Henk de Jong', email: 'henk@example.test' }],
    ['"de Jong, Henk" <henk@example.test>', { name: 'de Jong, Henk', email: 'henk@example.test' }],
    ['henk@example.test', { name: '', email: 'henk@example.test' }],
    ['Henk\u202e <henk@example.test>', { name: 'Henk', email: 'henk@example.test' }],
  ])('senderOf(%s)', (raw, expected) => {
    expect(senderOf(raw)).toEqual(expected);
  });
});

describe('HTML is only ever text', () => {
  it.each([
    ['<p>Hallo</p><p>Wereld</p>', 'Hallo\nWereld'],
    ['<script>alert(1)</script>Tekst', 'Tekst'],
    ['<style>p{color:red}</style><p>A &amp; B &lt;b&gt;</p>', 'A & B <b>'],
    ['Regel 1<br>Regel 2<br/>Regel 3', 'Regel 1\nRegel 2\nRegel 3'],
    ['<img src=x onerror=alert(1)>Foto', 'Foto'],
    ['&#72;&#x69; &nbsp;daar', 'Hi daar'],
    ['<!-- <script>x</script> -->zichtbaar', 'zichtbaar'],
  ])('%s → %j', (html, text) => {
    expect(htmlToText(html)).toBe(text);
  });

  it('uses the text part when there is one, else the HTML made text', () => {
    expect(mailText('Platte tekst\r\n', '<p>HTML</p>')).toBe('Platte tekst\n');
    expect(mailText(null, '<p>HTML</p>')).toBe('HTML');
    expect(mailText('   ', '<b>HTML</b>')).toBe('HTML');
    expect(mailText(null, null)).toBe('');
    expect(mailText('x'.repeat(200_000), null)).toHaveLength(100_000);
  });
});

describe('attachments', () => {
  const file = (name: string, size: number) => ({ name, size });
  it('fetches at most five within 10 MB; the rest refused with a reason', () => {
    const result = triageAttachments([file('a.pdf', 10), file('leeg.pdf', 0), file('groot.pdf', 30 * 1024 * 1024), ...Array.from({ length: 6 }, (_, i) => file(`s${i}.png`, 5))]);
    expect(result.fetch).toEqual([0, 3, 4, 5, 6]);
    expect(result.refused).toEqual([
      { name: 'leeg.pdf', reason: 'empty' },
      { name: 'groot.pdf', reason: 'tooLarge' },
      { name: 's4.png', reason: 'tooMany' },
      { name: 's5.png', reason: 'tooMany' },
    ]);
  });

  it.each([
    [100, 'application/pdf', { ok: true, type: 'application/pdf' }],
    [100, 'image/png', { ok: true, type: 'image/png' }],
    [100, 'application/x-msdownload', { ok: false, reason: 'type' }],
    [100, null, { ok: false, reason: 'type' }],
    [0, null, { ok: false, reason: 'empty' }],
    [11 * 1024 * 1024, 'application/pdf', { ok: false, reason: 'tooLarge' }],
  ])('keptFile(%i, %s)', (size, type, expected) => {
    expect(keptFile(size, type)).toEqual(expected);
  });

  it('lists names without control or direction characters', () => {
    expect(listedName('fdp\u202e.exe')).toBe('fdp.exe');
    expect(listedName(null)).toBe('bijlage');
    expect(listedName('x'.repeat(300))).toHaveLength(200);
  });
});

describe('registrationPrefill', () => {
  it('channel e-mail, the mail\'s day in Amsterdam, the sender as claimed, the text', () => {
    expect(
      registrationPrefill({ fromAddress: 'Henk de Jong <henk@example.test>', subject: 'Klacht', textBody: '  Mijn klacht.  ', receivedAt: new Date('2026-11-30T23:30:00Z') }),
    ).toEqual({ channel: 'email', receivedOn: '2026-12-01', name: 'Henk de Jong', email: 'henk@example.test', description: 'Mijn klacht.' });
  });
  it('falls back to the subject and stays within the form\'s limit', () => {
    expect(registrationPrefill({ fromAddress: 'x', subject: 'Alleen onderwerp', textBody: '', receivedAt: new Date('2026-06-01T10:00:00Z') }).description).toBe('Alleen onderwerp');
    expect(registrationPrefill({ fromAddress: 'x', subject: '', textBody: 'y'.repeat(9000), receivedAt: new Date() }).description).toHaveLength(5000);
  });
});

it('a display name with an address in it is only a name', () => {
  expect(senderOf('"Gemeente <directie@gemeente.test>" <echte@example.test>')).toEqual({ name: 'Gemeente <directie@gemeente.test>', email: 'echte@example.test' });
});
