CREATE TYPE "public"."goal_status" AS ENUM('neu', 'in_umsetzung', 'erreicht', 'angepasst', 'uebertragen', 'verworfen');--> statement-breakpoint
CREATE TYPE "public"."proposal_source" AS ENUM('participant', 'group', 'organiser', 'discussion');--> statement-breakpoint
CREATE TYPE "public"."proposal_status" AS ENUM('submitted', 'accepted', 'merged', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."successor_kind" AS ENUM('kept', 'merged', 'split', 'dropped');--> statement-breakpoint
CREATE TABLE "ballot_points" (
	"ballot_id" uuid NOT NULL,
	"proposal_id" uuid NOT NULL,
	"points" integer NOT NULL,
	CONSTRAINT "ballot_points_ballot_id_proposal_id_pk" PRIMARY KEY("ballot_id","proposal_id"),
	CONSTRAINT "ballot_points_positive" CHECK ("ballot_points"."points" > 0)
);
--> statement-breakpoint
CREATE TABLE "ballots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"voter_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ballots_roundId_voterKey_unique" UNIQUE("round_id","voter_key")
);
--> statement-breakpoint
CREATE TABLE "concept_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"label" text NOT NULL,
	"is_current" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "concept_versions_label_unique" UNIQUE("label")
);
--> statement-breakpoint
CREATE TABLE "fields_of_action" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "fields_of_action_code_unique" UNIQUE("code"),
	CONSTRAINT "fields_of_action_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "goal_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conference_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"field_id" uuid,
	"proposed_group_id" uuid,
	"source" "proposal_source" NOT NULL,
	"status" "proposal_status" DEFAULT 'submitted' NOT NULL,
	"merged_into_id" uuid,
	"merged_at" timestamp with time zone,
	"cluster" text DEFAULT '' NOT NULL,
	"created_by_user_id" uuid,
	"origin_ref" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "goal_recommendations" (
	"goal_id" integer NOT NULL,
	"recommendation_id" uuid NOT NULL,
	CONSTRAINT "goal_recommendations_goal_id_recommendation_id_pk" PRIMARY KEY("goal_id","recommendation_id")
);
--> statement-breakpoint
CREATE TABLE "goal_updates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"goal_id" integer NOT NULL,
	"conference_id" uuid NOT NULL,
	"status" "goal_status" NOT NULL,
	"sachstand" text DEFAULT '' NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "goal_years" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"goal_id" integer NOT NULL,
	"conference_id" uuid NOT NULL,
	"status" "goal_status" NOT NULL,
	"sachstand" text DEFAULT '' NOT NULL,
	"published_at" timestamp with time zone,
	"pending_status" "goal_status",
	"pending_sachstand" text,
	"pending_by_user_id" uuid,
	"pending_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "goal_years_goalId_conferenceId_unique" UNIQUE("goal_id","conference_id")
);
--> statement-breakpoint
CREATE TABLE "goals" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "goals_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"field_id" uuid,
	"owner_group_id" uuid NOT NULL,
	"partners" text DEFAULT '' NOT NULL,
	"measure" text DEFAULT '' NOT NULL,
	"indicator" text DEFAULT '' NOT NULL,
	"target_year" integer NOT NULL,
	"origin_conference_id" uuid NOT NULL,
	"origin_proposal_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proposal_recommendations" (
	"proposal_id" uuid NOT NULL,
	"recommendation_id" uuid NOT NULL,
	CONSTRAINT "proposal_recommendations_proposal_id_recommendation_id_pk" PRIMARY KEY("proposal_id","recommendation_id")
);
--> statement-breakpoint
CREATE TABLE "recommendation_successors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"from_id" uuid NOT NULL,
	"to_id" uuid,
	"kind" "successor_kind" NOT NULL,
	CONSTRAINT "recommendation_successors_fromId_toId_unique" UNIQUE("from_id","to_id")
);
--> statement-breakpoint
CREATE TABLE "recommendations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version_id" uuid NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"text" text DEFAULT '' NOT NULL,
	"field_id" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recommendations_versionId_code_unique" UNIQUE("version_id","code")
);
--> statement-breakpoint
CREATE TABLE "voting_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conference_id" uuid NOT NULL,
	"points_per_voter" integer NOT NULL,
	"max_per_proposal" integer NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "voting_rounds_conferenceId_unique" UNIQUE("conference_id"),
	CONSTRAINT "voting_round_points" CHECK ("voting_rounds"."points_per_voter" > 0 and "voting_rounds"."max_per_proposal" > 0 and "voting_rounds"."max_per_proposal" <= "voting_rounds"."points_per_voter")
);
--> statement-breakpoint
ALTER TABLE "ballot_points" ADD CONSTRAINT "ballot_points_ballot_id_ballots_id_fk" FOREIGN KEY ("ballot_id") REFERENCES "public"."ballots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ballot_points" ADD CONSTRAINT "ballot_points_proposal_id_goal_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."goal_proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ballots" ADD CONSTRAINT "ballots_round_id_voting_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."voting_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_proposals" ADD CONSTRAINT "goal_proposals_conference_id_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conferences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_proposals" ADD CONSTRAINT "goal_proposals_field_id_fields_of_action_id_fk" FOREIGN KEY ("field_id") REFERENCES "public"."fields_of_action"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_proposals" ADD CONSTRAINT "goal_proposals_proposed_group_id_groups_id_fk" FOREIGN KEY ("proposed_group_id") REFERENCES "public"."groups"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_proposals" ADD CONSTRAINT "goal_proposals_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_recommendations" ADD CONSTRAINT "goal_recommendations_goal_id_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_recommendations" ADD CONSTRAINT "goal_recommendations_recommendation_id_recommendations_id_fk" FOREIGN KEY ("recommendation_id") REFERENCES "public"."recommendations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_updates" ADD CONSTRAINT "goal_updates_goal_id_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_updates" ADD CONSTRAINT "goal_updates_conference_id_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conferences"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_years" ADD CONSTRAINT "goal_years_goal_id_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_years" ADD CONSTRAINT "goal_years_conference_id_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conferences"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_years" ADD CONSTRAINT "goal_years_pending_by_user_id_users_id_fk" FOREIGN KEY ("pending_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_field_id_fields_of_action_id_fk" FOREIGN KEY ("field_id") REFERENCES "public"."fields_of_action"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_owner_group_id_groups_id_fk" FOREIGN KEY ("owner_group_id") REFERENCES "public"."groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_origin_conference_id_conferences_id_fk" FOREIGN KEY ("origin_conference_id") REFERENCES "public"."conferences"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_origin_proposal_id_goal_proposals_id_fk" FOREIGN KEY ("origin_proposal_id") REFERENCES "public"."goal_proposals"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_recommendations" ADD CONSTRAINT "proposal_recommendations_proposal_id_goal_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."goal_proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_recommendations" ADD CONSTRAINT "proposal_recommendations_recommendation_id_recommendations_id_fk" FOREIGN KEY ("recommendation_id") REFERENCES "public"."recommendations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_successors" ADD CONSTRAINT "recommendation_successors_from_id_recommendations_id_fk" FOREIGN KEY ("from_id") REFERENCES "public"."recommendations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_successors" ADD CONSTRAINT "recommendation_successors_to_id_recommendations_id_fk" FOREIGN KEY ("to_id") REFERENCES "public"."recommendations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_version_id_concept_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."concept_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_field_id_fields_of_action_id_fk" FOREIGN KEY ("field_id") REFERENCES "public"."fields_of_action"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voting_rounds" ADD CONSTRAINT "voting_rounds_conference_id_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conferences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ballot_points_proposal_id_index" ON "ballot_points" USING btree ("proposal_id");--> statement-breakpoint
CREATE INDEX "goal_proposals_conference_id_status_index" ON "goal_proposals" USING btree ("conference_id","status");--> statement-breakpoint
CREATE INDEX "goal_proposals_merged_into_id_index" ON "goal_proposals" USING btree ("merged_into_id");--> statement-breakpoint
CREATE INDEX "goal_recommendations_recommendation_id_index" ON "goal_recommendations" USING btree ("recommendation_id");--> statement-breakpoint
CREATE INDEX "goal_updates_goal_id_published_at_index" ON "goal_updates" USING btree ("goal_id","published_at");--> statement-breakpoint
CREATE INDEX "goal_years_conference_id_index" ON "goal_years" USING btree ("conference_id");--> statement-breakpoint
CREATE INDEX "goals_owner_group_id_index" ON "goals" USING btree ("owner_group_id");--> statement-breakpoint
CREATE INDEX "goals_origin_conference_id_index" ON "goals" USING btree ("origin_conference_id");--> statement-breakpoint
CREATE INDEX "recommendation_successors_from_id_index" ON "recommendation_successors" USING btree ("from_id");--> statement-breakpoint
CREATE INDEX "recommendation_successors_to_id_index" ON "recommendation_successors" USING btree ("to_id");--> statement-breakpoint
CREATE INDEX "recommendations_field_id_index" ON "recommendations" USING btree ("field_id");