import { passwordHashOf, setPassword } from '@/db/auth';
import { defineAction, ruleViolation } from '@/lib/actions/pipeline';
import { hashPassword, verifyPassword } from './passwords';
import { changePasswordSchema } from './schemas';

/** A signed-in user changes their own password; every other session of theirs ends. */
export const changePassword = defineAction({
  name: 'changePassword',
  access: 'account.manage',
  schema: changePasswordSchema,
  async run(tx, input, { actor }) {
    if (!(await verifyPassword(await passwordHashOf(tx, actor.id), input.current))) throw ruleViolation('current', 'passwordWrong');
    if (input.password === input.current) throw ruleViolation('password', 'passwordUnchanged');
    await setPassword(tx, actor.id, await hashPassword(input.password), false);
    return { email: actor.email };
  },
});
