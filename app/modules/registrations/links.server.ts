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
export const manageUrl = (token: string) => `${env.APP_URL}/meine-anmeldung/${token}`;
export const confirmUrl = (token: string) => `${env.APP_URL}/anmeldung-bestaetigen/${token}`;

export function freshManage(registrationId: string) {
  const salt = generateToken();
  const token = manageToken(registrationId, salt);
  return { salt, token, hash: hashToken(token) };
}
