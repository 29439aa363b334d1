CREATE TABLE "municipality"."contact_person_events" (
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
CREATE TABLE "municipality"."municipal_interventions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"child_id" text NOT NULL,
	"municipality_code" integer NOT NULL,
	"kind" text NOT NULL,
	"step" text NOT NULL,
	"description" text NOT NULL,
	"started_on" date NOT NULL,
	"ended_on" date,
	"responsible" text NOT NULL,
	"effect" text,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"sent_to_bua_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "municipality"."network_meetings" (
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
CREATE TABLE "municipality"."referral_further_course" (
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
CREATE TABLE "municipality"."referrals" (
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
CREATE TABLE "municipality"."transition_plans" (
	"id" uuid PRIMARY KEY NOT NULL,
	"child_id" text NOT NULL,
	"source" text NOT NULL,
	"made_by" text NOT NULL,
	"organisation" text,
	"responsible_sector" text NOT NULL,
	"responsible_name" text NOT NULL,
	"responsible_role" text NOT NULL,
	"planned_on" date NOT NULL,
	"receiving_service" text NOT NULL,
	"individual_assessment" text NOT NULL,
	"consent_decision" text NOT NULL,
	"consent_decided_on" date NOT NULL,
	"consent_scope" text,
	"recorded_by" text,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "contact_person_events_child_id_id_index" ON "municipality"."contact_person_events" USING btree ("child_id","id");--> statement-breakpoint
CREATE INDEX "municipal_interventions_child_idx" ON "municipality"."municipal_interventions" USING btree ("child_id","id");--> statement-breakpoint
CREATE INDEX "network_meetings_child_id_id_index" ON "municipality"."network_meetings" USING btree ("child_id","id");--> statement-breakpoint
CREATE INDEX "referrals_organisation_idx" ON "municipality"."referrals" USING btree ("organisation","id");--> statement-breakpoint
CREATE INDEX "referrals_child_idx" ON "municipality"."referrals" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "transition_plans_child_id_id_index" ON "municipality"."transition_plans" USING btree ("child_id","id");