/** Query parameters that only track how a visitor arrived; they never change which page is shown. */
function isTrackingParam(name: string): boolean {
  const key = name.toLowerCase();
  return key.startsWith("utm_") || key === "spm" || key === "from" || key.startsWith("share");
}

function decodeKey(raw: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, " "));
  } catch {
    return raw;
  }
}

/**
 * One spelling per page, to recognise an entry seen again: https, lower-case host, no default port,
 * no fragment, no tracking parameters, sorted query, no duplicate slashes in the path.
 * Input that is not an absolute URL is returned trimmed.
 */
export function canonicalUrl(url: string): string {
  const trimmed = url.trim();
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return trimmed;
  }
  const web = parsed.protocol === "http:" || parsed.protocol === "https:";
  if (!web) {
    parsed.hash = "";
    return parsed.href;
  }
  // http and https serve the same page on these sites; so 80 and 443 are both "default".
  const port = parsed.port && parsed.port !== "80" && parsed.port !== "443" ? `:${parsed.port}` : "";
  const auth = parsed.username ? `${parsed.username}${parsed.password ? `:${parsed.password}` : ""}@` : "";
  const path = parsed.pathname.replace(/\/{2,}/g, "/");
  // The raw query is split by hand: URLSearchParams would re-decode GBK percent-escapes as UTF-8 and lose them.
  const params = parsed.search
    .slice(1)
    .split("&")
    .filter((pair) => pair !== "")
    .map((pair) => {
      const eq = pair.indexOf("=");
      return { key: eq < 0 ? pair : pair.slice(0, eq), pair };
    })
    .filter(({ key }) => !isTrackingParam(decodeKey(key)))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.pair < b.pair ? -1 : a.pair > b.pair ? 1 : 0));
  const query = params.length ? `?${params.map(({ pair }) => pair).join("&")}` : "";
  return `https://${auth}${parsed.hostname.toLowerCase()}${port}${path}${query}`;
}
