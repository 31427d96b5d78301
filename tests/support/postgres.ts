/** The run's template database name: unique per run so parallel runs on one server don't collide. */
export function templateDatabaseName(): string {
  process.env.POLICY_DESK_TEST_RUN ??= `pd_test_${Date.now().toString(36)}_${process.pid}`;
  return process.env.POLICY_DESK_TEST_RUN;
}

/** The same server as `url`, on its `postgres` maintenance database (for CREATE/DROP DATABASE). */
export function adminUrl(url: string): string {
  const parsed = new URL(url);
  parsed.pathname = "/postgres";
  return parsed.toString();
}

export function databaseUrl(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
