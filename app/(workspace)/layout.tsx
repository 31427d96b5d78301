import type { ReactNode } from "react";
import { WorkspaceShell } from "@/components/shell/workspace-shell";

/** Screens of the workspace (lists, dashboard, brief…), with a loading view while they render. */
export default function WorkspaceLayout({ children }: { children: ReactNode }) {
  return <WorkspaceShell>{children}</WorkspaceShell>;
}
