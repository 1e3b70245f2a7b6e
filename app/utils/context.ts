// What server.js hands every loader and action (see getLoadContext there).
declare module "@remix-run/node" {
  interface AppLoadContext {
    /** Client IP as seen through the configured number of trusted proxies only (IPv6: its /64). */
    clientIp: string;
    /** Per-response nonce for the Content-Security-Policy. */
    cspNonce: string;
    /** The browser's CSRF token (double-submit cookie), set by server.js before Remix runs. */
    csrfToken: string;
    /** Set by the page cache: render the whole document before sending (no streaming). */
    wholeDocument?: boolean;
  }
}
export {};
