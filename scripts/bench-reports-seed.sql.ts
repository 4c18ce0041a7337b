// The set-based volume seed of `npm run bench:reports` (scripts/bench-reports.ts): SQL only, one statement per step,
// every row made by generate_series, never a loop over rows.
//
// First a plan: one row per complaint with its whole fate drawn at once (channel, category, staff, party, the outcome
// it will get, and the moment of every step it takes: acknowledgement, copy, questions, hearing, extensions,
// resolution, reopening, escalation, the party's response, not admissible, withdrawal). Steps follow each other in
// time; steps later than "now" have not happened yet, so recent complaints are still open at the stage they reached.
// From that plan come the complaints, the people involved, the information requests and the complaint history (one row
// per step taken, with the same action names, statuses and details as the steps of lib/complaints/steps write).

/** $1 today (date), $2 now (timestamptz), $3 complaints, $4 first id - 1, $5 handler ids, $6 category ids (sort order),
 * $7 staff ids, $8 employer ids, $9 municipality ids, $10 uwv ids. Session time zone: Europe/Amsterdam. */
export const PLAN_SQL = `
create unlogged table bench_plan as
with base as not materialized (
  select i, $4::int + i as id,
    random() r_day, random() r_ch, random() r_cat, random() r_staff, random() r_party, random() r_link, random() r_fate,
    random() r_out, random() r_ground, random() r_inc, random() r_h, random() r_reg, random() r_ack, random() r_t1,
    random() r_copy, random() r_info, random() r_t2, random() r_t3, random() r_hear, random() r_t4, random() r_ext,
    random() r_t5, random() r_t6, random() r_res, random() r_t7, random() r_t8, random() r_t9, random() r_name1, random() r_name2
  from generate_series(1, $3::int) i offset 0
), drawn as (
  select *,
    case when r_ch < .55 then 'online' when r_ch < .75 then 'email' when r_ch < .90 then 'phone' else 'post' end::channel as channel,
    -- ~3 years back, slowly growing (more complaints recently); nothing today itself.
    ($1::date - 1095 + floor(1095 * power(r_day, 0.85))::int) as day0,
    case when r_fate < .78 then 'resolved' when r_fate < .81 then 'escalated' when r_fate < .85 then 'closed_by_party'
         when r_fate < .93 then 'not_admissible' when r_fate < .996 then 'withdrawn' else 'stuck' end as fate
  from base offset 0
), shaped as (
  select *,
    -- Post, phone and e-mail are registered on working days (a weekend's letter is entered on Friday's date, as if it came in then).
    case when channel <> 'online' and extract(isodow from day0) = 6 then day0 - 1
         when channel <> 'online' and extract(isodow from day0) = 7 then day0 - 2 else day0 end as received_on,
    case when fate = 'not_admissible' then
      case when r_ground < .45 then 'incident_older_than_limit' when r_ground < .65 then 'handled_before'
           when r_ground < .80 then 'objection_or_appeal' when r_ground < .85 then 'criminal_investigation' else 'interest_too_small' end
    end::not_admissible_ground as ground,
    case when fate in ('escalated', 'closed_by_party') then case when r_out < .6 then 'not_upheld' else 'partly_upheld' end
         when fate = 'resolved' then case when r_out < .25 then 'upheld' when r_out < .53 then 'partly_upheld' when r_out < .83 then 'not_upheld'
                                          else 'resolved_to_satisfaction' end
    end::outcome as final_outcome,
    fate = 'resolved' and r_out < .83 and r_t8 < .02 as reopens,
    case when fate in ('escalated', 'closed_by_party') then case when r_party < .45 then 'municipality' when r_party < .7 then 'uwv' else 'employer' end
         else case when r_party < .45 then 'municipality' when r_party < .65 then 'uwv' when r_party < .88 then 'employer' else 'unknown' end
    end::client_party_choice as party_choice,
    r_staff < .45 as names_staff
  from drawn offset 0
), timed as (
  select *,
    -- Online: any waking hour; registered: office hours. Amsterdam time (the session's zone).
    (received_on + case when channel = 'online' then interval '7 hours' + r_t1 * interval '16 hours 59 minutes'
                        else interval '9 hours' + r_t1 * interval '8 hours' end)::timestamptz as t0,
    received_on + 42 as due0,
    -- Summer (July, August): short-staffed, so more acknowledgements and outcomes come late.
    extract(month from received_on) in (7, 8) as summer,
    case when party_choice = 'unknown' or (fate not in ('escalated', 'closed_by_party') and r_link < .15) then null
         when party_choice = 'employer' then ($8::int[])[1 + floor(power(r_link, 1.6) * array_length($8::int[], 1))::int]
         when party_choice = 'municipality' then ($9::int[])[1 + floor(power(r_link, 1.3) * array_length($9::int[], 1))::int]
         else ($10::int[])[1 + floor(r_link * array_length($10::int[], 1))::int] end as contracting_party_id,
    case when names_staff then ($7::int[])[1 + floor(power(r_staff / .45, 1.2) * array_length($7::int[], 1))::int] end as staff_id,
    ($5::int[])[1 + floor(power(r_h, 1.3) * array_length($5::int[], 1))::int] as handler_id,
    ($6::int[])[1 + floor(power(r_cat, 1.3) * array_length($6::int[], 1))::int] as category_id
  from shaped offset 0
), step1 as (
  select *,
    t0 + interval '30 minutes' + r_t2 * interval '30 hours' as assign_at0,
    -- The handler's acknowledgement of a registered complaint: usually within 1–13 days, late (day 15–30) now and then.
    case when channel = 'online' then t0
         when r_ack < case when summer then .30 else .04 end then t0 + make_interval(days => 15 + floor(r_t3 * 16)::int)
         else t0 + make_interval(days => 1 + floor(r_t3 * 13)::int) end as ack_at0
  from timed offset 0
), step2 as (
  select *,
    case when channel = 'online' then assign_at0 else least(assign_at0, ack_at0 - interval '1 hour') end as assign_at,
    ack_at0 as ack_at,
    -- The handler's steps come after both the acknowledgement and the assignment.
    greatest(ack_at0, assign_at0) as ready_at
  from step1 offset 0
), step2b as (
  select *,
    case when fate not in ('not_admissible') and names_staff and (fate <> 'withdrawn' or r_copy < .5)
         then ready_at + interval '1 day' + r_copy * interval '3 days' end as copy_at
  from step2 offset 0
), step3 as (
  select *,
    -- Questions to the client (30% of handled complaints; the stuck ones wait for an answer that never comes).
    case when fate in ('resolved', 'escalated', 'closed_by_party', 'stuck') and r_info < .30
         then coalesce(copy_at, ready_at) + interval '2 days' + r_t4 * interval '5 days' end as info_req_at
  from step2b offset 0
), step4 as (
  select *,
    case when info_req_at is not null and not (fate = 'stuck' and r_info < .10) then info_req_at + interval '1 day' + r_t5 * interval '6 days' end as info_ans_at
  from step3 offset 0
), step5 as (
  select *,
    case when fate in ('resolved', 'escalated', 'closed_by_party') or (fate = 'stuck' and info_req_at is null)
         then r_hear < .8 end as hearing_held
  from step4 offset 0
), step6 as (
  select *,
    case when hearing_held then coalesce(info_ans_at, copy_at, ready_at) + interval '1 day' + r_t6 * interval '4 days' end as hearing_planned_at
  from step5 offset 0
), step7 as (
  select *,
    case when hearing_held is not null and not (fate = 'stuck' and r_t6 < .3)
         then coalesce(hearing_planned_at, info_ans_at, copy_at, ready_at) + interval '3 days' + r_t7 * interval '6 days' end as hearing_decided_at
  from step6 offset 0
), step8 as (
  select *,
    -- One extension (12%), a second one with the client's consent (a fifth of those), always before the term runs out.
    case when fate in ('resolved', 'escalated', 'closed_by_party') and r_ext < .12
         then greatest(coalesce(hearing_decided_at, ready_at) + interval '2 hours', t0 + make_interval(days => 32 + floor(r_t9 * 8)::int)) end as ext1_at0,
    received_on + 42 + 14 + floor(r_t9 * 15)::int as ext1_due
  from step7 offset 0
), step9 as (
  select *, case when (ext1_at0 at time zone 'Europe/Amsterdam')::date < due0 then ext1_at0 end as ext1_at from step8 offset 0
), step10 as (
  select *,
    case when ext1_at is not null and r_ext < .025
         then greatest(ext1_at + interval '1 day', t0 + make_interval(days => ext1_due - received_on - 2 - floor(r_t1 * 8)::int)) end as ext2_at0,
    ext1_due + 14 + floor(r_t2 * 8)::int as ext2_due0
  from step9 offset 0
), step11 as (
  select *,
    case when (ext2_at0 at time zone 'Europe/Amsterdam')::date < ext1_due then ext2_at0 end as ext2_at
  from step10 offset 0
), step12 as (
  select *,
    case when ext2_at is not null then ext2_due0 when ext1_at is not null then ext1_due else due0 end as due_final,
    case when ext2_at is not null then ext1_due when ext1_at is not null then due0 end as due_replaced
  from step11 offset 0
), step13 as (
  select *,
    case when fate in ('resolved', 'escalated', 'closed_by_party') then greatest(
      coalesce(ext2_at, ext1_at, hearing_decided_at) + interval '3 hours',
      case when r_res < case when summer then .25 else .07 end
             then t0 + make_interval(days => due_final - received_on + 2 + floor(r_t3 * 15)::int)
           when due_replaced is not null
             then t0 + make_interval(days => due_replaced - received_on + 1 + floor(r_t4 * (due_final - due_replaced))::int)
           else t0 + make_interval(days => 18 + floor(r_t5 * 24)::int) end) end as resolved1_at
  from step12 offset 0
), step14 as (
  select *,
    case when reopens then resolved1_at + interval '5 days' + r_t6 * interval '10 days' end as reopened_at
  from step13 offset 0
), step15 as (
  select *,
    case when reopens then reopened_at + interval '8 days' + r_t7 * interval '12 days' end as resolved2_at,
    case when fate in ('escalated', 'closed_by_party') then resolved1_at + interval '7 days' + r_t8 * interval '21 days' end as escalated_at
  from step14 offset 0
), step16 as (
  select *,
    case when fate = 'closed_by_party' then escalated_at + interval '14 days' + r_t9 * interval '31 days' end as closed_at,
    case when fate = 'not_admissible' then greatest(ready_at + interval '2 hours',
      case when r_res < .12 then t0 + make_interval(days => 29 + floor(r_t3 * 16)::int)
           else t0 + make_interval(days => 2 + floor(r_t3 * 25)::int) end) end as na_at,
    case when fate = 'withdrawn' then greatest(coalesce(copy_at, ready_at) + interval '2 hours', t0 + make_interval(days => 3 + floor(r_t3 * 40)::int)) end as withdrawn_at
  from step15 offset 0
)
select id, i, channel, received_on, t0, fate, ground, final_outcome, reopens, party_choice, contracting_party_id, staff_id,
  handler_id, category_id, r_reg, r_inc, r_name1, r_name2, r_t1, ext1_due, ext2_due0 as ext2_due, due0,
  -- A step later than now has not happened (yet); steps follow each other, so neither has any step after it.
  case when assign_at <= $2 then assign_at end as assign_at,
  case when ack_at <= $2 then ack_at end as ack_at,
  case when copy_at <= $2 then copy_at end as copy_at,
  case when info_req_at <= $2 then info_req_at end as info_req_at,
  case when info_ans_at <= $2 then info_ans_at end as info_ans_at,
  info_req_at as info_req_planned,
  case when hearing_planned_at <= $2 then hearing_planned_at end as hearing_planned_at,
  hearing_held,
  case when hearing_decided_at <= $2 then hearing_decided_at end as hearing_decided_at,
  hearing_decided_at as hearing_planned_for,
  case when ext1_at <= $2 then ext1_at end as ext1_at,
  case when ext2_at <= $2 then ext2_at end as ext2_at,
  case when resolved1_at <= $2 then resolved1_at end as resolved1_at,
  case when reopened_at <= $2 then reopened_at end as reopened_at,
  case when resolved2_at <= $2 then resolved2_at end as resolved2_at,
  case when escalated_at <= $2 then escalated_at end as escalated_at,
  case when closed_at <= $2 then closed_at end as closed_at,
  case when na_at <= $2 then na_at end as na_at,
  case when withdrawn_at <= $2 then withdrawn_at end as withdrawn_at
from step16`;

