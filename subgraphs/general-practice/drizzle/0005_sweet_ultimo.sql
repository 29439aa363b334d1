CREATE TABLE "general_practice"."contact_person_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"child_id" text NOT NULL,
	"organisation" text NOT NULL,
	"sector" text NOT NULL,
	"type" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"name" text,
	"role" text,
	"phone" text,
	"note" text,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "general_practice"."medication_agreements" (
	"id" uuid PRIMARY KEY NOT NULL,
	"referral_id" uuid NOT NULL,
	"child_id" text NOT NULL,
	"ydernummer" text NOT NULL,
	"atc_code" text NOT NULL,
	"medicine_name" text NOT NULL,
	"prescriber" text NOT NULL,
	"prescribes_from" date NOT NULL,
	"review_on" date NOT NULL,
	"note" text,
	"proposed_by" text NOT NULL,
	"proposed_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"response_by" text,
	"response_at" timestamp with time zone,
	"response_accepted" boolean,
	"response_reason" text,
	"superseded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "general_practice"."network_meetings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"child_id" text NOT NULL,
	"sector" text NOT NULL,
	"organisation" text NOT NULL,
	"held_on" date NOT NULL,
	"participants" jsonb NOT NULL,
	"summary" text NOT NULL,
	"actions" jsonb NOT NULL,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "general_practice"."referral_further_course" (
	"id" uuid PRIMARY KEY NOT NULL,
	"referral_id" uuid NOT NULL,
	"sector" text NOT NULL,
	"further_course" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"recorded_by" text,
	"message_id" text NOT NULL,
	CONSTRAINT "referral_further_course_message_id_unique" UNIQUE("message_id"),
	CONSTRAINT "referral_further_course_once" UNIQUE("referral_id","sector")
);
--> statement-breakpoint
CREATE TABLE "general_practice"."referrals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"role" text NOT NULL,
	"organisation" text NOT NULL,
	"message_id" text,
	"child_id" text NOT NULL,
	"cpr" text NOT NULL,
	"birth_date" date NOT NULL,
	"referrer_sector" text NOT NULL,
	"referrer_organisation" text NOT NULL,
	"municipality_code" integer NOT NULL,
	"ydernummer" text NOT NULL,
	"referral" jsonb,
	"requester" jsonb,
	"sent_at" timestamp with time zone,
	"created_by" text,
	"delivery" text,
	"delivery_note" text,
	"status" text NOT NULL,
	"history" jsonb NOT NULL,
	"visitation" jsonb,
	"outcome" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "referrals_message_id_unique" UNIQUE("message_id")
);
--> statement-breakpoint
CREATE INDEX "contact_person_events_child_id_id_index" ON "general_practice"."contact_person_events" USING btree ("child_id","id");--> statement-breakpoint
CREATE INDEX "medication_agreements_child_id_atc_code_index" ON "general_practice"."medication_agreements" USING btree ("child_id","atc_code");--> statement-breakpoint
CREATE INDEX "network_meetings_child_id_id_index" ON "general_practice"."network_meetings" USING btree ("child_id","id");--> statement-breakpoint
CREATE INDEX "referrals_organisation_idx" ON "general_practice"."referrals" USING btree ("organisation","id");--> statement-breakpoint
CREATE INDEX "referrals_child_idx" ON "general_practice"."referrals" USING btree ("child_id");