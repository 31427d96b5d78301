CREATE TYPE "public"."locale" AS ENUM('ko', 'en');--> statement-breakpoint
CREATE TYPE "public"."notification_kind" AS ENUM('mention', 'assignment', 'impact', 'reply', 'due_soon');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('admin', 'editor', 'viewer');--> statement-breakpoint
CREATE TYPE "public"."annotation_status" AS ENUM('open', 'resolved');--> statement-breakpoint
CREATE TYPE "public"."brief_relation" AS ENUM('confirms', 'extends', 'contradicts', 'new');--> statement-breakpoint
CREATE TYPE "public"."date_precision" AS ENUM('day', 'month', 'year');--> statement-breakpoint
CREATE TYPE "public"."instrument_type" AS ENUM('law', 'regulation', 'departmental_rule', 'plan', 'standard', 'guideline', 'fund', 'pilot_program', 'other');--> statement-breakpoint
CREATE TYPE "public"."policy_status" AS ENUM('draft_for_comment', 'issued', 'in_force', 'amended', 'repealed');--> statement-breakpoint
CREATE TYPE "public"."priority" AS ENUM('high', 'medium', 'low');--> statement-breakpoint
CREATE TYPE "public"."item_status" AS ENUM('not_started', 'in_progress', 'blocked', 'done', 'dropped');--> statement-breakpoint
CREATE TYPE "public"."comment_target" AS ENUM('annotation', 'policy', 'response_item');--> statement-breakpoint
CREATE TABLE "invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"role" "role" NOT NULL,
	"token_hash" text NOT NULL,
	"invited_by_id" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"accepted_user_id" uuid,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rate_limit_buckets" (
	"key" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "rate_limit_buckets_key_window_start_pk" PRIMARY KEY("key","window_start")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" "role" DEFAULT 'viewer' NOT NULL,
	"locale" "locale" DEFAULT 'ko' NOT NULL,
	"muted_notification_kinds" "notification_kind"[] DEFAULT '{}' NOT NULL,
	"deactivated_at" timestamp with time zone,
	"session_version" integer DEFAULT 1 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "annotation_anchors" (
	"annotation_id" uuid NOT NULL,
	"revision_id" uuid NOT NULL,
	"start" integer,
	"end" integer,
	"orphaned" boolean DEFAULT false NOT NULL,
	"method" text NOT NULL,
	CONSTRAINT "annotation_anchors_annotation_id_revision_id_pk" PRIMARY KEY("annotation_id","revision_id")
);
--> statement-breakpoint
CREATE TABLE "annotations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"brief_id" uuid NOT NULL,
	"revision_id" uuid NOT NULL,
	"selector" jsonb NOT NULL,
	"body" jsonb NOT NULL,
	"body_text" text DEFAULT '' NOT NULL,
	"tags" text[] DEFAULT '{}' NOT NULL,
	"status" "annotation_status" DEFAULT 'open' NOT NULL,
	"is_private" boolean DEFAULT false NOT NULL,
	"author_id" uuid NOT NULL,
	"resolved_by_id" uuid,
	"resolved_at" timestamp with time zone,
	"deleted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "brief_revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"brief_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"doc" jsonb NOT NULL,
	"plain_text" text NOT NULL,
	"author_id" uuid,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "briefs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"publisher" text,
	"published_on" date,
	"language" text DEFAULT 'ko' NOT NULL,
	"current_revision_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "framework_dimensions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"name_ko" text NOT NULL,
	"name_en" text NOT NULL,
	"position" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "framework_nodes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dimension_id" uuid NOT NULL,
	"label_ko" text NOT NULL,
	"label_en" text NOT NULL,
	"description" text,
	"passage_revision_id" uuid,
	"passage" jsonb,
	"position" integer NOT NULL,
	"archived_at" timestamp with time zone,
	"merged_into_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "issuing_bodies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name_zh" text NOT NULL,
	"name_ko" text NOT NULL,
	"name_en" text,
	"abbreviation" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title_zh" text,
	"title_ko" text NOT NULL,
	"title_en" text,
	"document_number" text,
	"instrument_type" "instrument_type" DEFAULT 'other' NOT NULL,
	"status" "policy_status" DEFAULT 'issued' NOT NULL,
	"announced_on" date,
	"announced_precision" date_precision DEFAULT 'day' NOT NULL,
	"effective_on" date,
	"source_url" text,
	"last_checked_on" date,
	"significance" "priority" DEFAULT 'medium' NOT NULL,
	"summary" jsonb,
	"summary_text" text DEFAULT '' NOT NULL,
	"relation" "brief_relation",
	"search_bigrams" text[] DEFAULT '{}' NOT NULL,
	"created_by_id" uuid,
	"deleted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policy_framework_nodes" (
	"policy_id" uuid NOT NULL,
	"node_id" uuid NOT NULL,
	CONSTRAINT "policy_framework_nodes_policy_id_node_id_pk" PRIMARY KEY("policy_id","node_id")
);
--> statement-breakpoint
CREATE TABLE "policy_issuing_bodies" (
	"policy_id" uuid NOT NULL,
	"issuing_body_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "policy_issuing_bodies_policy_id_issuing_body_id_pk" PRIMARY KEY("policy_id","issuing_body_id")
);
--> statement-breakpoint
CREATE TABLE "policy_passages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"policy_id" uuid NOT NULL,
	"revision_id" uuid NOT NULL,
	"selector" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "impacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"policy_id" uuid NOT NULL,
	"response_item_id" uuid NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by_id" uuid,
	"acknowledged_by_update_id" uuid,
	"removed_at" timestamp with time zone,
	"removed_by_id" uuid
);
--> statement-breakpoint
CREATE TABLE "progress_updates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"response_item_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"body" text NOT NULL,
	"status_before" "item_status" NOT NULL,
	"status_after" "item_status" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "response_item_framework_nodes" (
	"response_item_id" uuid NOT NULL,
	"node_id" uuid NOT NULL,
	CONSTRAINT "response_item_framework_nodes_response_item_id_node_id_pk" PRIMARY KEY("response_item_id","node_id")
);
--> statement-breakpoint
CREATE TABLE "response_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" serial NOT NULL,
	"title" text NOT NULL,
	"description" jsonb,
	"description_text" text DEFAULT '' NOT NULL,
	"owner_id" uuid,
	"status" "item_status" DEFAULT 'not_started' NOT NULL,
	"priority" "priority" DEFAULT 'medium' NOT NULL,
	"due_on" date,
	"passage_revision_id" uuid,
	"passage" jsonb,
	"created_by_id" uuid,
	"archived_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "activity" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"actor_id" uuid,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "annotation_links" (
	"annotation_id" uuid NOT NULL,
	"target_type" "comment_target" NOT NULL,
	"target_id" uuid NOT NULL,
	"created_by_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "annotation_links_annotation_id_target_type_target_id_pk" PRIMARY KEY("annotation_id","target_type","target_id")
);
--> statement-breakpoint
CREATE TABLE "comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"target_type" "comment_target" NOT NULL,
	"target_id" uuid NOT NULL,
	"parent_id" uuid,
	"author_id" uuid NOT NULL,
	"body" jsonb NOT NULL,
	"body_text" text DEFAULT '' NOT NULL,
	"mentioned_user_ids" uuid[] DEFAULT '{}' NOT NULL,
	"edited_at" timestamp with time zone,
	"deleted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" "notification_kind" NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"actor_id" uuid,
	"event_key" text NOT NULL,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_invited_by_id_users_id_fk" FOREIGN KEY ("invited_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_accepted_user_id_users_id_fk" FOREIGN KEY ("accepted_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annotation_anchors" ADD CONSTRAINT "annotation_anchors_annotation_id_annotations_id_fk" FOREIGN KEY ("annotation_id") REFERENCES "public"."annotations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annotation_anchors" ADD CONSTRAINT "annotation_anchors_revision_id_brief_revisions_id_fk" FOREIGN KEY ("revision_id") REFERENCES "public"."brief_revisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annotations" ADD CONSTRAINT "annotations_brief_id_briefs_id_fk" FOREIGN KEY ("brief_id") REFERENCES "public"."briefs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annotations" ADD CONSTRAINT "annotations_revision_id_brief_revisions_id_fk" FOREIGN KEY ("revision_id") REFERENCES "public"."brief_revisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annotations" ADD CONSTRAINT "annotations_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annotations" ADD CONSTRAINT "annotations_resolved_by_id_users_id_fk" FOREIGN KEY ("resolved_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "brief_revisions" ADD CONSTRAINT "brief_revisions_brief_id_briefs_id_fk" FOREIGN KEY ("brief_id") REFERENCES "public"."briefs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "brief_revisions" ADD CONSTRAINT "brief_revisions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "briefs" ADD CONSTRAINT "briefs_current_revision_id_brief_revisions_id_fk" FOREIGN KEY ("current_revision_id") REFERENCES "public"."brief_revisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_nodes" ADD CONSTRAINT "framework_nodes_dimension_id_framework_dimensions_id_fk" FOREIGN KEY ("dimension_id") REFERENCES "public"."framework_dimensions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_nodes" ADD CONSTRAINT "framework_nodes_passage_revision_id_brief_revisions_id_fk" FOREIGN KEY ("passage_revision_id") REFERENCES "public"."brief_revisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_nodes" ADD CONSTRAINT "framework_nodes_merged_into_id_framework_nodes_id_fk" FOREIGN KEY ("merged_into_id") REFERENCES "public"."framework_nodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policies" ADD CONSTRAINT "policies_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_framework_nodes" ADD CONSTRAINT "policy_framework_nodes_policy_id_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."policies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_framework_nodes" ADD CONSTRAINT "policy_framework_nodes_node_id_framework_nodes_id_fk" FOREIGN KEY ("node_id") REFERENCES "public"."framework_nodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_issuing_bodies" ADD CONSTRAINT "policy_issuing_bodies_policy_id_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."policies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_issuing_bodies" ADD CONSTRAINT "policy_issuing_bodies_issuing_body_id_issuing_bodies_id_fk" FOREIGN KEY ("issuing_body_id") REFERENCES "public"."issuing_bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_passages" ADD CONSTRAINT "policy_passages_policy_id_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."policies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_passages" ADD CONSTRAINT "policy_passages_revision_id_brief_revisions_id_fk" FOREIGN KEY ("revision_id") REFERENCES "public"."brief_revisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impacts" ADD CONSTRAINT "impacts_policy_id_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."policies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impacts" ADD CONSTRAINT "impacts_response_item_id_response_items_id_fk" FOREIGN KEY ("response_item_id") REFERENCES "public"."response_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impacts" ADD CONSTRAINT "impacts_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impacts" ADD CONSTRAINT "impacts_acknowledged_by_id_users_id_fk" FOREIGN KEY ("acknowledged_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impacts" ADD CONSTRAINT "impacts_acknowledged_by_update_id_progress_updates_id_fk" FOREIGN KEY ("acknowledged_by_update_id") REFERENCES "public"."progress_updates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impacts" ADD CONSTRAINT "impacts_removed_by_id_users_id_fk" FOREIGN KEY ("removed_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_updates" ADD CONSTRAINT "progress_updates_response_item_id_response_items_id_fk" FOREIGN KEY ("response_item_id") REFERENCES "public"."response_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_updates" ADD CONSTRAINT "progress_updates_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "response_item_framework_nodes" ADD CONSTRAINT "response_item_framework_nodes_response_item_id_response_items_id_fk" FOREIGN KEY ("response_item_id") REFERENCES "public"."response_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "response_item_framework_nodes" ADD CONSTRAINT "response_item_framework_nodes_node_id_framework_nodes_id_fk" FOREIGN KEY ("node_id") REFERENCES "public"."framework_nodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "response_items" ADD CONSTRAINT "response_items_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "response_items" ADD CONSTRAINT "response_items_passage_revision_id_brief_revisions_id_fk" FOREIGN KEY ("passage_revision_id") REFERENCES "public"."brief_revisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "response_items" ADD CONSTRAINT "response_items_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity" ADD CONSTRAINT "activity_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annotation_links" ADD CONSTRAINT "annotation_links_annotation_id_annotations_id_fk" FOREIGN KEY ("annotation_id") REFERENCES "public"."annotations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annotation_links" ADD CONSTRAINT "annotation_links_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "invitations_token_hash_key" ON "invitations" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "invitations_email_idx" ON "invitations" USING btree ("email");--> statement-breakpoint
CREATE INDEX "rate_limit_buckets_window_idx" ON "rate_limit_buckets" USING btree ("window_start");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON "users" USING btree ("email");--> statement-breakpoint
CREATE INDEX "annotation_anchors_revision_idx" ON "annotation_anchors" USING btree ("revision_id");--> statement-breakpoint
CREATE INDEX "annotations_brief_idx" ON "annotations" USING btree ("brief_id","created_at");--> statement-breakpoint
CREATE INDEX "annotations_author_idx" ON "annotations" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "annotations_tags_idx" ON "annotations" USING gin ("tags");--> statement-breakpoint
CREATE UNIQUE INDEX "brief_revisions_brief_number_key" ON "brief_revisions" USING btree ("brief_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "framework_dimensions_key_key" ON "framework_dimensions" USING btree ("key");--> statement-breakpoint
CREATE INDEX "framework_nodes_dimension_idx" ON "framework_nodes" USING btree ("dimension_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "issuing_bodies_name_zh_key" ON "issuing_bodies" USING btree ("name_zh");--> statement-breakpoint
CREATE INDEX "policies_announced_idx" ON "policies" USING btree ("announced_on");--> statement-breakpoint
CREATE INDEX "policies_created_idx" ON "policies" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "policies_document_number_idx" ON "policies" USING btree ("document_number");--> statement-breakpoint
CREATE INDEX "policies_search_bigrams_idx" ON "policies" USING gin ("search_bigrams");--> statement-breakpoint
CREATE INDEX "policy_framework_nodes_node_idx" ON "policy_framework_nodes" USING btree ("node_id");--> statement-breakpoint
CREATE INDEX "policy_issuing_bodies_body_idx" ON "policy_issuing_bodies" USING btree ("issuing_body_id");--> statement-breakpoint
CREATE INDEX "policy_passages_policy_idx" ON "policy_passages" USING btree ("policy_id");--> statement-breakpoint
CREATE UNIQUE INDEX "impacts_live_key" ON "impacts" USING btree ("policy_id","response_item_id") WHERE "impacts"."removed_at" is null;--> statement-breakpoint
CREATE INDEX "impacts_item_idx" ON "impacts" USING btree ("response_item_id");--> statement-breakpoint
CREATE INDEX "progress_updates_item_idx" ON "progress_updates" USING btree ("response_item_id","created_at");--> statement-breakpoint
CREATE INDEX "response_item_framework_nodes_node_idx" ON "response_item_framework_nodes" USING btree ("node_id");--> statement-breakpoint
CREATE UNIQUE INDEX "response_items_number_key" ON "response_items" USING btree ("number");--> statement-breakpoint
CREATE INDEX "response_items_owner_idx" ON "response_items" USING btree ("owner_id","status");--> statement-breakpoint
CREATE INDEX "response_items_status_idx" ON "response_items" USING btree ("status","due_on");--> statement-breakpoint
CREATE INDEX "activity_entity_idx" ON "activity" USING btree ("entity_type","entity_id","at");--> statement-breakpoint
CREATE INDEX "activity_at_idx" ON "activity" USING btree ("at");--> statement-breakpoint
CREATE INDEX "activity_actor_idx" ON "activity" USING btree ("actor_id","at");--> statement-breakpoint
CREATE INDEX "annotation_links_target_idx" ON "annotation_links" USING btree ("target_type","target_id");--> statement-breakpoint
CREATE INDEX "comments_target_idx" ON "comments" USING btree ("target_type","target_id","created_at");--> statement-breakpoint
CREATE INDEX "comments_author_idx" ON "comments" USING btree ("author_id");--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_event_key" ON "notifications" USING btree ("user_id","kind","event_key");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","read_at","created_at");