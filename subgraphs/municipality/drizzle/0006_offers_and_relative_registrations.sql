CREATE TABLE "municipality"."municipal_offers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"municipality_code" integer NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"target_group" text NOT NULL,
	"tracks" text[] NOT NULL,
	"min_age" integer NOT NULL,
	"max_age" integer NOT NULL,
	"contact" text NOT NULL,
	"availability" text NOT NULL,
	"retired_on" date,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone,
	"synthetic" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "municipality"."relative_registrations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"message_id" text NOT NULL,
	"registration_id" uuid NOT NULL,
	"municipality_code" integer NOT NULL,
	"child_id" text NOT NULL,
	"birth_date" date NOT NULL,
	"relation" text NOT NULL,
	"registered_on" date NOT NULL,
	"patient_consent_on" date NOT NULL,
	"department_sor_code" text NOT NULL,
	"contact_name" text NOT NULL,
	"contact_phone" text,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"received_on" date NOT NULL,
	"status" text DEFAULT 'NEW' NOT NULL,
	"taken_by_subject" text,
	"taken_by_name" text,
	"taken_by_role" text,
	"taken_at" timestamp with time zone,
	CONSTRAINT "relative_registrations_messageId_unique" UNIQUE("message_id")
);
--> statement-breakpoint
ALTER TABLE "municipality"."municipal_offers" ADD CONSTRAINT "municipal_offers_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "municipality"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "municipality"."relative_registrations" ADD CONSTRAINT "relative_registrations_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "municipality"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "municipal_offers_catalogue_idx" ON "municipality"."municipal_offers" USING btree ("municipality_code","id");--> statement-breakpoint
CREATE INDEX "relative_registrations_worklist_idx" ON "municipality"."relative_registrations" USING btree ("municipality_code","status","id");--> statement-breakpoint
CREATE INDEX "relative_registrations_child_idx" ON "municipality"."relative_registrations" USING btree ("child_id");