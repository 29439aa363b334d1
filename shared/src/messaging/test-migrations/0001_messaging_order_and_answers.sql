DROP INDEX "messaging_test"."outbox_queued_child_idx";--> statement-breakpoint
ALTER TABLE "messaging_test"."received_messages" ADD COLUMN "response" jsonb;--> statement-breakpoint
CREATE INDEX "outbox_pending_child_idx" ON "messaging_test"."outbox" USING btree ("child_id","destination","sequence") WHERE status in ('QUEUED', 'FAILED');