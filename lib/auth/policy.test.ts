import { describe, expect, it } from 'vitest';
import { backofficeDecision } from './gate';
import { delayFor, failureLocksAccount, lockedUntil, minutesLeft, signInDecision } from './lockout';
import { can, canSeeComplaint, homeFor, permissionForPath, safeCallbackPath } from './policy';

describe('role permissions', () => {
  // The matrix as the issue states it, written out by hand (not derived from the policy table).
  it.each([
    ['complaints.read', { admin: false, manager: true, handler: true }],
    ['complaints.readAll', { admin: false, manager: true, handler: false }],
    ['complaints.register', { admin: false, manager: true, handler: true }],
    ['complaints.assign', { admin: false, manager: true, handler: false }],
    ['measures.manage', { admin: false, manager: true, handler: false }],
    ['reports.read', { admin: false, manager: true, handler: false }],
    ['privacy.accessLog', { admin: true, manager: true, handler: false }],
    ['privacy.manage', { admin: true, manager: true, handler: false }],
    ['settings.manage', { admin: true, manager: false, handler: false }],
    ['account.manage', { admin: true, manager: true, handler: true }],
  ] as const)('%s', (permission, expected) => {
    expect({ admin: can('admin', permission), manager: can('manager', permission), handler: can('handler', permission) }).toEqual(expected);
  });

  it.each([
    ['/beheer', 'complaints.read'],
    ['/beheer/klachten/12', 'complaints.read'],
    ['/beheer/klachten/nieuw', 'complaints.register'],
    ['/beheer/instellingen', 'settings.manage'],
    ['/beheer/instellingen/gebruikers', 'settings.manage'],
    ['/beheer/instellingenx', 'complaints.read'], // not a prefix match on a partial segment
    ['/beheer/rapportage', 'reports.read'],
    ['/beheer/bewaartermijn', 'reports.read'],
    ['/beheer/maatregelen', 'measures.manage'],
    ['/beheer/privacy', 'privacy.manage'],
    ['/beheer/privacy/nieuw', 'privacy.manage'],
    ['/beheer/privacy/3/export.pdf', 'privacy.manage'],
    ['/beheer/account/wachtwoord', 'account.manage'],
    ['/beheer/geen-toegang', 'account.manage'],
    ['/beheer/inloggen', null],
    ['/beheer/uitnodiging/abc', null],
  ] as const)('page %s needs %s', (path, permission) => {
    expect(permissionForPath(path)).toBe(permission);
  });

  it('sends each role to a start page it may open', () => {
    expect(homeFor('admin')).toBe('/beheer/instellingen');
    expect(homeFor('manager')).toBe('/beheer');
    expect(homeFor('handler')).toBe('/beheer');
  });
});

describe('who sees a complaint', () => {
  const manager = { id: 2, role: 'manager' } as const;
  const handler = { id: 3, role: 'handler' } as const;
  const admin = { id: 1, role: 'admin' } as const;
  it.each([
    [manager, { handlerId: 9, registeredBy: null }, true],
    [manager, { handlerId: null, registeredBy: null }, true],
    [handler, { handlerId: 3, registeredBy: null }, true],
    [handler, { handlerId: 4, registeredBy: 3 }, false], // registered it, but someone else handles it now
    [handler, { handlerId: null, registeredBy: 3 }, true], // registered it, nobody assigned yet
    [handler, { handlerId: null, registeredBy: 4 }, false],
    [handler, { handlerId: null, registeredBy: null }, false],
    [admin, { handlerId: 1, registeredBy: 1 }, false], // admins never see complaints
  ] as const)('%j, complaint %j → %s', (actor, complaint, expected) => {
    expect(canSeeComplaint(actor, complaint)).toBe(expected);
  });
});

describe('return path after signing in', () => {
  it.each([
    ['/beheer/klachten/4?x=1', '/beheer/klachten/4?x=1'],
    ['/beheer', '/beheer'],
    ['https://evil.example/beheer', null],
    ['//evil.example/beheer', null],
    ['/beheer\\..\\x', null],
    ['/klacht', null],
    ['/beheer/inloggen', null],
    ['', null],
    [null, null],
  ] as const)('%s → %s', (raw, expected) => {
    expect(safeCallbackPath(raw)).toBe(expected);
  });
});

