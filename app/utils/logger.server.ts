import pino from "pino";
import { env } from "./env.server";

// Structured JSON logs. Never log request bodies, tokens, addresses or special-category data:
// the redact list is the safety net, not the rule.
export const logger = pino({
  level: env.LOG_LEVEL,
  redact: { paths: ["password", "token", "email", "*.password", "*.token", "*.email"], censor: "[redacted]" },
  base: undefined,
});

/** A request path fit for logs: one-time tokens in links (/login/link/<token>) are cut out. */
export function loggablePath(pathname: string): string {
  return pathname.replace(/\/[a-z2-7]{24,}(?=\/|$)/g, "/[token]");
}

/** Text for logs without e-mail addresses (mail servers name the recipient in their errors). */
export function withoutAddresses(text: string): string {
  return text.replace(/[^\s<>()"',;:@]+@[^\s<>()"',;:@]+\.[^\s<>()"',;:@]+/g, "[address]");
}
