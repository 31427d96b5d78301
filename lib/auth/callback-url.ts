/**
 * Where to go after signing in: only a path of this site, never another origin (an open
 * redirect would let a phishing link bounce through our sign-in page) and never the sign-in
 * page itself.
 */
export function safeCallbackUrl(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) {
    return fallback;
  }
  const base = "http://policy-desk.invalid";
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base || url.pathname.startsWith("/sign-in")) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
