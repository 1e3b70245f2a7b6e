ALTER TABLE "goals" ADD COLUMN "search" "tsvector" GENERATED ALWAYS AS (to_tsvector('german', "title" || ' ' || "description" || ' ' || "measure" || ' ' || "indicator")) STORED;--> statement-breakpoint
ALTER TABLE "file_versions" ADD COLUMN "search" "tsvector" GENERATED ALWAYS AS (to_tsvector('german', coalesce("text_content", ''))) STORED;--> statement-breakpoint
ALTER TABLE "group_reports" ADD COLUMN "search" "tsvector" GENERATED ALWAYS AS (to_tsvector('german', "activities" || ' ' || "progress" || ' ' || "obstacles" || ' ' || "networking" || ' ' || "previous_goals" || ' ' || "proposals")) STORED;--> statement-breakpoint
CREATE INDEX "goals_search_idx" ON "goals" USING gin ("search");--> statement-breakpoint
CREATE INDEX "file_versions_search_idx" ON "file_versions" USING gin ("search");--> statement-breakpoint
CREATE INDEX "group_reports_search_idx" ON "group_reports" USING gin ("search");