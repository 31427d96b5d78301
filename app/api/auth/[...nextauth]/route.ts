import { handlers } from "@/lib/auth/auth";

// Auth.js' own endpoints (csrf, session, callback/credentials, signout) under /api/auth/*.
export const { GET, POST } = handlers;
