CREATE TABLE "screening"."action_plans" (
	"id" uuid PRIMARY KEY NOT NULL,
	"child_id" text NOT NULL,
	"membership_id" uuid NOT NULL,
	"screening_result_id" uuid NOT NULL,
	"track" "screening"."screening_track" NOT NULL,
	"municipality_code" integer,
	"offer_ids" uuid[] NOT NULL,
	"responsible_sector" text NOT NULL,
	"responsible_organisation" text NOT NULL,
	"responsible_person_name" text NOT NULL,
	"responsible_person_phone" text,
	"follow_up_on" date NOT NULL,
	"note" text,
	"created_on" date NOT NULL,
	"created_by_subject" text NOT NULL,
	"created_by_name" text NOT NULL,
	"created_by_sector" text NOT NULL,
	"created_by_organisation" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"parties" text[] NOT NULL,
	"synthetic" boolean DEFAULT false NOT NULL,
	CONSTRAINT "action_plans_screeningResultId_unique" UNIQUE("screening_result_id")
);
--> statement-breakpoint
CREATE TABLE "screening"."outbox" (
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
CREATE TABLE "screening"."received_messages" (
	"message_id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"sender" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"payload" jsonb NOT NULL,
	"response" jsonb
);
--> statement-breakpoint
CREATE TABLE "screening"."screening_results" (
	"id" uuid PRIMARY KEY NOT NULL,
	"child_id" text NOT NULL,
	"membership_id" uuid NOT NULL,
	"track" "screening"."screening_track" NOT NULL,
	"municipality_code" integer,
	"instrument_id" text NOT NULL,
	"instrument_revision" text NOT NULL,
	"version_id" text NOT NULL,
	"informant" text NOT NULL,
	"band_scheme" text,
	"screening_date" date NOT NULL,
	"age_in_years" integer NOT NULL,
	"answers" jsonb NOT NULL,
	"scores" jsonb NOT NULL,
	"flags" jsonb NOT NULL,
	"threshold_outcomes" jsonb NOT NULL,
	"positive" boolean NOT NULL,
	"headline_score_id" text,
	"headline_score" integer,
	"higher_is_better" boolean,
	"meaningful_change" real,
	"recorded_by_subject" text NOT NULL,
	"recorded_by_name" text NOT NULL,
	"recorded_by_sector" text NOT NULL,
	"recorded_by_organisation" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"parties" text[] NOT NULL,
	"synthetic" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
ALTER TABLE "screening"."track_memberships" DROP CONSTRAINT "track_memberships_child_track_unique";--> statement-breakpoint
ALTER TABLE "screening"."track_memberships" ADD COLUMN "municipality_code" integer;--> statement-breakpoint
ALTER TABLE "screening"."track_memberships" ADD COLUMN "problem_area" text;--> statement-breakpoint
ALTER TABLE "screening"."track_memberships" ADD COLUMN "diagnosis_code" text;--> statement-breakpoint
ALTER TABLE "screening"."track_memberships" ADD COLUMN "relation" text;--> statement-breakpoint
ALTER TABLE "screening"."track_memberships" ADD COLUMN "registered_by_subject" text;--> statement-breakpoint
ALTER TABLE "screening"."track_memberships" ADD COLUMN "registered_by_name" text;--> statement-breakpoint
ALTER TABLE "screening"."track_memberships" ADD COLUMN "registered_by_sector" text;--> statement-breakpoint
ALTER TABLE "screening"."track_memberships" ADD COLUMN "registered_by_organisation" text;--> statement-breakpoint
ALTER TABLE "screening"."track_memberships" ADD COLUMN "registered_at" timestamp with time zone DEFAULT now();--> statement-breakpoint
ALTER TABLE "screening"."track_memberships" ADD COLUMN "parties" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "screening"."track_memberships" ADD COLUMN "ended_on" date;--> statement-breakpoint
ALTER TABLE "screening"."track_memberships" ADD COLUMN "end_reason" text;--> statement-breakpoint
ALTER TABLE "screening"."track_memberships" ADD COLUMN "ended_by_subject" text;--> statement-breakpoint
ALTER TABLE "screening"."track_memberships" ADD COLUMN "patient_consent_on" date;--> statement-breakpoint
ALTER TABLE "screening"."track_memberships" ADD COLUMN "contact_phone" text;--> statement-breakpoint
ALTER TABLE "screening"."track_memberships" ADD COLUMN "notification_message_id" text;--> statement-breakpoint
ALTER TABLE "screening"."track_memberships" ADD COLUMN "notification_status" text;--> statement-breakpoint
ALTER TABLE "screening"."track_memberships" ADD COLUMN "notification_received_on" date;--> statement-breakpoint
ALTER TABLE "screening"."track_memberships" ADD COLUMN "notification_error" text;--> statement-breakpoint
ALTER TABLE "screening"."action_plans" ADD CONSTRAINT "action_plans_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "screening"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening"."action_plans" ADD CONSTRAINT "action_plans_membership_id_track_memberships_id_fk" FOREIGN KEY ("membership_id") REFERENCES "screening"."track_memberships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening"."action_plans" ADD CONSTRAINT "action_plans_screening_result_id_screening_results_id_fk" FOREIGN KEY ("screening_result_id") REFERENCES "screening"."screening_results"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening"."screening_results" ADD CONSTRAINT "screening_results_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "screening"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening"."screening_results" ADD CONSTRAINT "screening_results_membership_id_track_memberships_id_fk" FOREIGN KEY ("membership_id") REFERENCES "screening"."track_memberships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "action_plans_child_idx" ON "screening"."action_plans" USING btree ("child_id","created_on");--> statement-breakpoint
CREATE INDEX "action_plans_membership_idx" ON "screening"."action_plans" USING btree ("membership_id");--> statement-breakpoint
CREATE INDEX "outbox_due_idx" ON "screening"."outbox" USING btree ("next_attempt_at","sequence") WHERE status = 'QUEUED';--> statement-breakpoint
CREATE INDEX "outbox_pending_child_idx" ON "screening"."outbox" USING btree ("child_id","destination","sequence") WHERE status in ('QUEUED', 'FAILED');--> statement-breakpoint
CREATE INDEX "screening_results_child_idx" ON "screening"."screening_results" USING btree ("child_id","screening_date");--> statement-breakpoint
CREATE INDEX "screening_results_membership_idx" ON "screening"."screening_results" USING btree ("membership_id","screening_date","id");--> statement-breakpoint
CREATE INDEX "screening_results_recorder_idx" ON "screening"."screening_results" USING btree ("recorded_by_sector","recorded_by_organisation","id");--> statement-breakpoint
CREATE INDEX "screening_results_evaluation_idx" ON "screening"."screening_results" USING btree ("track","municipality_code","screening_date");--> statement-breakpoint
CREATE UNIQUE INDEX "track_memberships_active_unique" ON "screening"."track_memberships" USING btree ("child_id","track") WHERE "screening"."track_memberships"."ended_on" is null;--> statement-breakpoint
CREATE INDEX "track_memberships_child_idx" ON "screening"."track_memberships" USING btree ("child_id","since");--> statement-breakpoint
CREATE INDEX "track_memberships_evaluation_idx" ON "screening"."track_memberships" USING btree ("track","municipality_code","since");--> statement-breakpoint
ALTER TABLE "screening"."track_memberships" ADD CONSTRAINT "track_memberships_notificationMessageId_unique" UNIQUE("notification_message_id");--> statement-breakpoint
ALTER TABLE "screening"."track_memberships" ADD CONSTRAINT "track_memberships_end_complete" CHECK (("screening"."track_memberships"."ended_on" is null) = ("screening"."track_memberships"."end_reason" is null));--> statement-breakpoint
ALTER TABLE "screening"."track_memberships" ADD CONSTRAINT "track_memberships_ended_after_start" CHECK ("screening"."track_memberships"."ended_on" is null or "screening"."track_memberships"."ended_on" >= "screening"."track_memberships"."since");