/** The status each plan row has reached now, and the facts on the complaint row that go with it. */
export const PLAN_STATUS_SQL = `
alter table bench_plan add column status complaint_status, add column outcome outcome, add column last_at timestamptz, add column steps int;
update bench_plan set
  status = case
    when closed_at is not null then 'closed_by_party'
    when escalated_at is not null then 'escalated'
    when resolved2_at is not null then 'resolved'
    when reopened_at is not null then 'in_progress'
    when resolved1_at is not null then 'resolved'
    when na_at is not null then 'not_admissible'
    when withdrawn_at is not null then 'withdrawn'
    when info_req_at is not null and info_ans_at is null then 'info_requested'
    when hearing_planned_at is not null or hearing_decided_at is not null or info_ans_at is not null or copy_at is not null then 'in_progress'
    when ack_at is not null then 'acknowledged'
    else 'received' end::complaint_status,
  last_at = greatest(t0, assign_at, ack_at, copy_at, info_req_at, info_ans_at, hearing_planned_at, hearing_decided_at, ext1_at, ext2_at,
                     resolved1_at, reopened_at, resolved2_at, escalated_at, closed_at, na_at, withdrawn_at),
  steps = 1 + (assign_at is not null)::int + (ack_at is not null)::int + (copy_at is not null)::int + (info_req_at is not null)::int
    + (info_ans_at is not null)::int + (hearing_planned_at is not null)::int + (hearing_decided_at is not null)::int + (ext1_at is not null)::int
    + (ext2_at is not null)::int + (resolved1_at is not null)::int + (reopened_at is not null)::int + (resolved2_at is not null)::int
    + (escalated_at is not null)::int + (closed_at is not null)::int + (na_at is not null)::int + (withdrawn_at is not null)::int;
update bench_plan set outcome = case when status in ('resolved', 'escalated', 'closed_by_party')
  then case when reopens and resolved2_at is null then 'not_upheld' else final_outcome end end::outcome;`;

