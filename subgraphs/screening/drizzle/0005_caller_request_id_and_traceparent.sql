ALTER TABLE "screening"."access_log" ADD COLUMN "caller_request_id" text;--> statement-breakpoint
ALTER TABLE "screening"."outbox" ADD COLUMN "traceparent" text;