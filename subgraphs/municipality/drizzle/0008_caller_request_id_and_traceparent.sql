ALTER TABLE "municipality"."access_log" ADD COLUMN "caller_request_id" text;--> statement-breakpoint
ALTER TABLE "municipality"."outbox" ADD COLUMN "traceparent" text;