const FIRST = `array['Anouk','Bram','Chantal','Daan','Esther','Freek','Gerda','Hanneke','Ivo','Jolanda','Kees','Lotte','Martijn','Nadia',
  'Olaf','Petra','Rik','Samira','Tom','Ulla','Vincent','Wendy','Yusuf','Zoë','Henk','Ria','Mohamed','Ilse','Sander','Khadija']`;
const LAST = `array['de Jong','Jansen','de Vries','van den Berg','van Dijk','Bakker','Janssen','Visser','Smit','Meijer','de Boer','Mulder',
  'de Groot','Bos','Vos','Peters','Hendriks','van Leeuwen','Dekker','Brouwer','de Wit','Dijkstra','Smits','de Graaf',
  'van der Meer','van der Linden','Kok','Jacobs','de Haan','Vermeulen','van den Heuvel','van der Veen','van den Broek',
  'de Bruijn','de Bruin','van der Heijden','Schouten','van Beek','Willems','van Vliet','van de Ven','Hoekstra','Maas',
  'Verhoeven','Koster','van Dam','van der Wal','Prins','Blom','Huisman','Aydın','Bouzidi','Yılmaz','El Amrani']`;

/**
 * The complaints. `extraColumns`/`extraValues`: columns a later migration adds that the seed fills set-based (the
 * milestones), as SQL over the plan row `p`. $1 terms (jsonb).
 */
