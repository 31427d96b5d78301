/**
 * The one-click unsubscribe endpoint (RFC 8058). Mail providers POST to it from their servers,
 * with no `Origin`: proxy.ts lets POSTs to this one path through the origin rule, and the route
 * accepts nothing but a signed token that changes one mail preference of one member.
 */
export const UNSUBSCRIBE_PATH = "/api/mail/unsubscribe";
