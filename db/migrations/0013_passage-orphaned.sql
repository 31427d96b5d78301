ALTER TABLE "framework_nodes" ADD COLUMN "passage_orphaned" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "policy_passages" ADD COLUMN "orphaned" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "response_items" ADD COLUMN "passage_orphaned" boolean DEFAULT false NOT NULL;