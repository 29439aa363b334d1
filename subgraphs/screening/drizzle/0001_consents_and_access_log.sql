CREATE TABLE "screening"."access_log" (
	"id" uuid PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"action" text NOT NULL,
	"actor_subject" text NOT NULL,
	"actor_name" text NOT NULL,
	"actor_sector" text NOT NULL,
	"actor_organisation" text NOT NULL,
	"actor_roles" text[] NOT NULL,
	"child_id" text NOT NULL,
	"operation" text NOT NULL,
	"parts" text[] NOT NULL,
	"purpose" text NOT NULL,
	"request_id" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "screening"."consents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"child_id" text NOT NULL,
	"given_by" text NOT NULL,
	"given_on" date NOT NULL,
	"recipient_sector" text NOT NULL,
	"recipient_organisation" text,
	"purposes" text[] NOT NULL,
	"valid_from" date NOT NULL,
	"valid_until" date,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_by" text,
	"recorded_by" text NOT NULL,
	"recorded_by_organisation" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "access_log_child_id_id_index" ON "screening"."access_log" USING btree ("child_id","id");--> statement-breakpoint
CREATE INDEX "consents_child_id_index" ON "screening"."consents" USING btree ("child_id");