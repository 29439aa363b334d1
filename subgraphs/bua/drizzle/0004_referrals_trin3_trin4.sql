CREATE TABLE "bua"."contact_person_events" (
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
CREATE TABLE "bua"."medication_agreements" (
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
CREATE TABLE "bua"."municipal_interventions" (
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
	"recorded_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bua"."network_meetings" (
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
CREATE TABLE "bua"."outbox" (
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
CREATE TABLE "bua"."received_messages" (
	"message_id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"sender" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"payload" jsonb NOT NULL,
	"response" jsonb
);
--> statement-breakpoint
CREATE TABLE "bua"."referrals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"message_id" text NOT NULL,
	"child_id" text NOT NULL,
	"cpr" text NOT NULL,
	"birth_date" date NOT NULL,
	"referrer_sector" text NOT NULL,
	"referrer_organisation" text NOT NULL,
	"municipality_code" integer NOT NULL,
	"ydernummer" text NOT NULL,
	"requester_name" text NOT NULL,
	"requester_role" text NOT NULL,
	"reason" text NOT NULL,
	"step_reached" text NOT NULL,
	"acute" boolean NOT NULL,
	"interventions_tried" jsonb NOT NULL,
	"screening_result_ids" jsonb NOT NULL,
	"consents" jsonb NOT NULL,
	"emergency_phone_contact" jsonb,
	"notification_filed" jsonb,
	"sent_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"history" jsonb NOT NULL,
	"communicated" jsonb NOT NULL,
	"visitation_decision" text,
	"visitation_reason" text,
	"visitation_decided_by" text,
	"outcome" jsonb,
	"parent_communication" jsonb,
	"bundle" jsonb NOT NULL,
	CONSTRAINT "referrals_message_id_unique" UNIQUE("message_id")
);
--> statement-breakpoint
CREATE TABLE "bua"."transition_plans" (
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
CREATE INDEX "contact_person_events_child_id_id_index" ON "bua"."contact_person_events" USING btree ("child_id","id");--> statement-breakpoint
CREATE INDEX "medication_agreements_child_id_atc_code_index" ON "bua"."medication_agreements" USING btree ("child_id","atc_code");--> statement-breakpoint
CREATE INDEX "municipal_interventions_child_idx" ON "bua"."municipal_interventions" USING btree ("child_id","id");--> statement-breakpoint
CREATE INDEX "network_meetings_child_id_id_index" ON "bua"."network_meetings" USING btree ("child_id","id");--> statement-breakpoint
CREATE INDEX "outbox_due_idx" ON "bua"."outbox" USING btree ("next_attempt_at","sequence") WHERE status = 'QUEUED';--> statement-breakpoint
CREATE INDEX "outbox_pending_child_idx" ON "bua"."outbox" USING btree ("child_id","destination","sequence") WHERE status in ('QUEUED', 'FAILED');--> statement-breakpoint
CREATE INDEX "referrals_worklist_idx" ON "bua"."referrals" USING btree ("status","received_at","id");--> statement-breakpoint
CREATE INDEX "referrals_received_idx" ON "bua"."referrals" USING btree ("received_at","id");--> statement-breakpoint
CREATE INDEX "referrals_child_idx" ON "bua"."referrals" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "transition_plans_child_id_id_index" ON "bua"."transition_plans" USING btree ("child_id","id");