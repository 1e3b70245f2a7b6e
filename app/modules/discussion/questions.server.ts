import { and, asc, desc, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import { db } from "~/db/client.server";
import { discussionInputs, discussionLikes, discussionQuestions } from "~/db/schema";
import { hashToken } from "~/modules/auth/tokens.server";
import { hitAll, type RateRule } from "~/modules/security/rate-limit.server";
import { cleanText, NAME_MAX, QUESTION_MAX, QUESTION_MIN } from "./discussion.schema";
import { bumpVersion, getInput, isOpen } from "./inputs.server";

/**
 * Budgets for taking part without an account. Per device tight; per IP generous, because a whole
 * hall may share one venue address.
 */
export const discussionRules = {
  questionPerDevice: { name: "discussion-question-device", limit: 5, windowMs: 10 * 60_000 },
  questionPerIp: { name: "discussion-question-ip", limit: 600, windowMs: 10 * 60_000 },
  likePerDevice: { name: "discussion-like-device", limit: 120, windowMs: 10 * 60_000 },
  likePerIp: { name: "discussion-like-ip", limit: 12_000, windowMs: 10 * 60_000 },
} satisfies Record<string, RateRule>;

/** What is public: approved or answered, not merged into another question. Nothing else leaves the moderation. */
const isPublic = and(
  inArray(discussionQuestions.status, ["approved", "answered"]),
  isNull(discussionQuestions.mergedIntoId),
);

export type Refusal = "closed" | "rateLimited" | "notFound" | "invalid";
export type Outcome<T = object> = ({ ok: true } & T) | { ok: false; reason: Refusal; retryAfterSeconds?: number };

const deviceHash = (deviceId: string) => hashToken(`device:${deviceId}`);

export async function askQuestion(args: {
  inputId: string;
  deviceId: string;
  clientIp: string;
  text: string;
  name?: string | null;
  now?: Date;
}): Promise<Outcome<{ questionId: string; status: "pending" | "approved" }>> {
  const now = args.now ?? new Date();
  const input = await getInput(args.inputId);
  if (!input) return { ok: false, reason: "notFound" };
  if (!isOpen(input, now)) return { ok: false, reason: "closed" };
  const text = cleanText(args.text);
  const name = cleanText(args.name ?? "");
  if (text.length < QUESTION_MIN || text.length > QUESTION_MAX || name.length > NAME_MAX)
    return { ok: false, reason: "invalid" };
  const limit = await hitAll(
    [
      [discussionRules.questionPerDevice, args.deviceId],
      [discussionRules.questionPerIp, args.clientIp],
    ],
    now,
  );
  if (!limit.allowed) return { ok: false, reason: "rateLimited", retryAfterSeconds: limit.retryAfterSeconds };
  const status = input.moderation === "post" ? ("approved" as const) : ("pending" as const);
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(discussionQuestions)
      .values({
        inputId: input.id,
        text,
        authorName: name || null,
        status,
        deviceHash: deviceHash(args.deviceId),
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: discussionQuestions.id });
    await bumpVersion(tx, input.id);
    return row!.id;
  });
  return { ok: true, questionId: id, status };
}

/**
 * One like per device and question. A second like changes nothing (`changed: false`); "unlike"
 * takes one's own like back. Only public questions of an open input can be liked.
 */