export function complaintsInsertSql(extraColumns = '', extraValues = ''): string {
  return `
insert into complaints (id, reference, status, channel, received_on, registered_by, locale, complainant_name, complainant_email,
  category_id, concerns_staff_id, description, incident_date, incident_ongoing, party_choice, contracting_party_id, consent_at, terms,
  handler_id, resolution_extended_to, extension_count, copy_sent_on, hearing_state, hearing_on, outcome, not_admissible_ground,
  status_token_hash, version, created_at, updated_at${extraColumns})
select p.id,
  'KL-' || extract(year from p.received_on) || '-' || lpad(p.i::text, 7, '0'),
  p.status, p.channel, p.received_on,
  case when p.channel <> 'online' then p.handler_id end,
  case when p.r_name2 < .05 then 'en' else 'nl' end::locale,
  (${FIRST})[1 + floor(p.r_name1 * 30)::int] || ' ' || (${LAST})[1 + floor(p.r_name2 * 54)::int],
  'klager' || p.i || '@mail.test',
  p.category_id, p.staff_id,
  'Benchmarkklacht ' || p.i,
  case when p.ground = 'incident_older_than_limit' then p.received_on - 400 - floor(p.r_inc * 300)::int
       when p.r_inc < .25 then null else p.received_on - floor(p.r_inc * 250)::int end,
  p.ground is distinct from 'incident_older_than_limit' and p.r_inc < .25,
  p.party_choice, p.contracting_party_id,
  p.t0, $1::jsonb,
  case when p.assign_at is not null then p.handler_id end,
  case when p.ext2_at is not null then p.ext2_due when p.ext1_at is not null then p.ext1_due end,
  (p.ext1_at is not null)::int + (p.ext2_at is not null)::int,
  (p.copy_at at time zone 'Europe/Amsterdam')::date,
  case when p.hearing_decided_at is not null then case when p.hearing_held then 'held' else 'skipped' end
       when p.hearing_planned_at is not null then 'planned' end::hearing_state,
  case when p.hearing_held and p.hearing_planned_at is not null then (p.hearing_planned_for at time zone 'Europe/Amsterdam')::date end,
  p.outcome,
  case when p.status = 'not_admissible' then p.ground end,
  md5('bench-reports-' || p.i),
  p.steps, p.t0, p.last_at${extraValues}
from bench_plan p`;
}

