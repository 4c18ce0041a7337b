import { lockSignIn, passwordHashOf, recentFailures, recordLoginAttempt, setPassword } from '@/db/auth';
import { getDb } from '@/db/client';
import { organisationOrDefault } from '@/db/settings';
import { defineAction, ruleViolation } from '@/lib/actions/pipeline';
import { LOCKOUT, signInDecision } from './lockout';
import { hashPassword, verifyPassword } from './passwords';
import { changePasswordSchema } from './schemas';
import { personalWords, weakPassword } from './strength';

/**
 * The attempts at the current password on the password-change form count like sign-in attempts from one address of
 * their own per user (lib/auth/lockout.ts): after 5 wrong ones in 15 minutes the form refuses for a while, and they
 * count towards the account's delay and lock like any wrong password.
 */
export const passwordChangeAddress = (userId: number) => `password-change:${userId}`;

/** A signed-in user changes their own password; every other session of theirs ends. */
export const changePassword = defineAction({
  name: 'changePassword',
  access: 'account.manage',
  schema: changePasswordSchema,
  allowedBeforePasswordChange: true,
  async run(tx, input, { actor, now }) {
    const email = actor.email.toLowerCase();
    const address = passwordChangeAddress(actor.id);
    await lockSignIn(tx, email, address); // attempts in turn, so parallel guesses cannot slip past the limit
    const since = new Date(now.getTime() - LOCKOUT.account.windowMinutes * 60_000);
    const decision = signInDecision(await recentFailures(tx, email, address, since), now);
    if (decision.kind === 'locked') throw ruleViolation('current', 'passwordAttempts');
    if (decision.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, decision.delayMs));
    const currentOk = await verifyPassword(await passwordHashOf(tx, actor.id), input.current);
    // Recorded outside this transaction: a refusal rolls it back, the attempt must stay counted.
    await recordLoginAttempt(await getDb(), { email, ip: address, success: currentOk, at: now });
    if (!currentOk) throw ruleViolation('current', 'passwordWrong');
    if (input.password === input.current) throw ruleViolation('password', 'passwordUnchanged');
    const weak = weakPassword(input.password, personalWords({ name: actor.name, email: actor.email, organisation: (await organisationOrDefault(tx)).name }));
    if (weak) throw ruleViolation('password', weak);
    await setPassword(tx, actor.id, await hashPassword(input.password), false);
    return { email: actor.email };
  },
});
