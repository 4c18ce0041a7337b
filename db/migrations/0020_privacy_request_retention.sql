-- Privacy requests are anonymised like complaints, `retentionMonths` after they were closed (lib/privacy/retention.ts):
-- the requester's name, e-mail address and texts go; dates, kind, status and the steps of the event list stay.
ALTER TABLE "privacy_requests" ADD COLUMN "anonymised_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "privacy_requests" ADD CONSTRAINT "privacy_requests_anonymised_check" CHECK ("anonymised_at" is null or "closed_at" is not null);--> statement-breakpoint
-- Due for anonymisation: closed, not yet anonymised (the retention query reads this index only).
CREATE INDEX "privacy_requests_retention_idx" ON "privacy_requests" USING btree ("closed_at") WHERE "closed_at" is not null and "anonymised_at" is null;--> statement-breakpoint
-- The event list stays append-only (0019). The one exception, as for the complaint history (0018): inside a transaction
-- that set `klachtloket.redact` to 'on' (set_config(..., true): it ends with the transaction), an UPDATE may only take
-- keys out of the details. Who, when and what stay as they are; DELETE and TRUNCATE are refused as before.
CREATE OR REPLACE FUNCTION privacy_request_events_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND coalesce(current_setting('klachtloket.redact', true), '') = 'on' THEN
    IF (NEW.id, NEW.request_id, NEW.at, NEW.actor_user_id, NEW.action) IS NOT DISTINCT FROM (OLD.id, OLD.request_id, OLD.at, OLD.actor_user_id, OLD.action)
       AND OLD.details @> NEW.details THEN
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION 'privacy_request_events is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
