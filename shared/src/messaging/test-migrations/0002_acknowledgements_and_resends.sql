ALTER TABLE "messaging_test"."outbox" ADD COLUMN "resends" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "messaging_test"."outbox" ADD COLUMN "responds_to" text;--> statement-breakpoint
CREATE INDEX "outbox_awaiting_idx" ON "messaging_test"."outbox" USING btree ("next_attempt_at") WHERE status = 'AWAITING_ACKNOWLEDGEMENT';--> statement-breakpoint
CREATE INDEX "outbox_responds_to_idx" ON "messaging_test"."outbox" USING btree ("responds_to") WHERE responds_to is not null;