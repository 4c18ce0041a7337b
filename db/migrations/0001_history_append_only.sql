-- The complaint history is append-only: no one can edit or remove a step, whatever code path they take.
CREATE FUNCTION complaint_history_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'complaint_history is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER complaint_history_no_update_delete
  BEFORE UPDATE OR DELETE ON complaint_history
  FOR EACH ROW EXECUTE FUNCTION complaint_history_append_only();
--> statement-breakpoint
CREATE TRIGGER complaint_history_no_truncate
  BEFORE TRUNCATE ON complaint_history
  FOR EACH STATEMENT EXECUTE FUNCTION complaint_history_append_only();
