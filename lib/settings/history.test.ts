import { describe, expect, it } from 'vitest';
import type { Role } from '@/lib/procedure/vocabulary';
import { changesOf, grantsComplaintAccess } from './history';

describe('changesOf: only the changed fields, never a secret', () => {
  it.each([
    ['created', null, { name: 'A', team: null }, { name: { from: null, to: 'A' } }],
    ['removed', { name: 'A', role: 'handler' }, null, { name: { from: 'A', to: null }, role: { from: 'handler', to: null } }],
    ['one field changed', { name: 'A', email: 'a@x' }, { name: 'B', email: 'a@x' }, { name: { from: 'A', to: 'B' } }],
    ['nothing changed', { name: 'A' }, { name: 'A' }, {}],
    ['undefined is null', { team: undefined }, { team: null }, {}],
    ['objects compared by value', { terms: { a: 1 } }, { terms: { a: 1 } }, {}],
    ['secrets left out', null, { passwordHash: 'x', tokenHash: 'y', password: 'z', secret: 's', name: 'N' }, { name: { from: null, to: 'N' } }],
  ])('%s', (_name, before, after, expected) => {
    expect(changesOf(before, after)).toEqual(expected);
  });
});

describe('grantsComplaintAccess: a role that reads complaints, newly given', () => {
  it.each<[Role | null, Role, boolean]>([
    [null, 'manager', true],
    [null, 'handler', true],
    [null, 'admin', false],
    ['admin', 'handler', true],
    ['admin', 'manager', true],
    ['handler', 'manager', true],
    ['manager', 'handler', true],
    ['manager', 'admin', false],
    ['handler', 'handler', false],
  ])('%s → %s: %s', (from, to, expected) => {
    expect(grantsComplaintAccess(from, to)).toBe(expected);
  });
});
