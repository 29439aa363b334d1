DROP INDEX "general_practice"."outbox_queued_child_idx";--> statement-breakpoint
ALTER TABLE "general_practice"."received_messages" ADD COLUMN "response" jsonb;--> statement-breakpoint
CREATE INDEX "outbox_pending_child_idx" ON "general_practice"."outbox" USING btree ("child_id","destination","sequence") WHERE status in ('QUEUED', 'FAILED');--> statement-breakpoint
-- The message kinds got the names of the message contract; messages queued or recorded before keep their meaning.
UPDATE "general_practice"."outbox" SET "kind" = 'correspondence-letter' WHERE "kind" = 'care-communication';--> statement-breakpoint
UPDATE "general_practice"."received_messages" SET "kind" = 'correspondence-reply' WHERE "kind" = 'care-communication';--> statement-breakpoint
UPDATE "general_practice"."received_messages" SET "kind" = 'letter-receipt' WHERE "kind" = 'status';