/** One history row per step taken, in the order taken; actions, statuses and details as lib/complaints/steps writes them. */
export const HISTORY_SQL = `
insert into complaint_history (complaint_id, at, actor_user_id, actor_label, action, from_status, to_status, reason, details)
select p.id, s.at, s.actor, s.label, s.action, s.from_status::complaint_status, s.to_status::complaint_status, s.reason, s.details
from bench_plan p
cross join lateral (
  select case when p.copy_at is not null then 'in_progress' else 'acknowledged' end as worked,
         case when p.channel = 'online' then 'acknowledged' else 'received' end as at_assign
) w
cross join lateral (values
  (1, p.t0, case when p.channel = 'online' then null else p.handler_id end, case when p.channel = 'online' then 'client' end,
      case when p.channel = 'online' then 'received' else 'registered' end, null, 'received', null::text,
      jsonb_build_object('channel', p.channel, 'receivedOn', p.received_on, 'olderThanLimit', p.ground = 'incident_older_than_limit')),
  (2, case when p.channel = 'online' then p.ack_at end, null, 'system', 'acknowledged', 'received', 'acknowledged', null,
      jsonb_build_object('medium', 'email')),
  (3, p.assign_at, $1::int, null, 'assigned', w.at_assign, w.at_assign, null, jsonb_build_object('handlerId', p.handler_id)),
  (4, case when p.channel <> 'online' then p.ack_at end, p.handler_id, null, 'acknowledged', 'received', 'acknowledged', null,
      jsonb_build_object('medium', 'email', 'late', (p.ack_at at time zone 'Europe/Amsterdam')::date > p.received_on + 14)),
  (5, p.copy_at, p.handler_id, null, 'copy_sent', 'acknowledged', 'in_progress', null,
      jsonb_build_object('sentOn', (p.copy_at at time zone 'Europe/Amsterdam')::date, 'via', 'email')),
  (6, p.info_req_at, p.handler_id, null, 'info_requested', w.worked, 'info_requested', null,
      jsonb_build_object('question', 'Kunt u de datum van het gesprek noemen?', 'answerBy', (p.info_req_at at time zone 'Europe/Amsterdam')::date + 10, 'medium', 'email')),
  (7, p.info_ans_at, p.handler_id, null, 'info_received', 'info_requested', 'in_progress', null,
      jsonb_build_object('answeredOn', (p.info_ans_at at time zone 'Europe/Amsterdam')::date, 'via', 'phone')),
  (8, p.hearing_planned_at, p.handler_id, null, 'hearing_planned', case when p.info_ans_at is not null then 'in_progress' else w.worked end, 'in_progress', null,
      jsonb_build_object('on', (p.hearing_planned_for at time zone 'Europe/Amsterdam')::date)),
  (9, p.hearing_decided_at, p.handler_id, null, case when p.hearing_held then 'hearing_held' else 'hearing_skipped' end,
      case when p.hearing_held or p.info_ans_at is not null then 'in_progress' else w.worked end, 'in_progress',
      case when not p.hearing_held then 'De klager ziet af van een hoorgesprek.' end,
      case when p.hearing_held then jsonb_build_object('heldOn', (p.hearing_decided_at at time zone 'Europe/Amsterdam')::date) else jsonb_build_object('ground', 'waived') end),
  (10, p.ext1_at, p.handler_id, null, 'extended', 'in_progress', 'in_progress', 'Wij wachten op stukken van de opdrachtgever.',
      jsonb_build_object('previousDue', p.due0, 'newDue', p.ext1_due, 'days', p.ext1_due - p.due0, 'consent', false)),
  (11, p.ext2_at, p.handler_id, null, 'extended', 'in_progress', 'in_progress', 'De klager stemt in met meer tijd.',
      jsonb_build_object('previousDue', p.ext1_due, 'newDue', p.ext2_due, 'days', p.ext2_due - p.ext1_due, 'consent', true)),
  (12, p.resolved1_at, p.handler_id, null, 'resolved', 'in_progress', 'resolved', 'Bevindingen.',
      jsonb_build_object('outcome', case when p.reopens then 'not_upheld'::outcome else p.final_outcome end)),
  (13, p.reopened_at, $1::int, null, 'reopened', 'resolved', 'in_progress', 'Nieuwe feiten.', '{}'::jsonb),
  (14, p.resolved2_at, p.handler_id, null, 'resolved', 'in_progress', 'resolved', 'Bevindingen.', jsonb_build_object('outcome', p.final_outcome)),
  (15, p.escalated_at, p.handler_id, null, 'escalated', 'resolved', 'escalated', 'De klager is het niet eens met de uitkomst.',
      jsonb_build_object('contractingPartyId', p.contracting_party_id)),
  (16, p.closed_at, p.handler_id, null, 'closed_by_party', 'escalated', 'closed_by_party', null,
      jsonb_build_object('receivedOn', (p.closed_at at time zone 'Europe/Amsterdam')::date)),
  (17, p.na_at, p.handler_id, null, 'not_admissible', 'acknowledged', 'not_admissible', 'Reden.',
      jsonb_build_object('ground', p.ground, 'late', (p.na_at at time zone 'Europe/Amsterdam')::date > p.received_on + 28)),
  (18, p.withdrawn_at, p.handler_id, null, 'withdrawn', w.worked, 'withdrawn', 'De klager trekt de klacht in.',
      jsonb_build_object('withdrawnOn', (p.withdrawn_at at time zone 'Europe/Amsterdam')::date))
) as s(seq, at, actor, label, action, from_status, to_status, reason, details)
where s.at is not null`;
// No ORDER BY: the plan table is read in the order it was written (by complaint) and each complaint's steps in the
// order listed, so history ids follow time within a complaint without sorting 7 million rows (the integrity check and
// the milestone replay of scripts/bench-reports.ts would notice otherwise).

