CREATE SCHEMA "municipality";
--> statement-breakpoint
CREATE TYPE "municipality"."receiving_department" AS ENUM('CHILDREN_AND_YOUTH', 'HEALTH_AND_ELDERLY');--> statement-breakpoint
CREATE TABLE "municipality"."children" (
	"id" text PRIMARY KEY NOT NULL,
	"cpr" text NOT NULL,
	"birth_date" date NOT NULL,
	"residence_municipality_code" integer NOT NULL,
	"synthetic" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "children_cpr_unique" UNIQUE("cpr")
);
--> statement-breakpoint
CREATE TABLE "municipality"."municipal_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" text NOT NULL,
	"municipality_code" integer NOT NULL,
	"opened_on" date NOT NULL,
	"closed_on" date,
	"synthetic" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "municipality"."municipalities" (
	"code" integer PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"inbox_name" text NOT NULL,
	"inbox_location_number" text NOT NULL,
	"receiving_department" "municipality"."receiving_department" DEFAULT 'CHILDREN_AND_YOUTH' NOT NULL,
	CONSTRAINT "municipalities_inboxLocationNumber_unique" UNIQUE("inbox_location_number")
);
--> statement-breakpoint
ALTER TABLE "municipality"."children" ADD CONSTRAINT "children_residence_municipality_code_municipalities_code_fk" FOREIGN KEY ("residence_municipality_code") REFERENCES "municipality"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "municipality"."municipal_cases" ADD CONSTRAINT "municipal_cases_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "municipality"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "municipality"."municipal_cases" ADD CONSTRAINT "municipal_cases_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "municipality"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "children_residence_idx" ON "municipality"."children" USING btree ("residence_municipality_code","id");--> statement-breakpoint
CREATE INDEX "municipal_cases_open_idx" ON "municipality"."municipal_cases" USING btree ("child_id","municipality_code") WHERE "municipality"."municipal_cases"."closed_on" is null;