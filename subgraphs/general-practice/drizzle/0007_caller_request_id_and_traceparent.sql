ALTER TABLE "general_practice"."access_log" ADD COLUMN "caller_request_id" text;--> statement-breakpoint
ALTER TABLE "general_practice"."outbox" ADD COLUMN "traceparent" text;