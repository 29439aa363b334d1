CREATE SCHEMA "general_practice";
--> statement-breakpoint
CREATE TABLE "general_practice"."children" (
	"id" text PRIMARY KEY NOT NULL,
	"cpr" text NOT NULL,
	"birth_date" date NOT NULL,
	"listed_practice" text,
	"synthetic" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "children_cpr_unique" UNIQUE("cpr")
);
--> statement-breakpoint
CREATE TABLE "general_practice"."practices" (
	"ydernummer" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"location_number" text NOT NULL,
	"municipality_code" integer NOT NULL,
	"synthetic" boolean DEFAULT false NOT NULL,
	CONSTRAINT "practices_locationNumber_unique" UNIQUE("location_number")
);
--> statement-breakpoint
ALTER TABLE "general_practice"."children" ADD CONSTRAINT "children_listed_practice_practices_ydernummer_fk" FOREIGN KEY ("listed_practice") REFERENCES "general_practice"."practices"("ydernummer") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "children_listed_practice_idx" ON "general_practice"."children" USING btree ("listed_practice","id");--> statement-breakpoint
CREATE INDEX "practices_municipality_idx" ON "general_practice"."practices" USING btree ("municipality_code","ydernummer");