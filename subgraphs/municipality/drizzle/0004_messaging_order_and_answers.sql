DROP INDEX "municipality"."outbox_queued_child_idx";--> statement-breakpoint
ALTER TABLE "municipality"."received_messages" ADD COLUMN "response" jsonb;--> statement-breakpoint
CREATE INDEX "outbox_pending_child_idx" ON "municipality"."outbox" USING btree ("child_id","destination","sequence") WHERE status in ('QUEUED', 'FAILED');--> statement-breakpoint
-- The message kinds got the names of the message contract; messages queued or recorded before keep their meaning.
UPDATE "municipality"."outbox" SET "kind" = 'correspondence-reply' WHERE "kind" = 'care-communication';--> statement-breakpoint
UPDATE "municipality"."outbox" SET "kind" = 'letter-receipt' WHERE "kind" = 'status';--> statement-breakpoint
UPDATE "municipality"."received_messages" SET "kind" = 'correspondence-letter' WHERE "kind" = 'care-communication';
