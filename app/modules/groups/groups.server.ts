import { and, asc, eq, ne } from "drizzle-orm";
import { createElement } from "react";
import { GroupNoticeEmail } from "#emails/group-notice";
import { db } from "~/db/client.server";
import { groups, loginTokens, users } from "~/db/schema";
import { translator, type Locale } from "~/i18n/catalog";
import { normaliseEmail } from "~/modules/auth/accounts.server";
import { generateToken, hashToken } from "~/modules/auth/tokens.server";
import { enqueueMail, renderMail } from "~/modules/mail/outbox.server";
import { isUuid } from "~/db/id";

export const INVITE_DAYS = 7;
export type GroupKind = "working_group" | "district_network";
export type Group = typeof groups.$inferSelect;

/** Working groups first, then district networks, each by name. */
export async function listGroups(): Promise<Group[]> {
  // The enum's order: working groups before district networks.
  return db.select().from(groups).orderBy(asc(groups.kind), asc(groups.name));
}

export async function getGroupBySlug(slug: string) {
  const [group] = await db.select().from(groups).where(eq(groups.slug, slug));
  return group ?? null;
}

export async function getGroup(id: string) {
  if (!isUuid(id)) return null;
  const [group] = await db.select().from(groups).where(eq(groups.id, id));
  return group ?? null;
}

export type GroupInput = {
  name: string;
  kind: GroupKind;
  slug: string;
  description: string;
  fieldsOfAction: string[];
  contactName: string | null;
  contactEmail: string | null;
};

/** Saves a group; false when another group already has the slug. */
export async function updateGroup(id: string, input: GroupInput): Promise<{ ok: true } | { ok: false; field: "slug" }> {
  const [clash] = await db
    .select({ id: groups.id })
    .from(groups)
    .where(and(eq(groups.slug, input.slug), ne(groups.id, id)));
  if (clash) return { ok: false, field: "slug" };
  await db
    .update(groups)
    .set({ ...input, contactEmail: input.contactEmail ? normaliseEmail(input.contactEmail) : null })
    .where(eq(groups.id, id));
  return { ok: true };
}

export async function listCoordinators(groupId: string) {
  return db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      active: users.active,
      hasPassword: users.passwordHash,
    })
    .from(users)
    .where(and(eq(users.groupId, groupId), eq(users.role, "coordinator")))
    .orderBy(asc(users.name))
    .then((rows) => rows.map((r) => ({ ...r, hasPassword: Boolean(r.hasPassword) })));
}

/**
 * Invites a coordinator: creates (or re-activates) a coordinator account bound to this group and
 * mails a one-time link (valid seven days) that signs them in through the usual confirm page.
 * Refused when the address belongs to an organiser or to a coordinator of another group.
 */
export async function inviteCoordinator(input: {
  groupId: string;
  email: string;
  name: string;
  appUrl: string;
  locale: Locale;
  now?: Date;
}): Promise<{ ok: true } | { ok: false; error: "taken" | "notFound" }> {
  const now = input.now ?? new Date();
  const email = normaliseEmail(input.email);
  const group = await getGroup(input.groupId);
  if (!group) return { ok: false, error: "notFound" };
  const [existing] = await db.select().from(users).where(eq(users.email, email));
  if (existing && (existing.role !== "coordinator" || (existing.groupId && existing.groupId !== group.id)))
    return { ok: false, error: "taken" };
  const token = generateToken();
  const t = translator(input.locale);
  const name = existing?.name ?? input.name.trim();
  const url = `${input.appUrl}/login/link/${token}`;
  const subject = t("groups.invite.mailSubject", { group: group.name });
  const mail = await renderMail(
    createElement(GroupNoticeEmail, {
      t,
      lang: input.locale,
      name,
      subject,
      paragraphs: [
        t("groups.invite.mailBody", { group: group.name }),
        t("groups.invite.mailValid", { days: INVITE_DAYS }),
      ],
      button: t("groups.invite.mailButton"),
      url,
    }),
  );
  await db.transaction(async (tx) => {
    let userId = existing?.id;
    if (existing) {
      await tx.update(users).set({ groupId: group.id, active: true }).where(eq(users.id, existing.id));
    } else {
      const [created] = await tx
        .insert(users)
        .values({ email, name, role: "coordinator", groupId: group.id })
        .returning({ id: users.id });
      userId = created!.id;
    }
    await tx.delete(loginTokens).where(and(eq(loginTokens.userId, userId!), eq(loginTokens.purpose, "invite")));
    await tx.insert(loginTokens).values({
      id: hashToken(token),
      userId: userId!,
      purpose: "invite",
      createdAt: now,
      expiresAt: new Date(now.getTime() + INVITE_DAYS * 86_400_000),
    });
    await enqueueMail(tx, { to: email, subject, ...mail, topic: `user:${userId}` });
  });
  return { ok: true };
}