describe('the proxy gate', () => {
  const handler = { role: 'handler', mustChangePassword: false } as const;
  const admin = { role: 'admin', mustChangePassword: false } as const;
  const fresh = { role: 'manager', mustChangePassword: true } as const;
  it.each([
    ['/beheer', null, { kind: 'signIn' }],
    ['/beheer/klachten/3', null, { kind: 'signIn' }],
    ['/beheer/inloggen', null, { kind: 'allow' }],
    ['/beheer/uitnodiging/tok', null, { kind: 'allow' }],
    ['/beheer/inloggen', handler, { kind: 'allow' }], // the page itself sends a signed-in user on
    ['/beheer/inloggen', admin, { kind: 'allow' }],
    ['/beheer', handler, { kind: 'allow' }],
    ['/beheer/klachten/nieuw', handler, { kind: 'allow' }],
    ['/beheer/instellingen', handler, { kind: 'denied' }],
    ['/beheer/rapportage', handler, { kind: 'denied' }],
    ['/beheer', admin, { kind: 'home', path: '/beheer/instellingen' }],
    ['/beheer/klachten/3', admin, { kind: 'denied' }],
    ['/beheer/instellingen/gebruikers', admin, { kind: 'allow' }],
    ['/beheer/geen-toegang', admin, { kind: 'allow' }],
    ['/beheer', fresh, { kind: 'changePassword' }],
    ['/beheer/geen-toegang', fresh, { kind: 'changePassword' }],
    ['/beheer/account/wachtwoord', fresh, { kind: 'allow' }],
  ] as const)('%s as %j → %j', (path, user, expected) => {
    expect(backofficeDecision(path, user)).toEqual(expected);
  });
});

describe('sign-in lockout', () => {
  const now = new Date('2026-11-24T12:00:00Z');
  const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
  it.each([
    ['no failures', [], null],
    ['four failures', [1, 2, 3, 4], null],
    ['five failures within 15 minutes', [1, 2, 3, 4, 5], 10], // the 5th newest (5 min ago) leaves the window in 10 min
    ['five failures, spread out', [1, 2, 3, 4, 14], 1],
    ['five failures, the oldest just outside the window', [1, 2, 3, 4, 15], null],
    ['six failures', [0, 1, 2, 3, 4, 12], 11],
    ['order does not matter', [5, 1, 4, 2, 3], 10],
  ] as const)('%s', (_label, minutesAgo, lockedForMinutes) => {
    const until = lockedUntil(minutesAgo.map(ago), now);
    expect(until === null ? null : (until.getTime() - now.getTime()) / 60_000).toBe(lockedForMinutes);
  });

  const none: number[] = [];
  const times = (n: number, minutesAgo = 1) => Array.from({ length: n }, () => minutesAgo);
  // Issue 12: an attacker at one address can lock only that address's attempts for the account; the account itself
  // only slows down, and locks at 50 failures within an hour.
  it.each([
    ['nothing failed', none, none, none, { kind: 'check', delayMs: 0 }],
    ['two failures for the account', times(2), times(2), times(2), { kind: 'check', delayMs: 0 }],
    ['three failures: the delay starts', times(3), none, none, { kind: 'check', delayMs: 500 }],
    ['four failures from four addresses: doubled', times(4), times(1), times(1), { kind: 'check', delayMs: 1000 }],
    ['many failures: capped at 4 s', times(20), times(1), times(1), { kind: 'check', delayMs: 4000 }],
    ['account failures older than 15 minutes do not slow down', times(20, 30), none, none, { kind: 'check', delayMs: 0 }],
    ['five failures from this address for this account: the pair is locked', times(5), times(5), times(5), { kind: 'locked', scope: 'pair', minutes: 14 }],
    ['five failures from elsewhere: this pair is not locked', times(5), none, none, { kind: 'check', delayMs: 2000 }],
    ['nineteen from this address over many accounts: still open', none, none, times(19), { kind: 'check', delayMs: 0 }],
    ['twenty from this address over many accounts: the address is locked', none, none, times(20), { kind: 'locked', scope: 'address', minutes: 14 }],
    ['49 for the account within the hour: not locked', times(49, 20), none, none, { kind: 'check', delayMs: 0 }],
    ['50 for the account within the hour: the account is locked', times(50, 20), none, none, { kind: 'locked', scope: 'account', minutes: 40 }],
    ['the longest lock is reported', times(50, 20), times(5), none, { kind: 'locked', scope: 'account', minutes: 40 }],
  ] as const)('%s', (_label, account, pair, address, expected) => {
    const decision = signInDecision({ byAccount: account.map(ago), byPair: pair.map(ago), byAddress: address.map(ago) }, now);
    const shown = decision.kind === 'locked' ? { kind: 'locked', scope: decision.scope, minutes: (decision.until.getTime() - now.getTime()) / 60_000 } : decision;
    expect(shown).toEqual(expected);
  });

  it.each([
    [0, 0],
    [2, 0],
    [3, 500],
    [4, 1000],
    [5, 2000],
    [6, 4000],
    [40, 4000],
  ])('after %i failures the account waits %i ms', (failures, ms) => {
    expect(delayFor(failures)).toBe(ms);
  });

  it('tells the user and the admins once: at the failure that makes 50', () => {
    expect(failureLocksAccount(times(48, 10).map(ago), now)).toBe(false);
    expect(failureLocksAccount(times(49, 10).map(ago), now)).toBe(true);
    expect(failureLocksAccount(times(50, 10).map(ago), now)).toBe(false);
    expect(failureLocksAccount(times(49, 61).map(ago), now)).toBe(false);
  });

  it.each([
    [10 * 60_000, 10],
    [9 * 60_000 + 1, 10],
    [30_000, 1],
    [0, 1],
  ])('%i ms left → try again in %i minute(s)', (ms, minutes) => {
    expect(minutesLeft(new Date(now.getTime() + ms), now)).toBe(minutes);
  });
});
