DROP INDEX "general_practice"."outbox_queued_child_idx";--> statement-breakpoint
ALTER TABLE "general_practice"."received_messages" ADD COLUMN "response" jsonb;--> statement-breakpoint
CREATE INDEX "outbox_pending_child_idx" ON "general_practice"."outbox" USING btree ("child_id","destination","sequence") WHERE status in ('QUEUED', 'FAILED');