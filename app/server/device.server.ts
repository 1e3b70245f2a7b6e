import { createCookie } from "@remix-run/node";
import { isProduction } from "~/utils/env.server";

/**
 * A functional, random device id for taking part in the room without an account (one like per
 * question, one ballot per device). Not linked to a person, not used for anything else.
 */
export const deviceCookie = createCookie(isProduction ? "__Host-ikon_device" : "ikon_device", {
  httpOnly: true,
  sameSite: "lax",
  secure: isProduction,
  path: "/",
  maxAge: 3 * 86_400,
});

export async function readDeviceId(request: Request): Promise<string | null> {
  const value: unknown = await deviceCookie.parse(request.headers.get("Cookie"));
  return typeof value === "string" && /^[A-Za-z0-9_-]{22,64}$/.test(value) ? value : null;
}

/** The device id of this browser; `setCookie` is set when a new one was made (send it with the response). */
export async function deviceId(request: Request): Promise<{ id: string; setCookie?: string }> {
  const existing = await readDeviceId(request);
  if (existing) return { id: existing };
  const bytes = new Uint8Array(18);
  crypto.getRandomValues(bytes);
  const id = Buffer.from(bytes).toString("base64url");
  return { id, setCookie: await deviceCookie.serialize(id) };
}
