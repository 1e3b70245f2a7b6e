CREATE TYPE "public"."discussion_moderation" AS ENUM('pre', 'post');--> statement-breakpoint
CREATE TYPE "public"."discussion_question_status" AS ENUM('pending', 'approved', 'hidden', 'answered');--> statement-breakpoint
CREATE TABLE "discussion_goal_drafts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"question_id" uuid NOT NULL,
	"input_id" uuid NOT NULL,
	"conference_id" uuid NOT NULL,
	"text" text NOT NULL,
	"goal_proposal_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "discussion_goal_drafts_questionId_unique" UNIQUE("question_id")
);
--> statement-breakpoint
CREATE TABLE "discussion_inputs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conference_id" uuid NOT NULL,
	"agenda_item_id" uuid,
	"title" text NOT NULL,
	"speakers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"abstract" text DEFAULT '' NOT NULL,
	"moderation" "discussion_moderation" DEFAULT 'pre' NOT NULL,
	"questions_open_at" timestamp with time zone,
	"questions_close_at" timestamp with time zone,
	"version" integer DEFAULT 0 NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "discussion_likes" (
	"question_id" uuid NOT NULL,
	"device_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "discussion_likes_question_id_device_hash_pk" PRIMARY KEY("question_id","device_hash")
);
--> statement-breakpoint
CREATE TABLE "discussion_moderators" (
	"conference_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"granted_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "discussion_moderators_conference_id_user_id_pk" PRIMARY KEY("conference_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "discussion_questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"input_id" uuid NOT NULL,
	"text" text NOT NULL,
	"author_name" text,
	"status" "discussion_question_status" DEFAULT 'pending' NOT NULL,
	"pinned" boolean DEFAULT false NOT NULL,
	"merged_into_id" uuid,
	"like_count" integer DEFAULT 0 NOT NULL,
	"device_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "discussion_records" (
	"input_id" uuid PRIMARY KEY NOT NULL,
	"outcome" text DEFAULT '' NOT NULL,
	"published_at" timestamp with time zone,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "discussion_goal_drafts" ADD CONSTRAINT "discussion_goal_drafts_question_id_discussion_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."discussion_questions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discussion_goal_drafts" ADD CONSTRAINT "discussion_goal_drafts_input_id_discussion_inputs_id_fk" FOREIGN KEY ("input_id") REFERENCES "public"."discussion_inputs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discussion_goal_drafts" ADD CONSTRAINT "discussion_goal_drafts_conference_id_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conferences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discussion_goal_drafts" ADD CONSTRAINT "discussion_goal_drafts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discussion_inputs" ADD CONSTRAINT "discussion_inputs_conference_id_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conferences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discussion_inputs" ADD CONSTRAINT "discussion_inputs_agenda_item_id_agenda_items_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."agenda_items"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discussion_likes" ADD CONSTRAINT "discussion_likes_question_id_discussion_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."discussion_questions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discussion_moderators" ADD CONSTRAINT "discussion_moderators_conference_id_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conferences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discussion_moderators" ADD CONSTRAINT "discussion_moderators_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discussion_moderators" ADD CONSTRAINT "discussion_moderators_granted_by_users_id_fk" FOREIGN KEY ("granted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discussion_questions" ADD CONSTRAINT "discussion_questions_input_id_discussion_inputs_id_fk" FOREIGN KEY ("input_id") REFERENCES "public"."discussion_inputs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discussion_questions" ADD CONSTRAINT "discussion_questions_merged_into_id_discussion_questions_id_fk" FOREIGN KEY ("merged_into_id") REFERENCES "public"."discussion_questions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discussion_records" ADD CONSTRAINT "discussion_records_input_id_discussion_inputs_id_fk" FOREIGN KEY ("input_id") REFERENCES "public"."discussion_inputs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discussion_records" ADD CONSTRAINT "discussion_records_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "discussion_inputs_conference_id_index" ON "discussion_inputs" USING btree ("conference_id");--> statement-breakpoint
CREATE INDEX "discussion_questions_input_id_status_index" ON "discussion_questions" USING btree ("input_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "discussion_questions_one_pinned" ON "discussion_questions" USING btree ("input_id") WHERE "discussion_questions"."pinned";