CREATE TABLE "accessibility_statement" (
	"id" text PRIMARY KEY DEFAULT 'current' NOT NULL,
	"conformity" text DEFAULT 'partial' NOT NULL,
	"known_barriers" text DEFAULT '' NOT NULL,
	"alternatives" text DEFAULT '' NOT NULL,
	"prepared_on" date NOT NULL,
	"reviewed_on" date NOT NULL,
	"contact_email" text DEFAULT '' NOT NULL,
	"dgs_video_url" text DEFAULT '' NOT NULL,
	"dgs_captions_url" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
ALTER TABLE "accessibility_statement" ADD CONSTRAINT "accessibility_statement_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;