ALTER TABLE "municipality"."letter_replies" ADD COLUMN "bundle" text;--> statement-breakpoint
ALTER TABLE "municipality"."outbox" ADD COLUMN "resends" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "municipality"."outbox" ADD COLUMN "responds_to" text;--> statement-breakpoint
ALTER TABLE "municipality"."received_letters" ADD COLUMN "replacement_cprs" jsonb;--> statement-breakpoint
ALTER TABLE "municipality"."received_letters" ADD COLUMN "child_given_names" text;--> statement-breakpoint
ALTER TABLE "municipality"."received_letters" ADD COLUMN "child_family_name" text;--> statement-breakpoint
ALTER TABLE "municipality"."received_letters" ADD COLUMN "bundle" text;--> statement-breakpoint
CREATE INDEX "outbox_awaiting_idx" ON "municipality"."outbox" USING btree ("next_attempt_at") WHERE status = 'AWAITING_ACKNOWLEDGEMENT';--> statement-breakpoint
CREATE INDEX "outbox_responds_to_idx" ON "municipality"."outbox" USING btree ("responds_to") WHERE responds_to is not null;