import { and, desc, asc, eq, gt, isNotNull, isNull, ne } from "drizzle-orm";
import { createElement } from "react";
import { GroupNoticeEmail } from "#emails/group-notice";
import { db } from "~/db/client.server";
import { recordAudit } from "~/modules/audit/audit.server";
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
}): Promise<{ ok: true; userId: string } | { ok: false; error: "taken" | "notFound" }> {
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
  const invited = await db.transaction(async (tx) => {
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
    return userId!;
  });
  return { ok: true, userId: invited };
}

export type InvitationStatus = "open" | "accepted" | "expired" | "withdrawn";

function invitationStatus(row: { usedAt: Date | null; withdrawnAt: Date | null; expiresAt: Date }, now: Date) {
  if (row.withdrawnAt) return "withdrawn" as const;
  if (row.usedAt) return "accepted" as const;
  if (row.expiresAt <= now) return "expired" as const;
  return "open" as const;
}

/** The group's coordinator invitations (one per person: a new one replaces the last), newest first, with their status. */
export async function listInvitations(groupId: string, now = new Date()) {
  const rows = await db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      createdAt: loginTokens.createdAt,
      expiresAt: loginTokens.expiresAt,
      usedAt: loginTokens.usedAt,
      withdrawnAt: loginTokens.withdrawnAt,
    })
    .from(loginTokens)
    .innerJoin(users, eq(users.id, loginTokens.userId))
    .where(and(eq(loginTokens.purpose, "invite"), eq(users.groupId, groupId), eq(users.role, "coordinator")))
    .orderBy(desc(loginTokens.createdAt));
  return rows.map((r) => ({ ...r, status: invitationStatus(r, now) }));
}

/** The open invitation of this person to this group, or null. */
export async function getOpenInvitation(groupId: string, userId: string, now = new Date()) {
  if (!isUuid(userId)) return null;
  const found = (await listInvitations(groupId, now)).find((i) => i.userId === userId);
  return found?.status === "open" ? found : null;
}

/**
 * Takes back an open invitation: its link no longer signs in. An account that was created by the
 * invitation and never used is switched off as well, so no sign-in link reaches it either.
 */
export async function withdrawInvitation(input: {
  groupId: string;
  userId: string;
  actor: { id: string; name?: string } | null;
  now?: Date;
}): Promise<boolean> {
  const now = input.now ?? new Date();
  const invitation = await getOpenInvitation(input.groupId, input.userId, now);
  if (!invitation) return false;
  return db.transaction(async (tx) => {
    const withdrawn = await tx
      .update(loginTokens)
      .set({ withdrawnAt: now })
      .where(
        and(
          eq(loginTokens.userId, input.userId),
          eq(loginTokens.purpose, "invite"),
          isNull(loginTokens.usedAt),
          isNull(loginTokens.withdrawnAt),
          gt(loginTokens.expiresAt, now),
        ),
      )
      .returning({ id: loginTokens.id });
    if (!withdrawn.length) return false;
    const [signedIn] = await tx
      .select({ id: loginTokens.id })
      .from(loginTokens)
      .where(and(eq(loginTokens.userId, input.userId), isNotNull(loginTokens.usedAt)))
      .limit(1);
    const [account] = await tx
      .select({ passwordHash: users.passwordHash, oidcSubject: users.oidcSubject })
      .from(users)
      .where(eq(users.id, input.userId));
    if (!signedIn && !account?.passwordHash && !account?.oidcSubject)
      await tx.update(users).set({ active: false }).where(eq(users.id, input.userId));
    await recordAudit(tx, {
      actor: input.actor,
      action: "invitation.withdraw",
      subjectType: "group",
      subjectId: input.groupId,
      summary: invitation.name,
    });
    return true;
  });
}