export const INVOLVED_SQL = `
insert into complaint_involved (complaint_id, staff_id, name, involvement, created_at)
select p.id, p.staff_id, s.name, 'subject', p.t0 from bench_plan p join staff s on s.id = p.staff_id`;

export const INFO_REQUESTS_SQL = `
insert into information_requests (complaint_id, question, answer_by, asked_at, asked_by, answer, answered_on, answer_via, answer_recorded_by)
select p.id, 'Kunt u de datum van het gesprek noemen?', (p.info_req_at at time zone 'Europe/Amsterdam')::date + 10, p.info_req_at, p.handler_id,
  case when p.info_ans_at is not null then 'Het was op een dinsdag.' end, (p.info_ans_at at time zone 'Europe/Amsterdam')::date,
  case when p.info_ans_at is not null then 'phone' end::contact_medium, case when p.info_ans_at is not null then p.handler_id end
from bench_plan p where p.info_req_at is not null`;

/**
 * A few thousand measures, each following from 1–3 (partly) upheld complaints and created when the first was resolved:
 * planned, in progress (some overdue), done (with the day) or dropped (with a reason); most with a category of
 * complaints they should reduce; linked to their complaints, each with its history (created, linked, status changed).
 * Parameters per statement: see MEASURES_PARAMS.
 */
