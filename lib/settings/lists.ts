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
import { categoryDeactivationRefusal, deriveCategoryCode, moveInOrder, sortOrders, staffLinkRefusal } from './rules';
import { createCategorySchema, moveCategorySchema, partySchema, renameCategorySchema, setActiveSchema, staffSchema } from './schemas';

/** The settings' lists: complaint categories, staff (advisers) and contracting parties. Never deleted: complaints refer to them. */

// ---------------------------------------------------------------------------------------------------------------
// Categories

export const createCategory = defineAction({
  name: 'createCategory',
  access: 'settings.manage',
  schema: createCategorySchema,
  async run(tx, input) {
    await lockSettings(tx, 'categories');
    const taken = await categoryCodes(tx);
    if (input.code !== '' && taken.has(input.code)) throw ruleViolation('code', 'categoryCodeTaken');
    const code = input.code || deriveCategoryCode(input.nameNl, taken);
    const id = await insertCategory(tx, { code, nameNl: input.nameNl, nameEn: input.nameEn, sortOrder: await nextCategorySortOrder(tx) });
    return { id, code };
  },
});

export const renameCategory = defineAction({
  name: 'renameCategory',
  access: 'settings.manage',
  schema: renameCategorySchema,
  async run(tx, input) {
    if (!(await findCategory(tx, input.id))) throw ruleViolation('_form', 'notFound');
    await renameCategoryRow(tx, input.id, { nameNl: input.nameNl, nameEn: input.nameEn });
    return { id: input.id };
  },
});

/** One place up or down in the public form's list. */
export const moveCategory = defineAction({
  name: 'moveCategory',
  access: 'settings.manage',
  schema: moveCategorySchema,
  async run(tx, input) {
    await lockSettings(tx, 'categories');
    const order = await categoryIdsInOrder(tx);
    if (!order.includes(input.id)) throw ruleViolation('_form', 'notFound');
    await setCategorySortOrders(tx, sortOrders(moveInOrder(order, input.id, input.direction)));
    return { id: input.id };
  },
});

export const setCategoryActive = defineAction({
  name: 'setCategoryActive',
  access: 'settings.manage',
  schema: setActiveSchema,
  async run(tx, input) {
    await lockSettings(tx, 'categories');
    const category = await findCategory(tx, input.id);
    if (!category) throw ruleViolation('_form', 'notFound');
    if (!input.active) {
      const refusal = categoryDeactivationRefusal(category, await countActiveCategories(tx));
      if (refusal) throw ruleViolation('_form', refusal);
    }
    await updateCategoryActive(tx, input.id, input.active);
    return { id: input.id };
  },
});

// ---------------------------------------------------------------------------------------------------------------
// Staff (advisers)

/** Creates (no id) or updates a staff record; a user account can be linked to at most one of them. */
export const saveStaff = defineAction({
  name: 'saveStaff',
  access: 'settings.manage',
  schema: staffSchema,
  async run(tx, input) {
    await lockSettings(tx, 'staff');
    if (input.id !== undefined && !(await findStaff(tx, input.id))) throw ruleViolation('_form', 'notFound');
    const userId = input.userId === '' ? null : Number(input.userId);
    if (userId !== null) {
      if (!(await findUser(tx, userId))) throw ruleViolation('userId', 'userUnknown');
      const refusal = staffLinkRefusal(userId, input.id ?? null, await staffLinkedTo(tx, userId));
      if (refusal) throw ruleViolation('userId', refusal);
    }
    const values = { name: input.name, team: input.team || null, userId };
    if (input.id === undefined) return { id: await insertStaff(tx, values) };
    await updateStaff(tx, input.id, values);
    return { id: input.id };
  },
});

export const setStaffActive = defineAction({
  name: 'setStaffActive',
  access: 'settings.manage',
  schema: setActiveSchema,
  async run(tx, input) {
    if (!(await findStaff(tx, input.id))) throw ruleViolation('_form', 'notFound');
    await updateStaffActive(tx, input.id, input.active);
    return { id: input.id };
  },
});

// ---------------------------------------------------------------------------------------------------------------
// Contracting parties

export const saveParty = defineAction({
  name: 'saveParty',
  access: 'settings.manage',
  schema: partySchema,
  async run(tx, input) {
    const values = { type: input.type, name: input.name, contactEmail: input.contactEmail || null };
    if (input.id === undefined) return { id: await insertParty(tx, values) };
    if (!(await findParty(tx, input.id))) throw ruleViolation('_form', 'notFound');
    await updateParty(tx, input.id, values);
    return { id: input.id };
  },
});

export const setPartyActive = defineAction({
  name: 'setPartyActive',
  access: 'settings.manage',
  schema: setActiveSchema,
  async run(tx, input) {
    if (!(await findParty(tx, input.id))) throw ruleViolation('_form', 'notFound');
    await updatePartyActive(tx, input.id, input.active);
    return { id: input.id };
  },
});
