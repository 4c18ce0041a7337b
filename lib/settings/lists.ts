import type { Tx } from '@/db/client';
import {
  categoryCodes,
  categoryIdsInOrder,
  countActiveCategories,
  findCategory,
  findParty,
  findStaff,
  findUser,
  insertCategory,
  insertParty,
  insertStaff,
  lockSettings,
  nextCategorySortOrder,
  renameCategory as renameCategoryRow,
  setCategorySortOrders,
  staffLinkedTo,
  updateCategoryActive,
  updateParty,
  updatePartyActive,
  updateStaff,
  updateStaffActive,
} from '@/db/settings';
import { defineAction, ruleViolation } from '@/lib/actions/pipeline';
import { forgetSettings } from './cache';
import type { Actor } from '@/lib/auth/actor';
import { recordSettingsChange, type SettingsHistoryKind } from './history';
import { existing } from './records';
import { categoryDeactivationRefusal, deriveCategoryCode, moveInOrder, sortOrders, staffLinkRefusal } from './rules';
import { createCategorySchema, moveCategorySchema, partySchema, renameCategorySchema, setActiveSchema, staffSchema } from './schemas';

/** The settings' lists: complaint categories, staff (advisers) and contracting parties. Never deleted: complaints refer to them. */

/**
 * Switches a list item off (no longer offered in the complaint form) or on again. The item must exist; `refusal`
 * says why this one may not be switched off (an error key), if it may not.
 */
type Change = { actor: Actor; now: Date };

async function setActive<R extends { name?: string; nameNl?: string; active: boolean }>(
  tx: Tx,
  input: { id: number; active: boolean },
  table: { kind: SettingsHistoryKind; find: (tx: Tx, id: number) => Promise<R | null>; updateActive: (tx: Tx, id: number, active: boolean) => Promise<void> },
  change: Change,
  refusal?: (item: R) => Promise<string | null>,
) {
  const item = await existing(table.find(tx, input.id));
  if (!input.active) {
    const refused = await refusal?.(item);
    if (refused) throw ruleViolation('_form', refused);
  }
  await table.updateActive(tx, input.id, input.active);
  if (item.active !== input.active) {
    await recordSettingsChange(tx, {
      ...historyEntry(change, table.kind, input.active ? 'activate' : 'deactivate', input.id, item.name ?? item.nameNl ?? null),
      before: { active: item.active },
      after: { active: input.active },
    });
  }
  return { id: input.id };
}

function historyEntry(change: Change, kind: SettingsHistoryKind, action: string, id: number, label: string | null) {
  return { actor: change.actor, at: change.now, kind, action, subject: { id, label } };
}

/** Creates a list item (no id) or updates the one with that id (checked to exist by the caller); answers its id. */
async function save<V extends { name: string }>(
  tx: Tx,
  id: number | undefined,
  values: V,
  table: {
    kind: SettingsHistoryKind;
    find: (tx: Tx, id: number) => Promise<Record<string, unknown> | null>;
    insert: (tx: Tx, values: V) => Promise<number>;
    update: (tx: Tx, id: number, values: V) => Promise<void>;
  },
  change: Change,
) {
  if (id === undefined) {
    const created = await table.insert(tx, values);
    await recordSettingsChange(tx, { ...historyEntry(change, table.kind, 'create', created, values.name), before: null, after: values });
    return { id: created };
  }
  const stored = await existing(table.find(tx, id));
  await table.update(tx, id, values);
  const before = Object.fromEntries(Object.keys(values).map((key) => [key, stored[key]]));
  await recordSettingsChange(tx, { ...historyEntry(change, table.kind, 'update', id, values.name), before, after: values });
  return { id };
}

const categoryTable = { kind: 'category' as const, find: findCategory, updateActive: updateCategoryActive };
const staffTable = { kind: 'staff' as const, find: findStaff, insert: insertStaff, update: updateStaff, updateActive: updateStaffActive };
const partyTable = { kind: 'party' as const, find: findParty, insert: insertParty, update: updateParty, updateActive: updatePartyActive };

// ---------------------------------------------------------------------------------------------------------------
// Categories

