CREATE TABLE "bua"."advisory_advice" (
	"booking_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"text" text NOT NULL,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "advisory_advice_booking_id_version_pk" PRIMARY KEY("booking_id","version"),
	CONSTRAINT "advisory_advice_version" CHECK ("bua"."advisory_advice"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "bua"."advisory_bookings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"slot_id" uuid NOT NULL,
	"slot_kind" text NOT NULL,
	"municipality_code" integer NOT NULL,
	"booker_id" text NOT NULL,
	"kind" text NOT NULL,
	"booked_at" timestamp with time zone NOT NULL,
	"cancelled_at" timestamp with time zone,
	"cancelled_by" text,
	"problem" text,
	"screening_results" text,
	"description_submitted_at" timestamp with time zone,
	"description_submitted_by" text,
	CONSTRAINT "advisory_booking_kind" CHECK ("bua"."advisory_bookings"."kind" in ('SPARRING', 'SUPERVISION', 'TEACHING')),
	CONSTRAINT "advisory_booking_kind_fits_slot" CHECK (("bua"."advisory_bookings"."kind" = 'TEACHING') = ("bua"."advisory_bookings"."slot_kind" = 'TEACHING')),
	CONSTRAINT "advisory_booking_cancelled" CHECK (("bua"."advisory_bookings"."cancelled_at" is null) = ("bua"."advisory_bookings"."cancelled_by" is null)),
	CONSTRAINT "advisory_booking_description" CHECK (("bua"."advisory_bookings"."description_submitted_at" is null) = ("bua"."advisory_bookings"."problem" is null) and ("bua"."advisory_bookings"."description_submitted_at" is null) = ("bua"."advisory_bookings"."description_submitted_by" is null))
);
--> statement-breakpoint
CREATE TABLE "bua"."advisory_calendar_feeds" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"municipality_code" integer,
	"adviser_id" text,
	"token_hash" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by" text,
	CONSTRAINT "advisory_feed_token" UNIQUE("token_hash"),
	CONSTRAINT "advisory_feed_kind" CHECK ("bua"."advisory_calendar_feeds"."kind" in ('MUNICIPALITY', 'ADVISER')),
	CONSTRAINT "advisory_feed_owner" CHECK (("bua"."advisory_calendar_feeds"."kind" = 'MUNICIPALITY') = ("bua"."advisory_calendar_feeds"."municipality_code" is not null) and ("bua"."advisory_calendar_feeds"."kind" = 'ADVISER') = ("bua"."advisory_calendar_feeds"."adviser_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "bua"."advisory_contact_persons" (
	"id" uuid PRIMARY KEY NOT NULL,
	"municipality_code" integer NOT NULL,
	"adviser_id" text NOT NULL,
	"adviser_name" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_until" date,
	"changed_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "advisory_contact_period" CHECK ("bua"."advisory_contact_persons"."valid_until" is null or "bua"."advisory_contact_persons"."valid_until" > "bua"."advisory_contact_persons"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "bua"."advisory_gp_invitations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"booking_id" uuid NOT NULL,
	"practice_ydernummer" text NOT NULL,
	"status" text NOT NULL,
	"note" text,
	"invited_by" text NOT NULL,
	"invited_at" timestamp with time zone NOT NULL,
	"changed_by" text,
	"changed_at" timestamp with time zone,
	CONSTRAINT "advisory_gp_status" CHECK ("bua"."advisory_gp_invitations"."status" in ('INVITED', 'ACCEPTED', 'DECLINED', 'WITHDRAWN'))
);
--> statement-breakpoint
CREATE TABLE "bua"."advisory_occurrence_exceptions" (
	"series_id" uuid NOT NULL,
	"occurrence_date" date NOT NULL,
	"action" text NOT NULL,
	"date" date,
	"start_time" text,
	"duration_minutes" integer,
	CONSTRAINT "advisory_occurrence_exceptions_series_id_occurrence_date_pk" PRIMARY KEY("series_id","occurrence_date"),
	CONSTRAINT "advisory_exception_action" CHECK ("bua"."advisory_occurrence_exceptions"."action" in ('CANCEL', 'MOVE')),
	CONSTRAINT "advisory_exception_move" CHECK (("bua"."advisory_occurrence_exceptions"."action" = 'MOVE') = ("bua"."advisory_occurrence_exceptions"."date" is not null and "bua"."advisory_occurrence_exceptions"."start_time" is not null))
);
--> statement-breakpoint
CREATE TABLE "bua"."advisory_slot_series" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"municipality_codes" integer[] NOT NULL,
	"adviser_id" text NOT NULL,
	"recurrence" jsonb NOT NULL,
	"start_time" text NOT NULL,
	"duration_minutes" integer NOT NULL,
	"capacity" integer NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"meeting_url" text NOT NULL,
	"created_by" text NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "advisory_series_kind" CHECK ("bua"."advisory_slot_series"."kind" in ('CONSULTATION', 'TEACHING')),
	CONSTRAINT "advisory_series_consultation" CHECK ("bua"."advisory_slot_series"."kind" <> 'CONSULTATION' or ("bua"."advisory_slot_series"."capacity" = 1 and cardinality("bua"."advisory_slot_series"."municipality_codes") = 1)),
	CONSTRAINT "advisory_series_capacity" CHECK ("bua"."advisory_slot_series"."capacity" >= 1)
);
--> statement-breakpoint
CREATE TABLE "bua"."advisory_slots" (
	"id" uuid PRIMARY KEY NOT NULL,
	"series_id" uuid NOT NULL,
	"occurrence_date" date NOT NULL,
	"kind" text NOT NULL,
	"municipality_codes" integer[] NOT NULL,
	"adviser_id" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"capacity" integer NOT NULL,
	"booked_count" integer DEFAULT 0 NOT NULL,
	"meeting_url" text NOT NULL,
	"status" text DEFAULT 'SCHEDULED' NOT NULL,
	"moved" boolean DEFAULT false NOT NULL,
	"sequence" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "advisory_slot_occurrence" UNIQUE("series_id","occurrence_date"),
	CONSTRAINT "advisory_slot_id_kind" UNIQUE("id","kind"),
	CONSTRAINT "advisory_slot_kind" CHECK ("bua"."advisory_slots"."kind" in ('CONSULTATION', 'TEACHING')),
	CONSTRAINT "advisory_slot_status" CHECK ("bua"."advisory_slots"."status" in ('SCHEDULED', 'CANCELLED')),
	CONSTRAINT "advisory_slot_booked_within_capacity" CHECK ("bua"."advisory_slots"."booked_count" between 0 and "bua"."advisory_slots"."capacity"),
	CONSTRAINT "advisory_slot_capacity" CHECK ("bua"."advisory_slots"."capacity" >= 1),
	CONSTRAINT "advisory_slot_consultation" CHECK ("bua"."advisory_slots"."kind" <> 'CONSULTATION' or ("bua"."advisory_slots"."capacity" = 1 and cardinality("bua"."advisory_slots"."municipality_codes") = 1)),
	CONSTRAINT "advisory_slot_times" CHECK ("bua"."advisory_slots"."ends_at" > "bua"."advisory_slots"."starts_at")
);
--> statement-breakpoint
ALTER TABLE "bua"."advisory_advice" ADD CONSTRAINT "advisory_advice_booking_id_advisory_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "bua"."advisory_bookings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bua"."advisory_bookings" ADD CONSTRAINT "advisory_booking_slot" FOREIGN KEY ("slot_id","slot_kind") REFERENCES "bua"."advisory_slots"("id","kind") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bua"."advisory_gp_invitations" ADD CONSTRAINT "advisory_gp_invitations_booking_id_advisory_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "bua"."advisory_bookings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bua"."advisory_occurrence_exceptions" ADD CONSTRAINT "advisory_occurrence_exceptions_series_id_advisory_slot_series_id_fk" FOREIGN KEY ("series_id") REFERENCES "bua"."advisory_slot_series"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bua"."advisory_slots" ADD CONSTRAINT "advisory_slots_series_id_advisory_slot_series_id_fk" FOREIGN KEY ("series_id") REFERENCES "bua"."advisory_slot_series"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "advisory_booking_one_consultation" ON "bua"."advisory_bookings" USING btree ("slot_id") WHERE cancelled_at is null and slot_kind = 'CONSULTATION';--> statement-breakpoint
CREATE UNIQUE INDEX "advisory_booking_once_per_booker" ON "bua"."advisory_bookings" USING btree ("slot_id","booker_id") WHERE cancelled_at is null;--> statement-breakpoint
CREATE INDEX "advisory_booking_municipality" ON "bua"."advisory_bookings" USING btree ("municipality_code","id");--> statement-breakpoint
CREATE INDEX "advisory_booking_slot" ON "bua"."advisory_bookings" USING btree ("slot_id");--> statement-breakpoint
CREATE INDEX "advisory_feed_creator" ON "bua"."advisory_calendar_feeds" USING btree ("created_by","id");--> statement-breakpoint
CREATE UNIQUE INDEX "advisory_contact_one_current" ON "bua"."advisory_contact_persons" USING btree ("municipality_code") WHERE valid_until is null;--> statement-breakpoint
CREATE INDEX "advisory_contact_history" ON "bua"."advisory_contact_persons" USING btree ("municipality_code","valid_from");--> statement-breakpoint
CREATE UNIQUE INDEX "advisory_gp_invited_once" ON "bua"."advisory_gp_invitations" USING btree ("booking_id","practice_ydernummer") WHERE status <> 'WITHDRAWN';--> statement-breakpoint
CREATE INDEX "advisory_gp_practice" ON "bua"."advisory_gp_invitations" USING btree ("practice_ydernummer","id");--> statement-breakpoint
CREATE INDEX "advisory_gp_booking" ON "bua"."advisory_gp_invitations" USING btree ("booking_id");--> statement-breakpoint
CREATE INDEX "advisory_slot_municipalities" ON "bua"."advisory_slots" USING gin ("municipality_codes");--> statement-breakpoint
CREATE INDEX "advisory_slot_adviser_start" ON "bua"."advisory_slots" USING btree ("adviser_id","starts_at");--> statement-breakpoint
CREATE INDEX "advisory_slot_start" ON "bua"."advisory_slots" USING btree ("starts_at","id");--> statement-breakpoint
CREATE INDEX "advisory_slot_series_start" ON "bua"."advisory_slots" USING btree ("series_id","starts_at");