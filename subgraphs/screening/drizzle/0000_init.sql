CREATE SCHEMA "screening";
--> statement-breakpoint
CREATE TYPE "screening"."screening_track" AS ENUM('RECOGNISED_MENTAL_PROBLEMS', 'CHRONIC_SOMATIC_ILLNESS', 'RELATIVE_OF_MENTALLY_ILL');--> statement-breakpoint
CREATE TABLE "screening"."children" (
	"id" text PRIMARY KEY NOT NULL,
	"birth_date" date NOT NULL,
	"synthetic" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "screening"."track_memberships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" text NOT NULL,
	"track" "screening"."screening_track" NOT NULL,
	"since" date NOT NULL,
	"synthetic" boolean DEFAULT false NOT NULL,
	CONSTRAINT "track_memberships_child_track_unique" UNIQUE("child_id","track")
);
--> statement-breakpoint
ALTER TABLE "screening"."track_memberships" ADD CONSTRAINT "track_memberships_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "screening"."children"("id") ON DELETE no action ON UPDATE no action;