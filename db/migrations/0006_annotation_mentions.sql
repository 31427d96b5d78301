ALTER TABLE "annotations" ADD COLUMN "mentioned_user_ids" uuid[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
CREATE INDEX "annotations_mentions_idx" ON "annotations" USING gin ("mentioned_user_ids");--> statement-breakpoint
CREATE INDEX "comments_mentions_idx" ON "comments" USING gin ("mentioned_user_ids");--> statement-breakpoint
-- Existing annotations: the users their body mentions (mention nodes' attrs.id, well-formed ids only).
UPDATE "annotations" SET "mentioned_user_ids" = coalesce((
  SELECT array_agg(DISTINCT (m #>> '{attrs,id}')::uuid)
  FROM jsonb_path_query("body", '$.** ? (@.type == "mention")') AS m
  WHERE (m #>> '{attrs,id}') ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
), '{}')
WHERE jsonb_path_exists("body", '$.** ? (@.type == "mention")');
