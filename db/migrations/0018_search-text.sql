ALTER TABLE "policies" ALTER COLUMN "search_text" DROP EXPRESSION;--> statement-breakpoint
ALTER TABLE "policies" ALTER COLUMN "search_text" SET DEFAULT '';--> statement-breakpoint
ALTER TABLE "policies" ALTER COLUMN "search_text" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "policies" ADD COLUMN "search_version" smallint DEFAULT 0 NOT NULL;
