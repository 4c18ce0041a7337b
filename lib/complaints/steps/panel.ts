import { getDb } from '@/db/client';
import { activeStaff } from '@/db/complaints';
import { activeParties, handlerCandidates, involvedPeople, measureChoices, openInformationRequest } from '@/db/procedure';
import type { ComplaintFileRecord } from '@/db/complaint-file';
import type { Actor } from '@/lib/auth/actor';
import { amsterdamDate, compareIsoDates, type IsoDate } from '@/lib/procedure/dates';
import { acknowledgementDue, checkIncidentAge, dueDateOf, notAdmissibleNoticeDue } from '@/lib/procedure/deadlines';
import type { ContractingPartyType, HearingState, MeasureStatus, NotAdmissibleGround, Role } from '@/lib/procedure/vocabulary';
import { isBlocked, latestExtensionWithoutConsent, type StepOption, stepOptions, suggestedGround } from '@/lib/procedure/workflow';
import { clockInputOf } from '../file';
import { type PartySuggestion, type StatedParty, suggestParties } from '../party-match';
import { workflowFacts } from './define';

/**
 * What the file page's step panel needs: the steps this user can take now (lib/procedure/workflow.ts), the choices
 * their forms offer and the defaults and warnings worked out on the server. Plain data, passed to the client.
 */
export type StepPanelData = {
  complaintId: number;
  version: number;
  today: IsoDate;
  /** The day the complaint reached us: nothing done with it can be earlier. */
  receivedOn: IsoDate;
  options: StepOption[];
  /** The handler is involved: only reassignment can go on. */
  blocked: boolean;
  handlerName: string | null;
  /** Candidates to assign, the suggestion first: not involved, least open complaints. */
  handlers: { id: number; name: string; role: Role; openComplaints: number; involved: boolean }[];
  staff: { id: number; name: string }[];
  involved: { id: number; name: string; involvement: 'subject' | 'other' }[];
  parties: { id: number; name: string; type: ContractingPartyType; contactEmail: string | null }[];
  measures: { id: number; description: string; owner: string; dueOn: string | null; status: MeasureStatus }[];
  client: { name: string; medium: 'email' | 'post'; email: string | null };
  acknowledgementLate: boolean;
  noticeLate: boolean;
  suggestedGround: NotAdmissibleGround | null;
  /** The not-admissible notice's due date, and the one-year rule's facts for that form. */
  noticeDue: IsoDate;
  oneYear: { incidentDate: IsoDate | null; ongoing: boolean; earliestHandled: IsoDate; olderThanLimit: boolean; limitMonths: number };
  resolutionDue: IsoDate;
  extensionCount: number;
  latestWithoutConsent: IsoDate | null;
  openQuestion: { question: string; answerBy: IsoDate | null; askedOn: IsoDate } | null;
  hearing: { state: HearingState | null; on: IsoDate | null };
  contractingPartyId: number | null;
  /** What the client said on the form about the contracting party, and the known parties that may be meant, best first. */
  clientParty: StatedParty;
  partySuggestions: PartySuggestion[];
};

export async function loadStepPanel(actor: Actor, record: ComplaintFileRecord, today: IsoDate): Promise<StepPanelData> {
  const db = await getDb();
  const involved = await involvedPeople(db, record.id);
  const facts = workflowFacts(record, involved);
  const options = stepOptions(facts, actor);
  const offers = new Set(options.map((o) => o.step));
  const [handlers, staff, parties, measures, openQuestion] = await Promise.all([
    offers.has('assign') ? handlerCandidates(db, record.id) : [],
    offers.has('addInvolved') ? activeStaff(db) : [],
    offers.has('escalate') || offers.has('linkParty') ? activeParties(db) : [],
    offers.has('resolve') ? measureChoices(db) : [],
    record.status === 'info_requested' ? openInformationRequest(db, record.id) : null,
  ]);
  const input = clockInputOf(record);
  const resolutionDue = dueDateOf('resolution', input);
  const incident = input.incident;
  const age = checkIncidentAge(record.receivedOn, incident, record.terms);
  return {
    complaintId: record.id,
    version: record.version,
    today,
    receivedOn: record.receivedOn,
    options,
    blocked: isBlocked(facts),
    handlerName: record.handlerName,
    handlers: [...handlers].sort((a, b) => Number(a.involved) - Number(b.involved)),
    staff,
    involved: involved.map((p) => ({ id: p.id, name: p.name, involvement: p.involvement })),
    parties,
    measures,
    client: { name: record.complainantName, medium: record.complainantEmail ? 'email' : 'post', email: record.complainantEmail },
    acknowledgementLate: compareIsoDates(today, acknowledgementDue(record.receivedOn, record.terms)) > 0,
    noticeLate: compareIsoDates(today, notAdmissibleNoticeDue(record.receivedOn, record.terms)) > 0,
    suggestedGround: suggestedGround(age.olderThanLimit),
    noticeDue: notAdmissibleNoticeDue(record.receivedOn, record.terms),
    oneYear: {
      incidentDate: record.incidentDate,
      ongoing: incident.ongoing,
      earliestHandled: age.earliestHandled,
      olderThanLimit: age.olderThanLimit,
      limitMonths: record.terms.incidentLimitMonths,
    },
    resolutionDue,
    extensionCount: record.extensionCount,
    latestWithoutConsent: latestExtensionWithoutConsent(resolutionDue, record.extensionCount, record.terms),
    openQuestion: openQuestion ? { question: openQuestion.question, answerBy: openQuestion.answerBy, askedOn: amsterdamDate(openQuestion.askedAt) } : null,
    hearing: { state: record.hearingState, on: record.hearingOn },
    contractingPartyId: record.contractingPartyId,
    clientParty: { choice: record.partyChoice, name: record.partyName },
    partySuggestions: suggestParties({ choice: record.partyChoice, name: record.partyName }, parties),
  };
}
