CREATE SCHEMA "bua";
--> statement-breakpoint
CREATE TABLE "bua"."children" (
	"id" text PRIMARY KEY NOT NULL,
	"cpr" text NOT NULL,
	"registered_on" date NOT NULL,
	"synthetic" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "children_cpr_unique" UNIQUE("cpr")
);