export async function setLike(args: {
  questionId: string;
  deviceId: string;
  clientIp: string;
  like: boolean;
  now?: Date;
}): Promise<Outcome<{ changed: boolean; inputId: string }>> {
  const now = args.now ?? new Date();
  const [question] = await db
    .select({
      id: discussionQuestions.id,
      inputId: discussionQuestions.inputId,
      openAt: discussionInputs.questionsOpenAt,
      closeAt: discussionInputs.questionsCloseAt,
    })
    .from(discussionQuestions)
    .innerJoin(discussionInputs, eq(discussionInputs.id, discussionQuestions.inputId))
    .where(and(eq(discussionQuestions.id, args.questionId), isPublic));
  if (!question) return { ok: false, reason: "notFound" };
  if (!isOpen({ questionsOpenAt: question.openAt, questionsCloseAt: question.closeAt }, now))
    return { ok: false, reason: "closed" };
  const limit = await hitAll(
    [
      [discussionRules.likePerDevice, args.deviceId],
      [discussionRules.likePerIp, args.clientIp],
    ],
    now,
  );
  if (!limit.allowed) return { ok: false, reason: "rateLimited", retryAfterSeconds: limit.retryAfterSeconds };
  const hash = deviceHash(args.deviceId);
  const changed = await db.transaction(async (tx) => {
    const rows = args.like
      ? await tx
          .insert(discussionLikes)
          .values({ questionId: question.id, deviceHash: hash, createdAt: now })
          .onConflictDoNothing()
          .returning({ q: discussionLikes.questionId })
      : await tx
          .delete(discussionLikes)
          .where(and(eq(discussionLikes.questionId, question.id), eq(discussionLikes.deviceHash, hash)))
          .returning({ q: discussionLikes.questionId });
    if (!rows.length) return false;
    await tx
      .update(discussionQuestions)
      .set({ likeCount: sql`${discussionQuestions.likeCount} + ${args.like ? 1 : -1}` })
      .where(eq(discussionQuestions.id, question.id));
    await bumpVersion(tx, question.inputId);
    return true;
  });
  return { ok: true, changed, inputId: question.inputId };
}

export type PublicQuestion = {
  id: string;
  text: string;
  authorName: string | null;
  likeCount: number;
  pinned: boolean;
  answered: boolean;
};

/** Public questions of an input: the pinned one first, then open ones by likes, answered ones last. */
export async function listPublicQuestions(inputId: string): Promise<PublicQuestion[]> {
  const rows = await db
    .select({
      id: discussionQuestions.id,
      text: discussionQuestions.text,
      authorName: discussionQuestions.authorName,
      likeCount: discussionQuestions.likeCount,
      pinned: discussionQuestions.pinned,
      status: discussionQuestions.status,
    })
    .from(discussionQuestions)
    .where(and(eq(discussionQuestions.inputId, inputId), isPublic))
    .orderBy(
      desc(discussionQuestions.pinned),
      sql`${discussionQuestions.status} = 'answered'`,
      desc(discussionQuestions.likeCount),
      asc(discussionQuestions.createdAt),
    );
  return rows.map(({ status, ...q }) => ({ ...q, answered: status === "answered" }));
}

/** What the room view shows; also the payload of its live stream. */
export async function roomSnapshot(inputId: string) {
  const [input] = await db
    .select({
      version: discussionInputs.version,
      title: discussionInputs.title,
      openAt: discussionInputs.questionsOpenAt,
      closeAt: discussionInputs.questionsCloseAt,
    })
    .from(discussionInputs)
    .where(eq(discussionInputs.id, inputId));
  if (!input) return null;
  return {
    version: input.version,
    open: isOpen({ questionsOpenAt: input.openAt, questionsCloseAt: input.closeAt }),
    questions: await listPublicQuestions(inputId),
  };
}
export type RoomSnapshot = NonNullable<Awaited<ReturnType<typeof roomSnapshot>>>;

/** For one device: which public questions it liked, and its own questions still waiting for approval. */
export async function deviceView(inputId: string, deviceId: string | null) {
  if (!deviceId) return { liked: [] as string[], waiting: [] as { id: string; text: string }[] };
  const hash = deviceHash(deviceId);
  const [liked, waiting] = await Promise.all([
    db
      .select({ id: discussionLikes.questionId })
      .from(discussionLikes)
      .innerJoin(discussionQuestions, eq(discussionQuestions.id, discussionLikes.questionId))
      .where(and(eq(discussionQuestions.inputId, inputId), eq(discussionLikes.deviceHash, hash))),
    db
      .select({ id: discussionQuestions.id, text: discussionQuestions.text })
      .from(discussionQuestions)
      .where(
        and(
          eq(discussionQuestions.inputId, inputId),
          eq(discussionQuestions.deviceHash, hash),
          eq(discussionQuestions.status, "pending"),
        ),
      )
      .orderBy(asc(discussionQuestions.createdAt)),
  ]);
  return { liked: liked.map((l) => l.id), waiting };
}

// ── Moderation ─────────────────────────────────────────────────────────────────────────────────

