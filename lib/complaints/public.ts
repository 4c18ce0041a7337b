import { getDb } from '@/db/client';
import { loadClientStatus } from '@/db/client-status';
import { activeCategories, activeStaff, currentTerms, findComplaintByTokenHash } from '@/db/complaints';
import { clocksFor, checkIncidentAge } from '@/lib/procedure/deadlines';
import { clientView } from './client-view';
import { DEFAULT_TERMS, type ProcedureTerms } from '@/lib/procedure/terms';
import type { Locale } from '@/lib/procedure/vocabulary';
import { hashToken, TOKEN_PATTERN } from '@/lib/server/tokens';
import { amsterdamDate } from '@/lib/procedure/dates';
import { satisfactionOptions } from '@/lib/procedure/satisfaction';

/** Read models for the public pages. */

/** The terms to explain on public pages; the defaults when the database cannot be asked. */
export async function termsForDisplay(): Promise<ProcedureTerms> {
  try {
    return await currentTerms(await getDb());
  } catch {
    return DEFAULT_TERMS;
  }
}

export async function complaintFormOptions(locale: Locale) {
  const db = await getDb();
  const [categories, staff, terms] = await Promise.all([activeCategories(db), activeStaff(db), currentTerms(db)]);
  return {
    categories: categories.map((c) => ({ code: c.code, label: locale === 'en' ? c.nameEn : c.nameNl })),
    staff: staff.map((s) => ({ id: String(s.id), name: s.name })),
    terms,
  };
}

/** What the client may see through their secret link, or null when the link is not valid. */
export async function complaintByStatusToken(token: string) {
  if (!TOKEN_PATTERN.test(token)) return null;
  const complaint = await findComplaintByTokenHash(await getDb(), hashToken(token));
  if (!complaint) return null;
  const incident = complaint.incidentOngoing
    ? ({ ongoing: true } as const)
    : ({ ongoing: false, date: complaint.incidentDate ?? complaint.receivedOn } as const);
  return {
    reference: complaint.reference,
    status: complaint.status,
    receivedOn: complaint.receivedOn,
    terms: complaint.terms,
    clocks: clocksFor(complaint.receivedOn, complaint.terms),
    olderThanLimit: checkIncidentAge(complaint.receivedOn, incident, complaint.terms).olderThanLimit,
    byEmail: complaint.complainantEmail !== null,
  };
}

/** The client's status page: the complaint's current facts and history through the secret link, or null. */
export async function clientStatusByToken(token: string) {
  if (!TOKEN_PATTERN.test(token)) return null;
  const data = await loadClientStatus(await getDb(), hashToken(token));
  if (!data) return null;
  const { facts } = data;
  const satisfactionFacts = {
    status: facts.status,
    outcome: facts.outcome,
    resolvedOn: facts.resolvedOn ?? null,
    satisfied: facts.satisfied ?? null,
    forwardRequested: facts.forwardRequested ?? false,
  };
  return {
    reference: data.reference,
    byEmail: data.byEmail,
    incidentLimitMonths: data.facts.terms.incidentLimitMonths,
    view: clientView(data.facts, data.history),
    openQuestionId: data.openQuestionId,
    party: facts.party,
    /** What the client can do about the outcome now (lib/procedure/satisfaction.ts). */
    satisfaction: satisfactionOptions(satisfactionFacts, amsterdamDate(new Date())),
  };
}