export const createCategory = defineAction({
  name: 'createCategory',
  access: 'settings.manage',
  schema: createCategorySchema,
  async run(tx, input, { now, actor }) {
    await lockSettings(tx, 'categories');
    const taken = await categoryCodes(tx);
    if (input.code !== '' && taken.has(input.code)) throw ruleViolation('code', 'categoryCodeTaken');
    const code = input.code || deriveCategoryCode(input.nameNl, taken);
    const values = { code, nameNl: input.nameNl, nameEn: input.nameEn, sortOrder: await nextCategorySortOrder(tx) };
    const id = await insertCategory(tx, values);
    await recordSettingsChange(tx, { ...historyEntry({ actor, now }, 'category', 'create', id, input.nameNl), before: null, after: { ...values, active: true } });
    return { id, code };
  },
  // The public form's submissions accept it from now on (lib/settings/cache.ts).
  after: forgetSettings,
});

export const renameCategory = defineAction({
  name: 'renameCategory',
  access: 'settings.manage',
  schema: renameCategorySchema,
  async run(tx, input, { now, actor }) {
    const category = await existing(findCategory(tx, input.id));
    await renameCategoryRow(tx, input.id, { nameNl: input.nameNl, nameEn: input.nameEn });
    await recordSettingsChange(tx, {
      ...historyEntry({ actor, now }, 'category', 'update', input.id, input.nameNl),
      before: { nameNl: category.nameNl, nameEn: category.nameEn },
      after: { nameNl: input.nameNl, nameEn: input.nameEn },
    });
    return { id: input.id };
  },
});

/** One place up or down in the public form's list. */
export const moveCategory = defineAction({
  name: 'moveCategory',
  access: 'settings.manage',
  schema: moveCategorySchema,
  async run(tx, input, { now, actor }) {
    await lockSettings(tx, 'categories');
    const order = await categoryIdsInOrder(tx);
    if (!order.includes(input.id)) throw ruleViolation('_form', 'notFound');
    const newOrder = moveInOrder(order, input.id, input.direction);
    await setCategorySortOrders(tx, sortOrders(newOrder));
    const category = await existing(findCategory(tx, input.id));
    // The position in the form's list (1 = first), which is what the admin changed.
    await recordSettingsChange(tx, {
      ...historyEntry({ actor, now }, 'category', 'move', input.id, category.nameNl),
      before: { position: order.indexOf(input.id) + 1 },
      after: { position: newOrder.indexOf(input.id) + 1 },
    });
    return { id: input.id };
  },
});

export const setCategoryActive = defineAction({
  name: 'setCategoryActive',
  access: 'settings.manage',
  schema: setActiveSchema,
  async run(tx, input, { now, actor }) {
    await lockSettings(tx, 'categories');
    return setActive(tx, input, categoryTable, { actor, now }, async (category) => categoryDeactivationRefusal(category, await countActiveCategories(tx)));
  },
  // Submissions refuse (or accept again) the category from now on (lib/settings/cache.ts).
  after: forgetSettings,
});

// ---------------------------------------------------------------------------------------------------------------
// Staff (advisers)

/** Creates (no id) or updates a staff record; a user account can be linked to at most one of them. */
export const saveStaff = defineAction({
  name: 'saveStaff',
  access: 'settings.manage',
  schema: staffSchema,
  async run(tx, input, { now, actor }) {
    await lockSettings(tx, 'staff');
    if (input.id !== undefined) await existing(findStaff(tx, input.id));
    const userId = input.userId === '' ? null : Number(input.userId);
    if (userId !== null) {
      if (!(await findUser(tx, userId))) throw ruleViolation('userId', 'userUnknown');
      const refusal = staffLinkRefusal(userId, input.id ?? null, await staffLinkedTo(tx, userId));
      if (refusal) throw ruleViolation('userId', refusal);
    }
    return save(tx, input.id, { name: input.name, team: input.team || null, userId }, staffTable, { actor, now });
  },
});

export const setStaffActive = defineAction({
  name: 'setStaffActive',
  access: 'settings.manage',
  schema: setActiveSchema,
  async run(tx, input, { now, actor }) {
    return setActive(tx, input, staffTable, { actor, now });
  },
});

// ---------------------------------------------------------------------------------------------------------------
// Contracting parties

export const saveParty = defineAction({
  name: 'saveParty',
  access: 'settings.manage',
  schema: partySchema,
  async run(tx, input, { now, actor }) {
    if (input.id !== undefined) await existing(findParty(tx, input.id));
    return save(tx, input.id, { type: input.type, name: input.name, contactEmail: input.contactEmail || null }, partyTable, { actor, now });
  },
});

export const setPartyActive = defineAction({
  name: 'setPartyActive',
  access: 'settings.manage',
  schema: setActiveSchema,
  async run(tx, input, { now, actor }) {
    return setActive(tx, input, partyTable, { actor, now });
  },
});
