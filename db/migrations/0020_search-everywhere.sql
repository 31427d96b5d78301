ALTER TABLE "annotations" ADD COLUMN "search_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "annotations" ADD COLUMN "search_bigrams" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "annotations" ADD COLUMN "search_version" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "framework_nodes" ADD COLUMN "search_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "framework_nodes" ADD COLUMN "search_bigrams" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "framework_nodes" ADD COLUMN "search_version" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "response_items" ADD COLUMN "search_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "response_items" ADD COLUMN "search_bigrams" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "response_items" ADD COLUMN "search_version" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "comments" ADD COLUMN "search_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "comments" ADD COLUMN "search_bigrams" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "comments" ADD COLUMN "search_version" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "intake_entries" ADD COLUMN "search_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "intake_entries" ADD COLUMN "search_bigrams" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "intake_entries" ADD COLUMN "search_version" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "annotations_search_bigrams_idx" ON "annotations" USING gin ("search_bigrams");--> statement-breakpoint
CREATE INDEX "annotations_created_idx" ON "annotations" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "framework_nodes_search_bigrams_idx" ON "framework_nodes" USING gin ("search_bigrams");--> statement-breakpoint
CREATE INDEX "response_items_search_bigrams_idx" ON "response_items" USING gin ("search_bigrams");--> statement-breakpoint
CREATE INDEX "comments_search_bigrams_idx" ON "comments" USING gin ("search_bigrams");--> statement-breakpoint
CREATE INDEX "comments_created_idx" ON "comments" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "intake_entries_search_bigrams_idx" ON "intake_entries" USING gin ("search_bigrams");