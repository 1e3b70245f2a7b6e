import { createCookie } from "@remix-run/node";
import { LOGIN_LINK_MINUTES } from "~/modules/auth/accounts.server";
import { isProduction } from "~/utils/env.server";

/**
 * Holds a sign-in link's token between opening the link (GET) and confirming (POST), so the token
 * leaves the address bar, history and Referer at once.
 */
export const linkCookie = createCookie(isProduction ? "__Host-ikon_link" : "ikon_link", {
  httpOnly: true,
  sameSite: "lax",
  secure: isProduction,
  path: "/",
  maxAge: LOGIN_LINK_MINUTES * 60,
});
