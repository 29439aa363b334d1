DROP INDEX "municipality"."outbox_queued_child_idx";--> statement-breakpoint
ALTER TABLE "municipality"."received_messages" ADD COLUMN "response" jsonb;--> statement-breakpoint
CREATE INDEX "outbox_pending_child_idx" ON "municipality"."outbox" USING btree ("child_id","destination","sequence") WHERE status in ('QUEUED', 'FAILED');