CREATE TABLE "general_practice"."letter_status_history" (
	"id" uuid PRIMARY KEY NOT NULL,
	"letter_id" uuid NOT NULL,
	"status" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "general_practice"."letters" (
	"id" uuid PRIMARY KEY NOT NULL,
	"message_id" text NOT NULL,
	"practice" text NOT NULL,
	"child_id" text NOT NULL,
	"cpr" text NOT NULL,
	"recipient_municipality_code" integer NOT NULL,
	"recipient_inbox_gln" text NOT NULL,
	"recipient_inbox_name" text NOT NULL,
	"category" text NOT NULL,
	"topic" text NOT NULL,
	"subject" text NOT NULL,
	"text" text NOT NULL,
	"step" text NOT NULL,
	"consent_given_by" text NOT NULL,
	"consent_given_on" date NOT NULL,
	"signature_name" text NOT NULL,
	"signature_title" text NOT NULL,
	"signature_phone" text NOT NULL,
	"status" text NOT NULL,
	"sent_at" text NOT NULL,
	"reply_due_on" date NOT NULL,
	"created_by" text NOT NULL,
	CONSTRAINT "letters_message_id_unique" UNIQUE("message_id")
);
--> statement-breakpoint
CREATE TABLE "general_practice"."outbox" (
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
CREATE TABLE "general_practice"."received_messages" (
	"message_id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"sender" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"payload" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "general_practice"."replies" (
	"id" uuid PRIMARY KEY NOT NULL,
	"letter_id" uuid NOT NULL,
	"message_id" text NOT NULL,
	"text" text NOT NULL,
	"initiated_items" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"contact_commitment" text,
	"bundle" jsonb NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "replies_message_id_unique" UNIQUE("message_id")
);
--> statement-breakpoint
ALTER TABLE "general_practice"."letter_status_history" ADD CONSTRAINT "letter_status_history_letter_id_letters_id_fk" FOREIGN KEY ("letter_id") REFERENCES "general_practice"."letters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "general_practice"."replies" ADD CONSTRAINT "replies_letter_id_letters_id_fk" FOREIGN KEY ("letter_id") REFERENCES "general_practice"."letters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "letter_status_history_letter_idx" ON "general_practice"."letter_status_history" USING btree ("letter_id","id");--> statement-breakpoint
CREATE INDEX "letters_practice_idx" ON "general_practice"."letters" USING btree ("practice","id");--> statement-breakpoint
CREATE INDEX "letters_child_idx" ON "general_practice"."letters" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "outbox_due_idx" ON "general_practice"."outbox" USING btree ("next_attempt_at","sequence") WHERE status = 'QUEUED';--> statement-breakpoint
CREATE INDEX "outbox_queued_child_idx" ON "general_practice"."outbox" USING btree ("child_id","sequence") WHERE status = 'QUEUED';--> statement-breakpoint
CREATE INDEX "replies_letter_idx" ON "general_practice"."replies" USING btree ("letter_id");