ALTER TABLE "activity" ADD COLUMN "private_to" uuid;--> statement-breakpoint
ALTER TABLE "activity" ADD CONSTRAINT "activity_private_to_users_id_fk" FOREIGN KEY ("private_to") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Entries already recorded for private notes (and for the threads on them) become their author's
-- alone. The log stays append-only for everyone else: the trigger is off only for this backfill.
ALTER TABLE "activity" DISABLE TRIGGER "activity_append_only";--> statement-breakpoint
UPDATE "activity" SET "private_to" = a."author_id"
  FROM "annotations" a
  WHERE a."is_private"
    AND (("activity"."entity_type" = 'annotation' AND "activity"."entity_id" = a."id"::text)
      OR ("activity"."entity_type" = 'comment' AND coalesce("activity"."after", "activity"."before")->>'targetType' = 'annotation'
          AND coalesce("activity"."after", "activity"."before")->>'targetId' = a."id"::text));--> statement-breakpoint
ALTER TABLE "activity" ENABLE TRIGGER "activity_append_only";
