import pino from "pino";
import { env } from "./env.server";

// Structured JSON logs. Never log request bodies, tokens, addresses or special-category data:
// the redact list is the safety net, not the rule.
export const logger = pino({
  level: env.LOG_LEVEL,
  redact: { paths: ["password", "token", "email", "*.password", "*.token", "*.email"], censor: "[redacted]" },
  base: undefined,
});

/**
 * A request path fit for logs: tokens in links (/login/link/<token>, /meine-anmeldung/<token>/…),
 * also typed in capitals, are cut out; control characters are escaped, and the length is capped.
 */
export function loggablePath(pathname: string): string {
  return (
    pathname
      .replace(/\/[a-z2-7]{24,}(?=\/|$)/gi, "/[token]")
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`)
      .slice(0, 300)
  );
}

/** Text for logs without e-mail addresses (mail servers name the recipient in their errors). */
export function withoutAddresses(text: string): string {
  return text.replace(/[^\s<>()"',;:@]+@[^\s<>()"',;:@]+\.[^\s<>()"',;:@]+/g, "[address]");
}
