import { type SQL, sql } from 'drizzle-orm';
import type { ProcedureTerms } from '@/lib/procedure/terms';
import type { Db } from './client';

/**
 * The floor of the submission benchmark (`npm run bench:submit`, scripts/bench-submit.ts): the rows one online
 * submission leaves — the complaint (already acknowledged, with the year's next reference), its two history entries
 * and the acknowledgement in the outbox — written in one transaction with nothing else around them: no validation, no
 * rate limit, no settings, no rendering. Used by the bare route that exists only in the benchmark build
 * (app/api/bench/submit) and, as the same SQL over a bare `pg` pool, by the benchmark's raw loop.
 */
export type FloorSubmission = {
  year: number;
  receivedOn: string;
  now: Date;
  name: string;
  email: string;
  categoryId: number;
  description: string;
  terms: ProcedureTerms;
  tokenHash: string;
  idempotencyKey: string;
};

/** The three statements, in order; the history and outbox statements take the complaint id from the first. */
export function floorStatements(s: FloorSubmission) {
  const at = s.now.toISOString();
  return {
    complaint: sql`with n as (
        insert into reference_counters (year, last) values (${s.year}, 1)
        on conflict (year) do update set last = reference_counters.last + 1 returning last)
      insert into complaints (reference, status, version, channel, received_on, locale, complainant_name, complainant_email,
        category_id, description, incident_ongoing, party_choice, consent_at, terms, status_token_hash, idempotency_key,
        acknowledged_on, created_at, updated_at)
      select 'KL-' || ${s.year}::int || '-' || lpad(n.last::text, greatest(4, length(n.last::text)), '0'), 'acknowledged', 2, 'online',
        ${s.receivedOn}::date, 'nl', ${s.name}, ${s.email}, ${s.categoryId}, ${s.description}, true, 'municipality',
        ${at}::timestamptz, ${JSON.stringify(s.terms)}::jsonb, ${s.tokenHash}, ${s.idempotencyKey}::uuid, ${s.receivedOn}::date,
        ${at}::timestamptz, ${at}::timestamptz
      from n returning id, reference`,
    history: (complaintId: number): SQL => sql`insert into complaint_history (complaint_id, at, actor_label, action, from_status, to_status, details)
      values (${complaintId}, ${at}::timestamptz, 'client', 'received', null, 'received', ${JSON.stringify({ channel: 'online', receivedOn: s.receivedOn, olderThanLimit: false })}::jsonb),
             (${complaintId}, ${at}::timestamptz, 'system', 'acknowledged', 'received', 'acknowledged', ${JSON.stringify({ medium: 'email' })}::jsonb)`,
    outbox: (complaintId: number, reference: string): SQL => sql`insert into outbox (complaint_id, kind, medium, recipient, subject, body_text, created_at)
      values (${complaintId}, 'acknowledgement', 'email', ${s.email}, ${`Wij hebben uw klacht ${reference} ontvangen`}, ${`Uw referentienummer is ${reference}.`}, ${at}::timestamptz)`,
  };
}

/** The floor through the app's own database handle: one transaction, three statements. */
export async function insertFloorSubmission(db: Db, s: FloorSubmission): Promise<{ id: number; reference: string }> {
  const statements = floorStatements(s);
  return db.transaction(async (tx) => {
    const { rows } = (await tx.execute(statements.complaint)) as unknown as { rows: { id: number; reference: string }[] };
    const row = rows[0];
    if (!row) throw new Error('floor insert returned no row');
    await tx.execute(statements.history(row.id));
    await tx.execute(statements.outbox(row.id, row.reference));
    return row;
  });
}

/** What the floor needs once: an active category and the terms in force. */
export async function floorReferenceData(db: Db): Promise<{ categoryId: number; terms: ProcedureTerms }> {
  const { rows } = (await db.execute(sql`select (select id from categories where active order by sort_order limit 1) as category_id,
    (select terms from procedure_settings order by id desc limit 1) as terms`)) as unknown as { rows: { category_id: number; terms: ProcedureTerms | null }[] };
  const { DEFAULT_TERMS } = await import('@/lib/procedure/terms');
  return { categoryId: rows[0]!.category_id, terms: rows[0]!.terms ?? DEFAULT_TERMS };
}

/**
 * The floor of the step benchmark (`npm run bench:step`, scripts/bench-step.ts): the rows the handler step
 * "acknowledge" leaves — the complaint moved from received to acknowledged with its version raised (only at the
 * version the caller saw), its history entry and the acknowledgement in the outbox — in one transaction, with no
 * session, no validation, no guards and no rendering. Used only by the bare route app/api/bench/step.
 */
export async function acknowledgeFloor(db: Db, complaintId: number, version: number, now: Date): Promise<{ version: number } | null> {
  const at = now.toISOString();
  return db.transaction(async (tx) => {
    const { rows } = (await tx.execute(sql`update complaints set status = 'acknowledged', version = version + 1, updated_at = ${at}::timestamptz
      where id = ${complaintId} and version = ${version} and status = 'received'
      returning version, reference, complainant_email`)) as unknown as { rows: { version: number; reference: string; complainant_email: string | null }[] };
    const row = rows[0];
    if (!row) return null;
    await tx.execute(sql`with h as (
        insert into complaint_history (complaint_id, at, actor_label, action, from_status, to_status, details)
        values (${complaintId}, ${at}::timestamptz, 'system', 'acknowledged', 'received', 'acknowledged', ${JSON.stringify({ medium: 'email', late: false })}::jsonb))
      insert into outbox (complaint_id, kind, medium, recipient, subject, body_text, created_at)
      values (${complaintId}, 'acknowledgement', 'email', ${row.complainant_email ?? 'bench@example.test'}, ${`Wij hebben uw klacht ${row.reference} ontvangen`},
        ${`Uw referentienummer is ${row.reference}.`}, ${at}::timestamptz)`);
    return { version: row.version };
  });
}
