CREATE TYPE "public"."intake_state" AS ENUM('new', 'logged', 'dismissed', 'duplicate');--> statement-breakpoint
CREATE TYPE "public"."source_kind" AS ENUM('rss', 'atom', 'json_feed', 'html_list');--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'intake';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'source_changed';--> statement-breakpoint
CREATE TABLE "intake_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source_id" uuid NOT NULL,
	"title" text NOT NULL,
	"url" text NOT NULL,
	"canonical_url" text NOT NULL,
	"title_key" text NOT NULL,
	"published_at" timestamp with time zone,
	"first_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"state" "intake_state" DEFAULT 'new' NOT NULL,
	"policy_id" uuid,
	"suggested_policy_id" uuid,
	"dismiss_reason" text,
	"decided_by_id" uuid,
	"decided_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "source_snapshots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"policy_id" uuid NOT NULL,
	"url" text NOT NULL,
	"fetched_at" timestamp with time zone DEFAULT now() NOT NULL,
	"http_status" integer,
	"error" text,
	"text" text,
	"hash" text
);
--> statement-breakpoint
CREATE TABLE "sources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"url" text NOT NULL,
	"kind" "source_kind" NOT NULL,
	"link_selector" text,
	"title_selector" text,
	"date_selector" text,
	"interval_minutes" integer DEFAULT 360 NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"next_check_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_checked_at" timestamp with time zone,
	"last_success_at" timestamp with time zone,
	"last_error" text,
	"last_error_detail" text,
	"last_error_at" timestamp with time zone,
	"entries_found" integer DEFAULT 0 NOT NULL,
	"etag" text,
	"last_modified" text,
	"created_by_id" uuid,
	"deleted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sources_interval_check" CHECK ("sources"."interval_minutes" >= 15)
);
--> statement-breakpoint
ALTER TABLE "policies" ADD COLUMN "source_changed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "intake_entries" ADD CONSTRAINT "intake_entries_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_entries" ADD CONSTRAINT "intake_entries_policy_id_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."policies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_entries" ADD CONSTRAINT "intake_entries_suggested_policy_id_policies_id_fk" FOREIGN KEY ("suggested_policy_id") REFERENCES "public"."policies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_entries" ADD CONSTRAINT "intake_entries_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_snapshots" ADD CONSTRAINT "source_snapshots_policy_id_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."policies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sources" ADD CONSTRAINT "sources_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "intake_entries_canonical_url_key" ON "intake_entries" USING btree ("canonical_url");--> statement-breakpoint
CREATE UNIQUE INDEX "intake_entries_source_title_key" ON "intake_entries" USING btree ("source_id","title_key");--> statement-breakpoint
CREATE INDEX "intake_entries_state_idx" ON "intake_entries" USING btree ("state","first_seen_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "intake_entries_source_idx" ON "intake_entries" USING btree ("source_id","first_seen_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "intake_entries_policy_idx" ON "intake_entries" USING btree ("policy_id");--> statement-breakpoint
CREATE INDEX "source_snapshots_policy_idx" ON "source_snapshots" USING btree ("policy_id","fetched_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "sources_url_key" ON "sources" USING btree ("url") WHERE "sources"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "sources_due_idx" ON "sources" USING btree ("next_check_at") WHERE "sources"."enabled" and "sources"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "policies_source_url_idx" ON "policies" USING btree ("source_url");