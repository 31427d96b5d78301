import type { ReactNode } from "react";
import { WorkspaceShell } from "@/components/shell/workspace-shell";

/**
 * Pages that can answer 404 (`/brief`, `/policies/[id]`, `/response-items/[id]`), in the shell of
 * (workspace) but deliberately without a loading.tsx: a loading boundary starts streaming with
 * status 200, after which notFound() can no longer set it. Here an unknown, deleted or malformed
 * id gets a real 404.
 */
export default function RecordLayout({ children }: { children: ReactNode }) {
  return <WorkspaceShell>{children}</WorkspaceShell>;
}
