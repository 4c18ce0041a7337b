import { defineAction, Forbidden, ruleViolation } from '@/lib/actions/pipeline';
import { amsterdamDate, type IsoDate } from '@/lib/procedure/dates';
import { recordComplaint } from './intake';
import { registerSchema } from './register-schema';

export type Registration = { id: number; reference: string; receivedOn: IsoDate };

/**
 * A handler or manager registers a complaint that came in by phone, e-mail or post. One transaction: the complaint
 * with the terms in force, the staff it is about and the history entry "registered" by the signed-in user
 * (./intake.ts). No acknowledgement is queued here: the handler sends it as the procedure's first step. Submitting
 * the same form twice gives the same complaint.
 */
export const registerComplaint = defineAction({
  name: 'registerComplaint',
  access: 'complaints.register',
  schema: registerSchema,
  async run(tx, input, { now, actor }): Promise<Registration> {
    // The schema checks this in the browser too; here it holds against the server's clock.
    if (input.receivedOn > amsterdamDate(now)) throw ruleViolation('receivedOn', 'receivedInFuture');
    const recorded = await recordComplaint(tx, input, { channel: input.channel, receivedOn: input.receivedOn, registeredBy: actor.id, now, settings: 'fresh' });
    // A repeated key only ever leads back to one's own registration.
    if (!recorded.created && recorded.registeredBy !== actor.id) throw new Forbidden();
    return { id: recorded.id, reference: recorded.reference, receivedOn: recorded.receivedOn };
  },
});
