import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { isUuid } from "~/db/id";
import { db, type DbOrTx } from "~/db/client.server";
import { agendaItems, conferences, discussionInputs, discussionModerators, users } from "~/db/schema";
import type { SessionUser } from "~/modules/auth/sessions.server";
import { saveUpload, setFilesPublic } from "~/modules/uploads/files.server";
import type { PreparedUpload } from "~/modules/uploads/inspect.server";
import { env } from "~/utils/env.server";
import { isOpen } from "./format";
import { type InputFields } from "./discussion.schema";
import { findConferenceByDayCode } from "~/modules/conferences/day-code.server";

export type DiscussionInput = typeof discussionInputs.$inferSelect;

export { isOpen };

/** Marks a change the room view must show: live streams (on every instance) poll this counter. */
export async function bumpVersion(tx: DbOrTx, inputId: string) {
  await tx
    .update(discussionInputs)
    .set({ version: sql`${discussionInputs.version} + 1` })
    .where(eq(discussionInputs.id, inputId));
}

export function liveUrl(code: string, inputId?: string): string {
  return `${env.APP_URL}/live/${code}${inputId ? `/${inputId}` : ""}`;
}

// ── Inputs ─────────────────────────────────────────────────────────────────────────────────────

export async function createInput(conferenceId: string, fields: InputFields): Promise<DiscussionInput> {
  const [row] = await db
    .insert(discussionInputs)
    .values({ conferenceId, ...fields })
    .returning();
  return row!;
}

export async function updateInput(inputId: string, fields: InputFields) {
  await db.transaction(async (tx) => {
    await tx
      .update(discussionInputs)
      .set({ ...fields, updatedAt: new Date() })
      .where(eq(discussionInputs.id, inputId));
    await bumpVersion(tx, inputId);
  });
}

export async function getInput(inputId: string): Promise<DiscussionInput | null> {
  if (!isUuid(inputId)) return null;
  const [row] = await db.select().from(discussionInputs).where(eq(discussionInputs.id, inputId));
  return row ?? null;
}

/** An input reached through a day code: it must belong to that code's conference. */
export async function getInputForCode(code: string, inputId: string) {
  const conference = await findConferenceByDayCode(code);
  if (!conference) return null;
  const input = await getInput(inputId);
  if (!input || input.conferenceId !== conference.id) return null;
  return { conference, input };
}

/** The inputs of a conference as the public sees them (title, speakers, abstract, slot). */
export async function listPublicInputs(conferenceId: string) {
  return db
    .select({
      id: discussionInputs.id,
      title: discussionInputs.title,
      speakers: discussionInputs.speakers,
      abstract: discussionInputs.abstract,
      slidesFileId: discussionInputs.slidesFileId,
      questionsOpenAt: discussionInputs.questionsOpenAt,
      questionsCloseAt: discussionInputs.questionsCloseAt,
      startsAt: agendaItems.startsAt,
      endsAt: agendaItems.endsAt,
    })
    .from(discussionInputs)
    .leftJoin(agendaItems, eq(agendaItems.id, discussionInputs.agendaItemId))
    .where(eq(discussionInputs.conferenceId, conferenceId))
    .orderBy(asc(agendaItems.startsAt), asc(discussionInputs.position), asc(discussionInputs.createdAt));
}

/** The expert-input slots of a conference's agenda (to attach an input to). */
export async function listExpertInputSlots(conferenceId: string) {
  return db
    .select({
      id: agendaItems.id,
      title: agendaItems.title,
      startsAt: agendaItems.startsAt,
      endsAt: agendaItems.endsAt,
      speakers: agendaItems.speakers,
    })
    .from(agendaItems)
    .where(and(eq(agendaItems.conferenceId, conferenceId), inArray(agendaItems.kind, ["expert_input", "discussion"])))
    .orderBy(asc(agendaItems.startsAt));
}

// ── Slides ─────────────────────────────────────────────────────────────────────────────────────

/**
 * Attaches the speaker's slides to an input through the shared upload component (checked file,
 * quota per conference); a second upload becomes the next version of the same file. Slides are
 * public from then on (conference page and documentation link them).
 */
export async function attachSlides({
  inputId,
  upload,
  userId,
}: {
  inputId: string;
  upload: PreparedUpload;
  userId: string;
}) {
  const input = await getInput(inputId);
  if (!input) throw new Error("input not found");
  return saveUpload({
    upload,
    quotaKey: `discussion:${input.conferenceId}`,
    uploadedBy: userId,
    replaceFileId: input.slidesFileId ?? undefined,
    link: async (tx, saved) => {
      await tx
        .update(discussionInputs)
        .set({ slidesFileId: saved.fileId, updatedAt: new Date() })
        .where(eq(discussionInputs.id, inputId));
      await setFilesPublic(tx, [saved.fileId], true);
    },
  });
}

// ── Who may moderate ───────────────────────────────────────────────────────────────────────────

/** Organisers moderate every conference; anyone else only where an organiser granted it. */
export async function canModerate(user: Pick<SessionUser, "id" | "role">, conferenceId: string): Promise<boolean> {
  if (user.role === "organiser") return true;
  const [row] = await db
    .select({ userId: discussionModerators.userId })
    .from(discussionModerators)
    .where(and(eq(discussionModerators.conferenceId, conferenceId), eq(discussionModerators.userId, user.id)));
  return Boolean(row);
}

export async function grantModerator({
  conferenceId,
  email,
  grantedBy,
}: {
  conferenceId: string;
  email: string;
  grantedBy: string;
}) {
  const [user] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.email, email.trim().toLowerCase()), eq(users.active, true)));
  if (!user) return { ok: false as const, reason: "unknownUser" as const };
  await db.insert(discussionModerators).values({ conferenceId, userId: user.id, grantedBy }).onConflictDoNothing();
  return { ok: true as const };
}

export async function revokeModerator({ conferenceId, userId }: { conferenceId: string; userId: string }) {
  await db
    .delete(discussionModerators)
    .where(and(eq(discussionModerators.conferenceId, conferenceId), eq(discussionModerators.userId, userId)));
}

export async function listModerators(conferenceId: string) {
  return db
    .select({ userId: users.id, name: users.name, email: users.email })
    .from(discussionModerators)
    .innerJoin(users, eq(users.id, discussionModerators.userId))
    .where(eq(discussionModerators.conferenceId, conferenceId))
    .orderBy(asc(users.name));
}

/** Conferences with their inputs that this user may moderate, newest first. */
export async function listModeratedConferences(user: Pick<SessionUser, "id" | "role">) {
  const all = await db
    .select({ id: conferences.id, year: conferences.year, title: conferences.title, dayCode: conferences.dayCode })
    .from(conferences)
    .orderBy(sql`${conferences.year} desc`);
  const allowed = [];
  for (const c of all) if (await canModerate(user, c.id)) allowed.push(c);
  if (!allowed.length) return [];
  const inputs = await db
    .select({
      id: discussionInputs.id,
      conferenceId: discussionInputs.conferenceId,
      title: discussionInputs.title,
      moderation: discussionInputs.moderation,
    })
    .from(discussionInputs)
    .where(
      inArray(
        discussionInputs.conferenceId,
        allowed.map((c) => c.id),
      ),
    )
    .orderBy(asc(discussionInputs.position), asc(discussionInputs.createdAt));
  return allowed.map((c) => ({ ...c, inputs: inputs.filter((i) => i.conferenceId === c.id) }));
}