export const MEASURES_SQL = [
  `create unlogged table bench_measure_links as
with upheld as (
  select id, category_id, coalesce(resolved2_at, resolved1_at) as resolved_at, row_number() over (order by md5(id::text)) as rn
  from bench_plan where outcome in ('upheld', 'partly_upheld')
)
select $2::int + m as measure_id, m, k, u.id as complaint_id, u.category_id, u.resolved_at
from generate_series(1, $1::int) m
cross join lateral generate_series(1, 1 + (m % 7 = 0)::int + (m % 11 = 0)::int) k
join upheld u on u.rn = (m - 1) * 3 + k`,
  `create unlogged table bench_measures as
select l.measure_id, l.m, l.category_id, l.resolved_at as created_at, (l.resolved_at at time zone 'Europe/Amsterdam')::date as created_on,
  case when ($1::date - (l.resolved_at at time zone 'Europe/Amsterdam')::date) > 240 then
         case when l.m % 10 < 8 then 'done' when l.m % 10 = 8 then 'dropped' else 'in_progress' end
       else case when l.m % 10 < 3 then 'done' when l.m % 10 < 6 then 'in_progress' when l.m % 10 < 9 then 'planned' else 'dropped' end
  end::measure_status as status
from bench_measure_links l where l.k = 1`,
  `insert into measures (id, description, reason, owner, due_on, category_id, status, done_on, dropped_reason, version, created_by, created_at, updated_at)
select measure_id, 'Benchmarkmaatregel ' || m, 'Naar aanleiding van klachten.',
  (array['Teamleider Den Bosch','Teamleider Oss','Kwaliteitsmanager','Hoofd bedrijfsvoering'])[1 + m % 4],
  created_on + 30 + (m * 37) % 120,
  case when m % 5 <> 0 then category_id end,
  status, case when status = 'done' then least($1::date, created_on + 20 + (m * 53) % 200) end,
  case when status = 'dropped' then 'Niet meer nodig na de reorganisatie.' end,
  1 + (status <> 'planned')::int, $2::int, created_at, created_at
from bench_measures`,
  `insert into complaint_measures (complaint_id, measure_id, linked_at)
select l.complaint_id, l.measure_id, greatest(l.resolved_at, m.created_at) from bench_measure_links l join bench_measures m using (measure_id)`,
  `insert into measure_history (measure_id, at, actor_user_id, action, reason, details)
select measure_id, at, $1::int, action, reason, details from (
  select m.measure_id, m.created_at as at, 0 as seq, 'created' as action, null as reason,
    jsonb_build_object('description', 'Benchmarkmaatregel ' || m.m, 'status', 'planned') as details
  from bench_measures m
  union all
  select l.measure_id, greatest(l.resolved_at, m.created_at), l.k, 'linked', null, jsonb_build_object('complaintId', l.complaint_id)
  from bench_measure_links l join bench_measures m using (measure_id)
  union all
  select m.measure_id, least(m.created_at + interval '10 days', now()), 10, 'status_changed', case when m.status = 'dropped' then 'Niet meer nodig na de reorganisatie.' end,
    jsonb_build_object('status', jsonb_build_object('from', 'planned', 'to', m.status))
  from bench_measures m where m.status <> 'planned'
) x order by measure_id, seq`,
];

/** Which values each statement of MEASURES_SQL takes, in order. */
export const MEASURES_PARAMS = [['count', 'firstId'], ['today'], ['today', 'manager'], [], ['manager']] as const;
