import { and, eq, gt, isNull } from "drizzle-orm";
import { createElement } from "react";
import { MagicLinkEmail } from "#emails/magic-link";
import { db } from "~/db/client.server";
import { loginTokens, users } from "~/db/schema";
import { translator, type Locale } from "~/i18n/catalog";
import { enqueueMail, renderMail } from "~/modules/mail/outbox.server";
import { logger } from "~/utils/logger.server";
import { hashPassword, verifyDummy, verifyPassword } from "./password.server";
import { generateToken, hashToken } from "./tokens.server";

export const LOGIN_LINK_MINUTES = 15;

export type Role = "organiser" | "coordinator";

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function createUser(input: {
  email: string;
  name: string;
  role: Role;
  password?: string;
  groupId?: string | null;
}) {
  const [user] = await db
    .insert(users)
    .values({
      email: normaliseEmail(input.email),
      name: input.name.trim(),
      role: input.role,
      groupId: input.groupId ?? null,
      passwordHash: input.password ? await hashPassword(input.password) : null,
    })
    .returning({ id: users.id, email: users.email, name: users.name, role: users.role });
  return user!;
}

export async function findUserByEmail(email: string) {
  const [user] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      active: users.active,
      passwordHash: users.passwordHash,
    })
    .from(users)
    .where(eq(users.email, normaliseEmail(email)));
  return user;
}

/** The user id when e-mail and password match an active account; timing does not reveal which part failed. */
export async function verifyCredentials(email: string, password: string): Promise<string | null> {
  const user = await findUserByEmail(email);
  if (!user?.passwordHash || !user.active) {
    await verifyDummy(password);
    return null;
  }
  return (await verifyPassword(user.passwordHash, password)) ? user.id : null;
}

/**
 * Queues a sign-in link for an active account. Returns nothing either way: the caller shows the
 * same answer for known and unknown addresses. A new link voids the older ones.
 */
export async function requestLoginLink(input: {
  email: string;
  appUrl: string;
  locale: Locale;
  now?: Date;
}): Promise<void> {
  const now = input.now ?? new Date();
  const user = await findUserByEmail(input.email);
  if (!user?.active) return;
  const token = generateToken();
  const t = translator(input.locale);
  const url = `${input.appUrl}/login/link/${token}`;
  const mail = await renderMail(createElement(MagicLinkEmail, { t, lang: input.locale, name: user.name, url }));
  await db.transaction(async (tx) => {
    await tx.delete(loginTokens).where(and(eq(loginTokens.userId, user.id), eq(loginTokens.purpose, "login")));
    await tx.insert(loginTokens).values({
      id: hashToken(token),
      userId: user.id,
      purpose: "login",
      createdAt: now,
      expiresAt: new Date(now.getTime() + LOGIN_LINK_MINUTES * 60_000),
    });
    await enqueueMail(tx, { to: user.email, subject: t("mail.magicLink.subject"), ...mail, topic: `user:${user.id}` });
  });
}

/** How long every answer to "send me a link" takes at least (the mail's preparation fits in it). */
export const LOGIN_LINK_ANSWER_MS = 400;

/**
 * `requestLoginLink` in constant time: the answer takes LOGIN_LINK_ANSWER_MS for a known and an
 * unknown address alike (preparing the mail took measurably longer, which told who has an account).
 */
export async function requestLoginLinkEvenly(
  input: { email: string; appUrl: string; locale: Locale },
  answerMs = LOGIN_LINK_ANSWER_MS,
): Promise<void> {
  const floor = new Promise((resolve) => setTimeout(resolve, answerMs));
  try {
    await requestLoginLink(input);
  } catch (error) {
    logger.error({ err: String(error) }, "sign-in link could not be queued");
  }
  await floor;
}

/** Uses a one-time link: returns its user id once, then never again (also not after it expired). */
export async function consumeLoginToken(
  token: string,
  now = new Date(),
): Promise<{ userId: string; purpose: "login" | "invite" } | null> {
  const rows = await db
    .update(loginTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(loginTokens.id, hashToken(token)),
        isNull(loginTokens.usedAt),
        isNull(loginTokens.withdrawnAt),
        gt(loginTokens.expiresAt, now),
      ),
    )
    .returning({ userId: loginTokens.userId, purpose: loginTokens.purpose });
  const row = rows[0];
  if (!row) return null;
  const [user] = await db.select({ active: users.active }).from(users).where(eq(users.id, row.userId));
  return user?.active ? row : null;
}
