CREATE TYPE "public"."consent_purpose" AS ENUM('privacy', 'special_categories', 'photo');--> statement-breakpoint
CREATE TYPE "public"."organisation_type" AS ENUM('administration', 'independent_provider', 'school_daycare', 'migrant_organisation', 'volunteer', 'politics', 'other');--> statement-breakpoint
CREATE TYPE "public"."registration_status" AS ENUM('held', 'confirmed', 'waitlisted', 'cancelled', 'expired');--> statement-breakpoint
CREATE TABLE "registration_consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"registration_id" uuid NOT NULL,
	"purpose" "consent_purpose" NOT NULL,
	"granted" boolean NOT NULL,
	"text_version" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conference_id" uuid NOT NULL,
	"email" text NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"organisation" text NOT NULL,
	"organisation_type" "organisation_type" NOT NULL,
	"job_title" text DEFAULT '' NOT NULL,
	"forum_id" uuid,
	"status" "registration_status" NOT NULL,
	"waitlist_position" integer,
	"accessibility_needs" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"accessibility_other" text DEFAULT '' NOT NULL,
	"dietary_needs" text DEFAULT '' NOT NULL,
	"special_consent_at" timestamp with time zone,
	"photo_consent" boolean DEFAULT false NOT NULL,
	"privacy_version" text NOT NULL,
	"privacy_consent_at" timestamp with time zone NOT NULL,
	"manage_token_hash" text NOT NULL,
	"manage_salt" text NOT NULL,
	"confirm_token_hash" text,
	"hold_expires_at" timestamp with time zone,
	"locale" text DEFAULT 'de' NOT NULL,
	"confirmed_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"reminder_sent_at" timestamp with time zone,
	"checked_in_at" timestamp with time zone,
	"calendar_sequence" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "registrations_manageTokenHash_unique" UNIQUE("manage_token_hash"),
	CONSTRAINT "registrations_confirmTokenHash_unique" UNIQUE("confirm_token_hash")
);
--> statement-breakpoint
ALTER TABLE "conferences" ADD COLUMN "hold_hours" integer DEFAULT 48 NOT NULL;--> statement-breakpoint
ALTER TABLE "conferences" ADD COLUMN "reminder_days_before" integer DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE "registration_consents" ADD CONSTRAINT "registration_consents_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_conference_id_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conferences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_forum_id_forums_id_fk" FOREIGN KEY ("forum_id") REFERENCES "public"."forums"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "registration_consents_registration_id_index" ON "registration_consents" USING btree ("registration_id");--> statement-breakpoint
CREATE UNIQUE INDEX "registrations_conference_id_email_index" ON "registrations" USING btree ("conference_id","email");--> statement-breakpoint
CREATE INDEX "registrations_conference_id_status_index" ON "registrations" USING btree ("conference_id","status");--> statement-breakpoint
CREATE INDEX "registrations_status_hold_expires_at_index" ON "registrations" USING btree ("status","hold_expires_at");