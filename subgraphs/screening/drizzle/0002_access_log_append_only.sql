-- The access log is evidence of who looked at a child's data: no API changes or deletes it, and neither may SQL.
CREATE FUNCTION "screening"."access_log_is_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the access log is append-only: % is not allowed', TG_OP;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "access_log_no_update_or_delete" BEFORE UPDATE OR DELETE ON "screening"."access_log"
  FOR EACH ROW EXECUTE FUNCTION "screening"."access_log_is_append_only"();
--> statement-breakpoint
CREATE TRIGGER "access_log_no_truncate" BEFORE TRUNCATE ON "screening"."access_log"
  FOR EACH STATEMENT EXECUTE FUNCTION "screening"."access_log_is_append_only"();
