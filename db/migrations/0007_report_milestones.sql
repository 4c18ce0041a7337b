ALTER TABLE "complaints" ADD COLUMN "acknowledged_on" date;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "not_admissible_on" date;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "resolved_on" date;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "closed_on" date;--> statement-breakpoint
CREATE INDEX "complaints_report_received_idx" ON "complaints" USING btree ("received_on","channel","status","category_id");--> statement-breakpoint
CREATE INDEX "complaints_report_category_idx" ON "complaints" USING btree ("category_id","received_on");--> statement-breakpoint
CREATE INDEX "complaints_report_closed_idx" ON "complaints" USING btree ("closed_on") WHERE "complaints"."closed_on" is not null;--> statement-breakpoint
CREATE INDEX "complaints_report_resolved_idx" ON "complaints" USING btree ("resolved_on") WHERE "complaints"."resolved_on" is not null;--> statement-breakpoint
CREATE INDEX "complaints_report_ack_due_idx" ON "complaints" USING btree ("acknowledgement_due");--> statement-breakpoint
CREATE INDEX "complaints_report_notice_due_idx" ON "complaints" USING btree ("notice_due");--> statement-breakpoint
CREATE INDEX "complaints_report_resolution_due_idx" ON "complaints" USING btree ("resolution_due");--> statement-breakpoint
-- The management report needs the day each clock stopped. The history says it; these columns keep it at hand, set by
-- the history itself (every status change writes a history row in the step's transaction), so they can never drift.
-- Days are calendar days in Europe/Amsterdam, like received_on.
CREATE FUNCTION complaint_history_milestones() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  day date := (NEW.at AT TIME ZONE 'Europe/Amsterdam')::date;
BEGIN
  IF NEW.to_status IS NULL OR NEW.from_status IS NULL OR NEW.to_status = NEW.from_status THEN
    RETURN NULL;
  END IF;
  IF NEW.from_status = 'resolved' AND NEW.to_status = 'in_progress' THEN
    -- Reopened: the resolution is undone, its clock runs again.
    UPDATE complaints SET resolved_on = NULL, closed_on = NULL WHERE id = NEW.complaint_id;
    RETURN NULL;
  END IF;
  UPDATE complaints SET
    acknowledged_on = CASE WHEN NEW.from_status = 'received' THEN coalesce(acknowledged_on, day) ELSE acknowledged_on END,
    not_admissible_on = CASE WHEN NEW.to_status = 'not_admissible' THEN day ELSE not_admissible_on END,
    resolved_on = CASE WHEN NEW.to_status = 'resolved' THEN day ELSE resolved_on END,
    closed_on = CASE WHEN NEW.to_status IN ('resolved', 'not_admissible', 'withdrawn') THEN day ELSE closed_on END
  WHERE id = NEW.complaint_id;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER complaint_history_milestones
  AFTER INSERT ON complaint_history
  FOR EACH ROW EXECUTE FUNCTION complaint_history_milestones();
--> statement-breakpoint
-- The complaints received before this migration: the same days, read back from their history.
WITH h AS (
  SELECT complaint_id, from_status, to_status, id, (at AT TIME ZONE 'Europe/Amsterdam')::date AS day
  FROM complaint_history
  WHERE from_status IS NOT NULL AND to_status IS NOT NULL AND from_status <> to_status
), m AS (
  SELECT c.id,
    (SELECT min(h.day) FROM h WHERE h.complaint_id = c.id AND h.from_status = 'received') AS acknowledged_on,
    CASE WHEN c.status = 'not_admissible' THEN
      (SELECT h.day FROM h WHERE h.complaint_id = c.id AND h.to_status = 'not_admissible' ORDER BY h.id DESC LIMIT 1) END AS not_admissible_on,
    CASE WHEN c.status IN ('resolved', 'escalated', 'closed_by_party') THEN
      (SELECT h.day FROM h WHERE h.complaint_id = c.id AND h.to_status = 'resolved' ORDER BY h.id DESC LIMIT 1) END AS resolved_on,
    CASE WHEN c.status IN ('resolved', 'escalated', 'closed_by_party', 'not_admissible', 'withdrawn') THEN
      (SELECT h.day FROM h WHERE h.complaint_id = c.id AND h.to_status IN ('resolved', 'not_admissible', 'withdrawn') ORDER BY h.id DESC LIMIT 1) END AS closed_on
  FROM complaints c
)
UPDATE complaints c SET acknowledged_on = m.acknowledged_on, not_admissible_on = m.not_admissible_on,
  resolved_on = m.resolved_on, closed_on = m.closed_on
FROM m WHERE m.id = c.id
  AND (m.acknowledged_on, m.not_admissible_on, m.resolved_on, m.closed_on) IS DISTINCT FROM (NULL::date, NULL::date, NULL::date, NULL::date);
