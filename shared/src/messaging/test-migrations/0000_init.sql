CREATE SCHEMA "messaging_test";
--> statement-breakpoint
CREATE TABLE "messaging_test"."outbox" (
	"id" uuid PRIMARY KEY NOT NULL,
	"sequence" bigserial NOT NULL,
	"message_id" text NOT NULL,
	"child_id" text NOT NULL,
	"destination" text NOT NULL,
	"kind" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text DEFAULT 'QUEUED' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"delivered_at" timestamp with time zone,
	CONSTRAINT "outbox_message_id_unique" UNIQUE("message_id")
);
--> statement-breakpoint
CREATE TABLE "messaging_test"."received_messages" (
	"message_id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"sender" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"payload" jsonb NOT NULL
);
--> statement-breakpoint
CREATE INDEX "outbox_due_idx" ON "messaging_test"."outbox" USING btree ("next_attempt_at","sequence") WHERE status = 'QUEUED';--> statement-breakpoint
CREATE INDEX "outbox_queued_child_idx" ON "messaging_test"."outbox" USING btree ("child_id","sequence") WHERE status = 'QUEUED';