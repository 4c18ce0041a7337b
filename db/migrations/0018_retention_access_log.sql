-- Privacy (issue 12): anonymisation of closed complaints after the retention period (or on an erasure request), and
-- the access log of complaint files.
ALTER TABLE "complaints" ADD COLUMN "anonymised_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "anonymised_reason" text;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_anonymised_check" CHECK (
  ("complaints"."anonymised_at" is null) = ("complaints"."anonymised_reason" is null)
  and ("complaints"."anonymised_reason" is null or "complaints"."anonymised_reason" in ('retention', 'erasure')));--> statement-breakpoint
-- An anonymised complaint has no contact details left.
ALTER TABLE "complaints" DROP CONSTRAINT "complaints_contact_check";--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_contact_check" CHECK (
  "complaints"."complainant_email" is not null
  or ("complaints"."address_street" is not null and "complaints"."address_postcode" is not null and "complaints"."address_city" is not null)
  or "complaints"."anonymised_at" is not null);--> statement-breakpoint
CREATE INDEX "complaints_anonymised_idx" ON "complaints" USING btree ("anonymised_at") WHERE "complaints"."anonymised_at" is not null;--> statement-breakpoint
-- Due for anonymisation: closed, not yet anonymised (the retention query reads this index only).
CREATE INDEX "complaints_retention_idx" ON "complaints" USING btree ("closed_on") WHERE "complaints"."closed_on" is not null and "complaints"."anonymised_at" is null;--> statement-breakpoint
-- Who opened which complaint file, dossier PDF, attachment or letter (never part of the procedure's history).
CREATE TABLE "complaint_access_log" (
  "id" bigserial PRIMARY KEY,
  "complaint_id" integer NOT NULL REFERENCES "complaints"("id"),
  "user_id" integer NOT NULL REFERENCES "users"("id"),
  "opened_at" timestamp with time zone DEFAULT now() NOT NULL,
  "what" text NOT NULL,
  CONSTRAINT "complaint_access_log_what_check" CHECK ("what" in ('file', 'dossier', 'attachment', 'letter'))
);--> statement-breakpoint
CREATE INDEX "complaint_access_log_complaint_idx" ON "complaint_access_log" USING btree ("complaint_id", "opened_at" DESC, "id" DESC);--> statement-breakpoint
-- The history stays append-only (0001). The one exception is the redaction of an anonymised complaint: inside a
-- transaction that set `klachtloket.redact` to 'on' (set_config(..., true): it ends with the transaction), an UPDATE
-- may only take away: the reason may be cleared and details may only lose keys. Who, when, what and the status change
-- stay as they are; DELETE and TRUNCATE are refused as before.
CREATE OR REPLACE FUNCTION complaint_history_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  -- measure_history shares this function (0006): the redaction applies to complaint_history only, and the nested IF
  -- keeps complaint_history's columns from being read on another table's row.
  IF TG_OP = 'UPDATE' AND TG_TABLE_NAME = 'complaint_history'
     AND coalesce(current_setting('klachtloket.redact', true), '') = 'on' THEN
    IF (NEW.id, NEW.complaint_id, NEW.at, NEW.actor_user_id, NEW.actor_label, NEW.action, NEW.from_status, NEW.to_status)
         IS NOT DISTINCT FROM
         (OLD.id, OLD.complaint_id, OLD.at, OLD.actor_user_id, OLD.actor_label, OLD.action, OLD.from_status, OLD.to_status)
       AND (NEW.reason IS NULL OR NEW.reason IS NOT DISTINCT FROM OLD.reason)
       AND (NEW.details IS NULL OR (OLD.details IS NOT NULL AND OLD.details @> NEW.details)) THEN
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION 'complaint_history is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