/** Every question of an input for the moderators, newest first, with what it was merged into. */
export async function listQuestionsForModeration(inputId: string) {
  return db
    .select({
      id: discussionQuestions.id,
      text: discussionQuestions.text,
      authorName: discussionQuestions.authorName,
      status: discussionQuestions.status,
      pinned: discussionQuestions.pinned,
      mergedIntoId: discussionQuestions.mergedIntoId,
      likeCount: discussionQuestions.likeCount,
      createdAt: discussionQuestions.createdAt,
    })
    .from(discussionQuestions)
    .where(eq(discussionQuestions.inputId, inputId))
    .orderBy(desc(discussionQuestions.createdAt));
}

async function questionOf(inputId: string, questionId: string) {
  const [q] = await db
    .select()
    .from(discussionQuestions)
    .where(and(eq(discussionQuestions.id, questionId), eq(discussionQuestions.inputId, inputId)));
  return q ?? null;
}

export type ModerationAction = "approve" | "hide" | "answer" | "reopen" | "pin" | "unpin";

/** Approve, hide, mark answered, reopen, pin ("discussed now") or unpin one question of the input. */
export async function moderateQuestion({
  inputId,
  questionId,
  action,
}: {
  inputId: string;
  questionId: string;
  action: ModerationAction;
}): Promise<boolean> {
  const q = await questionOf(inputId, questionId);
  if (!q || (q.mergedIntoId && action !== "hide")) return false;
  const now = new Date();
  await db.transaction(async (tx) => {
    const set = (values: Partial<typeof discussionQuestions.$inferInsert>) =>
      tx
        .update(discussionQuestions)
        .set({ ...values, updatedAt: now })
        .where(eq(discussionQuestions.id, q.id));
    switch (action) {
      case "approve":
      case "reopen":
        await set({ status: "approved" });
        break;
      case "hide":
        await set({ status: "hidden", pinned: false });
        break;
      case "answer":
        await set({ status: "answered", pinned: false });
        break;
      case "pin":
        // Pinning shows it to the room: it is approved at the same time.
        await tx
          .update(discussionQuestions)
          .set({ pinned: false })
          .where(
            and(
              eq(discussionQuestions.inputId, inputId),
              eq(discussionQuestions.pinned, true),
              ne(discussionQuestions.id, q.id),
            ),
          );
        await set({ pinned: true, status: "approved" });
        break;
      case "unpin":
        await set({ pinned: false });
        break;
    }
    await bumpVersion(tx, inputId);
  });
  return true;
}

/**
 * Merges a duplicate into another question of the same input: the duplicate leaves every public
 * list, its likes move over (a device that liked both counts once).
 */
export async function mergeQuestion({
  inputId,
  questionId,
  targetId,
}: {
  inputId: string;
  questionId: string;
  targetId: string;
}): Promise<boolean> {
  if (questionId === targetId) return false;
  const [dup, target] = await Promise.all([questionOf(inputId, questionId), questionOf(inputId, targetId)]);
  if (!dup || !target || target.mergedIntoId || dup.mergedIntoId) return false;
  await db.transaction(async (tx) => {
    await tx.execute(sql`
      insert into discussion_likes (question_id, device_hash, created_at)
      select ${target.id}, device_hash, created_at from discussion_likes where question_id = ${dup.id}
      on conflict do nothing`);
    await tx.delete(discussionLikes).where(eq(discussionLikes.questionId, dup.id));
    await tx
      .update(discussionQuestions)
      .set({ mergedIntoId: target.id, pinned: false, likeCount: 0, updatedAt: new Date() })
      .where(eq(discussionQuestions.id, dup.id));
    // Questions merged into the duplicate earlier now point at the target too.
    await tx
      .update(discussionQuestions)
      .set({ mergedIntoId: target.id })
      .where(eq(discussionQuestions.mergedIntoId, dup.id));
    await tx
      .update(discussionQuestions)
      .set({
        likeCount: sql`(select count(*) from discussion_likes where question_id = ${target.id})::int`,
        updatedAt: new Date(),
      })
      .where(eq(discussionQuestions.id, target.id));
    await bumpVersion(tx, inputId);
  });
  return true;
}
