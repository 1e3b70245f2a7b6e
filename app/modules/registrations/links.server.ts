import { createHmac } from "node:crypto";
import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";
import { generateToken, hashToken } from "~/modules/auth/tokens.server";
import { env } from "~/utils/env.server";

// Links. The manage link's token is derived (HMAC with the server secret) from the registration
// and a random salt, so it can be mailed again (reminder) while the database keeps only its
// SHA-256 hash. A new salt voids every older manage link.

export function manageToken(registrationId: string, salt: string): string {
  const mac = createHmac("sha256", env.SESSION_SECRET).update(`manage:${registrationId}:${salt}`).digest();
  return encodeBase32LowerCaseNoPadding(mac.subarray(0, 20));
}
/**
 * A page address in a mail: it carries the language of the registration (`?lang=`), so the page
 * opens in the mail's language in any browser (and keeps it: see entry.server.tsx).
 */
export const mailedUrl = (path: string, locale: string) =>
  `${env.APP_URL}${path}?${new URLSearchParams({ lang: locale })}`;
export const manageUrl = (token: string, locale: string) => mailedUrl(`/meine-anmeldung/${token}`, locale);
export const confirmUrl = (token: string, locale: string) => mailedUrl(`/anmeldung-bestaetigen/${token}`, locale);

export function freshManage(registrationId: string) {
  const salt = generateToken();
  const token = manageToken(registrationId, salt);
  return { salt, token, hash: hashToken(token) };
}
