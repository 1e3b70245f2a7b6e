CREATE TYPE "public"."indicator_comparison" AS ENUM('nationality', 'migration', 'none');--> statement-breakpoint
CREATE TYPE "public"."monitoring_area" AS ENUM('demografie', 'beschaeftigung', 'bildung', 'gesundheit', 'lebensunterhalt', 'rechtliche_situation');--> statement-breakpoint
CREATE TYPE "public"."population_group" AS ENUM('total', 'german', 'foreign', 'with_migration', 'without_migration');--> statement-breakpoint
CREATE TABLE "goal_indicators" (
	"goal_id" integer NOT NULL,
	"indicator_id" uuid NOT NULL,
	CONSTRAINT "goal_indicators_goal_id_indicator_id_pk" PRIMARY KEY("goal_id","indicator_id")
);
--> statement-breakpoint
CREATE TABLE "indicator_fields" (
	"indicator_id" uuid NOT NULL,
	"field_id" uuid NOT NULL,
	CONSTRAINT "indicator_fields_indicator_id_field_id_pk" PRIMARY KEY("indicator_id","field_id")
);
--> statement-breakpoint
CREATE TABLE "indicator_values" (
	"indicator_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"group" "population_group" NOT NULL,
	"value" double precision NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicator_values_indicator_id_year_group_pk" PRIMARY KEY("indicator_id","year","group"),
	CONSTRAINT "indicator_values_year" CHECK ("indicator_values"."year" between 1950 and 2100)
);
--> statement-breakpoint
CREATE TABLE "indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"area" "monitoring_area" NOT NULL,
	"name" text NOT NULL,
	"definition" text DEFAULT '' NOT NULL,
	"unit" text DEFAULT '' NOT NULL,
	"decimals" integer DEFAULT 1 NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	"comparison" "indicator_comparison" DEFAULT 'nationality' NOT NULL,
	"example" boolean DEFAULT false NOT NULL,
	"published" boolean DEFAULT true NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicators_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
ALTER TABLE "goal_indicators" ADD CONSTRAINT "goal_indicators_goal_id_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_indicators" ADD CONSTRAINT "goal_indicators_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_fields" ADD CONSTRAINT "indicator_fields_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_fields" ADD CONSTRAINT "indicator_fields_field_id_fields_of_action_id_fk" FOREIGN KEY ("field_id") REFERENCES "public"."fields_of_action"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "goal_indicators_indicator_id_index" ON "goal_indicators" USING btree ("indicator_id");--> statement-breakpoint
CREATE INDEX "indicator_fields_field_id_index" ON "indicator_fields" USING btree ("field_id");--> statement-breakpoint
CREATE INDEX "indicators_area_position_index" ON "indicators" USING btree ("area","position");