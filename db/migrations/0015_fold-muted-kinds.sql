-- A muted kind was neither shown nor sent: it becomes the delivery "off" for that kind. Every
-- other kind keeps no entry and follows its default.
UPDATE "users" SET "notification_delivery" = (
	SELECT jsonb_object_agg(kind::text, 'off') FROM unnest("muted_notification_kinds") AS kind
) WHERE cardinality("muted_notification_kinds") > 0;--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "muted_notification_kinds";
