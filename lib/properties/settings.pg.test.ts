import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { categories, contractingParties, staff, userInvites, users } from '@/db/schema';
import { type StepsWorld, setUpStepsWorld } from '@/lib/complaints/steps/testing';
import { DEFAULT_TERMS } from '@/lib/procedure/terms';
import { hashToken } from '@/lib/server/tokens';
import { type ActionUnderTest, checkAction, countWrites, RUNS, TIMEOUT } from './harness';

/**
 * The settings' actions (admins: users, categories, staff, contracting parties, organisation details, procedure
 * terms) and the public invitation link, under generated input: see ./harness.ts.
 */

let w: StepsWorld;
let settings: typeof import('@/lib/settings/actions');
let users_: typeof import('@/lib/settings/users');

beforeAll(async () => {
  w = await setUpStepsWorld();
  await countWrites(w.db);
  settings = await import('@/lib/settings/actions');
  users_ = await import('@/lib/settings/users');
});
afterAll(async () => {
  await w?.close();
});

let serial = 0;
const next = () => ++serial;

async function newUser(): Promise<number> {
  const n = next();
  const [row] = await w.db.insert(users).values({ email: `gebruiker${n}@test`, name: `Gebruiker ${n}`, role: 'handler' }).returning({ id: users.id });
  return row!.id;
}
async function newCategory(): Promise<number> {
  const n = next();
  const [row] = await w.db.insert(categories).values({ code: `onderwerp-${n}`, nameNl: `Onderwerp ${n}`, nameEn: `Topic ${n}`, sortOrder: 100 + n }).returning({ id: categories.id });
  return row!.id;
}
async function newStaff(): Promise<number> {
  const [row] = await w.db.insert(staff).values({ name: `Medewerker ${next()}`, team: 'Team Oss' }).returning({ id: staff.id });
  return row!.id;
}
async function newParty(): Promise<number> {
  const [row] = await w.db.insert(contractingParties).values({ type: 'municipality', name: `Gemeente ${next()}`, contactEmail: null }).returning({ id: contractingParties.id });
  return row!.id;
}
async function newInvite(): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await w.db.insert(userInvites).values({ userId: await newUser(), tokenHash: hashToken(token), expiresAt: new Date(Date.now() + 86_400_000) });
  return token;
}

type Spec = Pick<ActionUnderTest, 'action' | 'hidden'> & { input: () => Promise<Record<string, unknown>> | Record<string, unknown>; public?: boolean };

const SPECS: Record<string, Spec> = {
  createUser: {
    action: (i) => settings.createUserAction(i),
    input: () => ({ name: 'Nieuwe Collega', email: `nieuw${next()}@voorbeeld.nl`, role: 'handler', method: 'invite' }),
  },
  changeUserRole: { action: (i) => settings.changeUserRoleAction(i), input: async () => ({ userId: await newUser(), role: 'manager' }), hidden: ['userId'] },
  updateUserDetails: {
    action: (i) => settings.updateUserDetailsAction(i),
    input: async () => ({ userId: await newUser(), name: 'Andere Naam', email: `ander${next()}@voorbeeld.nl` }),
    hidden: ['userId'],
  },
  setUserActive: { action: (i) => settings.setUserActiveAction(i), input: async () => ({ userId: await newUser(), active: false }), hidden: ['userId'] },
  resetUserPassword: { action: (i) => settings.resetUserPasswordAction(i), input: async () => ({ userId: await newUser(), method: 'invite' }), hidden: ['userId'] },
  deleteUser: { action: (i) => settings.deleteUserAction(i), input: async () => ({ userId: await newUser() }), hidden: ['userId'] },
  acceptInvite: {
    // The action itself: the page's wrapper then signs the new user in through Auth.js, which needs a request.
    action: (i) => users_.acceptInvite(i),
    public: true,
    input: async () => ({ token: await newInvite(), password: 'paarse olifanten dansen op het dak', confirm: 'paarse olifanten dansen op het dak' }),
    hidden: ['token'],
  },
  createCategory: {
    action: (i) => settings.createCategoryAction(i),
    input: () => ({ nameNl: `Wachttijden ${next()}`, nameEn: `Waiting times ${serial}`, code: '' }),
  },
  renameCategory: { action: (i) => settings.renameCategoryAction(i), input: async () => ({ id: await newCategory(), nameNl: 'Bereikbaarheid', nameEn: 'Reachability' }), hidden: ['id'] },
  moveCategory: { action: (i) => settings.moveCategoryAction(i), input: async () => ({ id: await newCategory(), direction: 'up' }), hidden: ['id', 'direction'] },
  setCategoryActive: { action: (i) => settings.setCategoryActiveAction(i), input: async () => ({ id: await newCategory(), active: false }), hidden: ['id'] },
  saveStaff: { action: (i) => settings.saveStaffAction(i), input: () => ({ name: `Adviseur ${next()}`, team: 'Team Den Bosch', userId: '' }), hidden: ['id', 'userId'] },
  setStaffActive: { action: (i) => settings.setStaffActiveAction(i), input: async () => ({ id: await newStaff(), active: false }), hidden: ['id'] },
  saveParty: {
    action: (i) => settings.savePartyAction(i),
    input: () => ({ type: 'uwv', name: `UWV ${next()}`, contactEmail: 'klachten@uwv.example' }),
    hidden: ['id'],
  },
  setPartyActive: { action: (i) => settings.setPartyActiveAction(i), input: async () => ({ id: await newParty(), active: false }), hidden: ['id'] },
  saveOrganisation: {
    action: (i) => settings.saveOrganisationAction(i),
    input: () => ({
      name: `Bijstand naar Werk ${next()}`,
      phone: '073 123 45 67',
      email: 'klachten@bijstandnaarwerk.example',
      postalAddress: 'Postbus 1, 5300 AA Oss',
      website: 'https://www.bijstandnaarwerk.example',
      signature: 'Met vriendelijke groet,\nTeam Klachten',
    }),
  },
  saveProcedureTerms: {
    action: (i) => settings.saveProcedureTermsAction(i),
    // Each success changes the terms in force, so the next valid input differs from them again.
    input: () => ({ preset: 'bijstand-naar-werk', ...DEFAULT_TERMS, acknowledgementDays: 10 + (next() % 5) }),
  },
};

describe('every settings action, under generated input', () => {
  it.each(Object.keys(SPECS))('%s', async (name) => {
    const { input, public: isPublic, ...spec } = SPECS[name]!;
    let current: Record<string, unknown> | null = null;
    const tally = await checkAction(w.db, {
      name,
      ...spec,
      actor: () => (isPublic ? null : w.people.admin.id),
      async valid() {
        current ??= await input();
        return structuredClone(current);
      },
      afterSuccess: () => {
        current = null;
      },
    });
    expect(tally.runs).toBe(RUNS);
    expect(tally.ok).toBeGreaterThan(0);
    expect(tally.refused.invalid ?? 0).toBeGreaterThan(0);
  }, TIMEOUT);
});
