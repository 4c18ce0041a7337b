import { after } from 'next/server';
import { deliverOutboxQuietly } from './worker';

/**
 * After a state change has committed: send its mail once the response is out, so a slow or failing mail service
 * never blocks or undoes the change. Outside a request (scripts, tests) the in-process interval and the cron route
 * pick the mail up instead.
 */
export function deliverOutboxAfterResponse(): void {
  try {
    after(deliverOutboxQuietly);
  } catch {
    // Not in a request scope: nothing to schedule here.
  }
}
