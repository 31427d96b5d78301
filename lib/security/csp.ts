/**
 * The Content-Security-Policy of every response. Scripts run only when they carry this
 * request's nonce ('strict-dynamic' lets those scripts load Next's chunks), so an injected
 * `<script>` or inline handler does not run. Styles keep 'unsafe-inline': React and Tiptap set
 * `style` attributes, which nonces cannot cover.
 */

/** A fresh, unguessable nonce (16 random bytes, base64). */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/** The policy for one response; `dev` adds the 'unsafe-eval' that `next dev` needs. */
export function contentSecurityPolicy({ nonce, dev = false }: { nonce: string; dev?: boolean }): string {
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    "script-src": ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(" ")}`)
    .join("; ");
}
