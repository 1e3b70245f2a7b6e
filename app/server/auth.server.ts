import { createCookie, redirect } from "@remix-run/node";
import {
  createSession,
  invalidateSession,
  touchSession,
  validateSession,
  type SessionUser,
} from "~/modules/auth/sessions.server";
import { env, isProduction } from "~/utils/env.server";
import { safeRedirect } from "./http.server";

// __Host- binds the cookie to this exact origin (no Domain, Path=/, Secure): a sibling subdomain of
// the city cannot set or read it. Browsers allow Secure cookies on http://localhost as well.
export const sessionCookie = createCookie(isProduction ? "__Host-ikon_session" : "ikon_session", {
  httpOnly: true,
  sameSite: "lax",
  secure: isProduction,
  path: "/",
  maxAge: env.SESSION_ABSOLUTE_HOURS * 3600,
});

async function readToken(request: Request): Promise<string | null> {
  const value: unknown = await sessionCookie.parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length > 0 ? value : null;
}

/** The signed-in user of this request, or null. */
export async function getUser(request: Request): Promise<SessionUser | null> {
  const token = await readToken(request);
  if (!token) return null;
  return (await validateSession(token))?.user ?? null;
}

/** Extends the signed-in session of this request (the idle timeout starts again); false when none. */
export async function extendSession(request: Request): Promise<boolean> {
  const token = await readToken(request);
  return token ? touchSession(token) : false;
}

function loginRedirect(request: Request): never {
  const url = new URL(request.url);
  throw redirect(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
}

export async function requireUser(request: Request): Promise<SessionUser> {
  return (await getUser(request)) ?? loginRedirect(request);
}

export async function requireOrganiser(request: Request): Promise<SessionUser> {
  const user = await requireUser(request);
  if (user.role !== "organiser") throw new Response(null, { status: 403 });
  return user;
}

/** A coordinator of exactly this group, or an organiser. Anyone else gets 404: the group's data does not exist for them. */
export async function requireGroupAccess(request: Request, groupId: string): Promise<SessionUser> {
  const user = await requireUser(request);
  if (user.role === "organiser" || user.groupId === groupId) return user;
  throw new Response(null, { status: 404 });
}

/** Starts a fresh session (a session id set before sign-in is never reused) and redirects. */
export async function signIn(
  request: Request,
  userId: string,
  redirectTo: string | null | undefined,
): Promise<Response> {
  const old = await readToken(request);
  if (old) await invalidateSession(old);
  const { token } = await createSession(userId);
  return redirect(safeRedirect(redirectTo, "/verwaltung"), {
    headers: { "Set-Cookie": await sessionCookie.serialize(token) },
  });
}

export async function signOut(request: Request, to = "/login?abgemeldet=1"): Promise<Response> {
  const token = await readToken(request);
  if (token) await invalidateSession(token);
  return redirect(to, { headers: { "Set-Cookie": await sessionCookie.serialize("", { maxAge: 0 }) } });
}
