CREATE TABLE "municipality"."letter_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"letter_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"kind" text NOT NULL,
	"actor_subject" text,
	"actor_name" text,
	"detail" text
);
--> statement-breakpoint
CREATE TABLE "municipality"."letter_replies" (
	"id" uuid PRIMARY KEY NOT NULL,
	"letter_id" uuid NOT NULL,
	"message_id" text NOT NULL,
	"initiated" jsonb NOT NULL,
	"text" text NOT NULL,
	"contact_commitment" text,
	"contact_options" text,
	"replied_by_subject" text NOT NULL,
	"replied_by_name" text NOT NULL,
	"replied_by_role" text NOT NULL,
	"replied_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "letter_replies_letterId_unique" UNIQUE("letter_id"),
	CONSTRAINT "letter_replies_messageId_unique" UNIQUE("message_id")
);
--> statement-breakpoint
CREATE TABLE "municipality"."outbox" (
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
CREATE TABLE "municipality"."received_letters" (
	"id" uuid PRIMARY KEY NOT NULL,
	"message_id" text NOT NULL,
	"municipality_code" integer NOT NULL,
	"department" "municipality"."receiving_department" NOT NULL,
	"child_id" text NOT NULL,
	"cpr" text NOT NULL,
	"birth_date" date NOT NULL,
	"sender_ydernummer" text,
	"sender_gln" text NOT NULL,
	"sender_sor_code" text NOT NULL,
	"sender_name" text,
	"receiver_gln" text NOT NULL,
	"receiver_sor_code" text NOT NULL,
	"gp_signature" text,
	"gp_practitioner" jsonb,
	"conversation_id" text NOT NULL,
	"category" text NOT NULL,
	"topic" text,
	"subject" text NOT NULL,
	"text" text NOT NULL,
	"segments" jsonb NOT NULL,
	"step" text,
	"sent_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"received_on" date NOT NULL,
	"reply_due_on" date NOT NULL,
	"status" text DEFAULT 'RECEIVED' NOT NULL,
	"assignee_subject" text,
	"assignee_role" text,
	"assignee_name" text,
	"assigned_at" timestamp with time zone,
	"read_at" timestamp with time zone,
	"read_by" text,
	CONSTRAINT "received_letters_messageId_unique" UNIQUE("message_id")
);
--> statement-breakpoint
CREATE TABLE "municipality"."received_messages" (
	"message_id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"sender" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"payload" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "municipality"."municipalities" ADD COLUMN "reply_deadline_working_days" integer DEFAULT 10 NOT NULL;--> statement-breakpoint
ALTER TABLE "municipality"."letter_events" ADD CONSTRAINT "letter_events_letter_id_received_letters_id_fk" FOREIGN KEY ("letter_id") REFERENCES "municipality"."received_letters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "municipality"."letter_replies" ADD CONSTRAINT "letter_replies_letter_id_received_letters_id_fk" FOREIGN KEY ("letter_id") REFERENCES "municipality"."received_letters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "municipality"."received_letters" ADD CONSTRAINT "received_letters_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "municipality"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "letter_events_letter_idx" ON "municipality"."letter_events" USING btree ("letter_id","id");--> statement-breakpoint
CREATE INDEX "outbox_due_idx" ON "municipality"."outbox" USING btree ("next_attempt_at","sequence") WHERE status = 'QUEUED';--> statement-breakpoint
CREATE INDEX "outbox_queued_child_idx" ON "municipality"."outbox" USING btree ("child_id","sequence") WHERE status = 'QUEUED';--> statement-breakpoint
CREATE INDEX "received_letters_inbox_idx" ON "municipality"."received_letters" USING btree ("municipality_code","id");--> statement-breakpoint
CREATE INDEX "received_letters_child_idx" ON "municipality"."received_letters" USING btree ("child_id");