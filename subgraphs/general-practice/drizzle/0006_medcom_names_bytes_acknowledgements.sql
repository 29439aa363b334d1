ALTER TABLE "general_practice"."children" ADD COLUMN "given_names" text;--> statement-breakpoint
ALTER TABLE "general_practice"."children" ADD COLUMN "family_name" text;--> statement-breakpoint
ALTER TABLE "general_practice"."letters" ADD COLUMN "header_id" text;--> statement-breakpoint
ALTER TABLE "general_practice"."letters" ADD COLUMN "bundle" text;--> statement-breakpoint
ALTER TABLE "general_practice"."outbox" ADD COLUMN "resends" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "general_practice"."outbox" ADD COLUMN "responds_to" text;--> statement-breakpoint
ALTER TABLE "general_practice"."replies" ADD COLUMN "bundle_text" text;--> statement-breakpoint
CREATE INDEX "outbox_awaiting_idx" ON "general_practice"."outbox" USING btree ("next_attempt_at") WHERE status = 'AWAITING_ACKNOWLEDGEMENT';--> statement-breakpoint
CREATE INDEX "outbox_responds_to_idx" ON "general_practice"."outbox" USING btree ("responds_to") WHERE responds_to is not null;--> statement-breakpoint
ALTER TABLE "general_practice"."letters" ADD CONSTRAINT "letters_header_id_unique" UNIQUE("header_id");