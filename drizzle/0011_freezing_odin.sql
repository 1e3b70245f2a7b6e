ALTER TYPE "public"."consent_purpose" ADD VALUE 'documentation_news';--> statement-breakpoint
CREATE TABLE "documentation_notices" (
	"documentation_id" uuid NOT NULL,
	"registration_id" uuid NOT NULL,
	"outbox_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "documentation_notices_documentation_id_registration_id_pk" PRIMARY KEY("documentation_id","registration_id")
);
--> statement-breakpoint
ALTER TABLE "registrations" ADD COLUMN "documentation_news_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "documentation_notices" ADD CONSTRAINT "documentation_notices_documentation_id_documentations_id_fk" FOREIGN KEY ("documentation_id") REFERENCES "public"."documentations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documentation_notices" ADD CONSTRAINT "documentation_notices_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documentation_notices" ADD CONSTRAINT "documentation_notices_outbox_id_outbox_id_fk" FOREIGN KEY ("outbox_id") REFERENCES "public"."outbox"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "documentation_notices_registration_id_index" ON "documentation_notices" USING btree ("registration_id");--> statement-breakpoint
CREATE INDEX "documentation_notices_outbox_id_index" ON "documentation_notices" USING btree ("outbox_id");--> statement-breakpoint
-- Documentations already public before participants could ask for a mail: nothing to announce.
UPDATE "documentations" SET "notified_at" = "published_at" WHERE "published_at" IS NOT NULL AND "published_at" <= now() AND "notified_at" IS NULL;
