ALTER TYPE "public"."notification_kind" ADD VALUE 'overdue' BEFORE 'intake';--> statement-breakpoint
-- Overdue items were reminded as "due soon" until now: whoever chose how those reach them keeps that choice for overdue ones.
UPDATE "users" SET "notification_delivery" = "notification_delivery" || jsonb_build_object('overdue', "notification_delivery"->'due_soon') WHERE "notification_delivery" ? 'due_soon' AND NOT "notification_delivery" ? 'overdue';
