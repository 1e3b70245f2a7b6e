CREATE TABLE "documentation_materials" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"documentation_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"title" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "documentation_photos" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"documentation_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"alt_text" text DEFAULT '' NOT NULL,
	"caption" text DEFAULT '' NOT NULL,
	"cleared" boolean DEFAULT false NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "documentation_speeches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"documentation_id" uuid NOT NULL,
	"title" text NOT NULL,
	"speaker" text DEFAULT '' NOT NULL,
	"html" text DEFAULT '' NOT NULL,
	"plain_text" text DEFAULT '' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('german', coalesce("title", '') || ' ' || coalesce("speaker", '')), 'A') || setweight(to_tsvector('german', coalesce("plain_text", '')), 'B')) STORED
);
--> statement-breakpoint
CREATE TABLE "documentations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conference_id" uuid NOT NULL,
	"intro" text DEFAULT '' NOT NULL,
	"include_reports" boolean DEFAULT true NOT NULL,
	"include_discussion" boolean DEFAULT true NOT NULL,
	"include_goals" boolean DEFAULT true NOT NULL,
	"published_at" timestamp with time zone,
	"notified_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "documentations_conferenceId_unique" UNIQUE("conference_id")
);
--> statement-breakpoint
CREATE TABLE "library_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"year" integer,
	"type" text NOT NULL,
	"area" text,
	"description" text DEFAULT '' NOT NULL,
	"parent_id" uuid,
	"position" integer DEFAULT 0 NOT NULL,
	"file_id" uuid,
	"url" text,
	"file_text" text DEFAULT '' NOT NULL,
	"published" boolean DEFAULT false NOT NULL,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('german', coalesce("title", '')), 'A') || setweight(to_tsvector('german', coalesce("description", '')), 'B') || setweight(to_tsvector('german', coalesce("file_text", '')), 'C')) STORED,
	CONSTRAINT "library_entries_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
ALTER TABLE "documentation_materials" ADD CONSTRAINT "documentation_materials_documentation_id_documentations_id_fk" FOREIGN KEY ("documentation_id") REFERENCES "public"."documentations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documentation_materials" ADD CONSTRAINT "documentation_materials_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documentation_photos" ADD CONSTRAINT "documentation_photos_documentation_id_documentations_id_fk" FOREIGN KEY ("documentation_id") REFERENCES "public"."documentations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documentation_photos" ADD CONSTRAINT "documentation_photos_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documentation_speeches" ADD CONSTRAINT "documentation_speeches_documentation_id_documentations_id_fk" FOREIGN KEY ("documentation_id") REFERENCES "public"."documentations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documentations" ADD CONSTRAINT "documentations_conference_id_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conferences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "library_entries" ADD CONSTRAINT "library_entries_parent_id_library_entries_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."library_entries"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "library_entries" ADD CONSTRAINT "library_entries_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "documentation_materials_documentation_id_index" ON "documentation_materials" USING btree ("documentation_id");--> statement-breakpoint
CREATE INDEX "documentation_photos_documentation_id_index" ON "documentation_photos" USING btree ("documentation_id");--> statement-breakpoint
CREATE INDEX "documentation_speeches_search_idx" ON "documentation_speeches" USING gin ("search");--> statement-breakpoint
CREATE INDEX "documentation_speeches_documentation_id_index" ON "documentation_speeches" USING btree ("documentation_id");--> statement-breakpoint
CREATE INDEX "library_entries_search_idx" ON "library_entries" USING gin ("search");--> statement-breakpoint
CREATE INDEX "library_entries_parent_id_index" ON "library_entries" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "library_entries_year_index" ON "library_entries" USING btree ("year");