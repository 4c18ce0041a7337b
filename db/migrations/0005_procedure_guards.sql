-- DESIGN rule 6: a complaint is never handled by someone involved in it, whatever code path writes to the database.
-- A user is involved when a staff record linked to them is among the complaint's involved staff.
CREATE FUNCTION complaint_handler_is_involved(complaint integer, handler integer) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT handler IS NOT NULL AND EXISTS (
    SELECT 1 FROM complaint_involved ci JOIN staff s ON s.id = ci.staff_id
    WHERE ci.complaint_id = complaint AND s.user_id = handler)
$$;
--> statement-breakpoint
-- Assigning an involved user is refused. When involvement of the current handler is recorded after assignment, the
-- complaint is blocked: no procedural change (status, terms, hearing, outcome …) until it is reassigned.
CREATE FUNCTION complaints_conflict_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NOT complaint_handler_is_involved(NEW.id, NEW.handler_id) THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'INSERT' OR NEW.handler_id IS DISTINCT FROM OLD.handler_id THEN
    RAISE EXCEPTION 'complaint %: user % is involved in it and may not handle it', NEW.id, NEW.handler_id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'complaint_handler_not_involved';
  END IF;
  IF (NEW.status, NEW.resolution_extended_to, NEW.extension_count, NEW.copy_sent_on, NEW.hearing_state, NEW.hearing_on,
      NEW.outcome, NEW.not_admissible_ground, NEW.contracting_party_id)
     IS DISTINCT FROM
     (OLD.status, OLD.resolution_extended_to, OLD.extension_count, OLD.copy_sent_on, OLD.hearing_state, OLD.hearing_on,
      OLD.outcome, OLD.not_admissible_ground, OLD.contracting_party_id) THEN
    RAISE EXCEPTION 'complaint %: blocked until reassigned, its handler (user %) is involved in it', NEW.id, NEW.handler_id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'complaint_blocked_while_handler_involved';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER complaints_conflict_guard
  BEFORE INSERT OR UPDATE ON complaints
  FOR EACH ROW EXECUTE FUNCTION complaints_conflict_guard();
