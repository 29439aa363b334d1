ALTER TABLE "bua"."access_log" ADD COLUMN "caller_request_id" text;--> statement-breakpoint
ALTER TABLE "bua"."outbox" ADD COLUMN "traceparent" text;