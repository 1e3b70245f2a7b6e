import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { db } from "~/db/client.server";
import { conferences, goalProposals, users } from "~/db/schema";
import { askSchema, cleanText, inputSchema } from "./discussion.schema";
import { canModerate, createInput, getInputForCode, grantModerator, isOpen } from "./inputs.server";
import { findConferenceByDayCode, generateDayCode } from "~/modules/conferences/day-code.server";
import { eventStreamResponse } from "~/server/download.server";
import { POLL_MS, roomEventStream, watchInput } from "./live.server";
import {
  askQuestion,
  deviceView,
  listPublicQuestions,
  mergeQuestion,
  moderateQuestion,
  roomSnapshot,
  setLike,
} from "./questions.server";
import {
  createGoalDraftFromQuestion,
  exportQuestionsCsv,
  getPublishedDiscussionRecords,
  listGoalDrafts,
  saveRecord,
} from "./records.server";

const NOW = new Date("2026-06-10T09:00:00Z");
let n = 0;

async function conference(status: "draft" | "published" = "published") {
  n += 1;
  const [c] = await db
    .insert(conferences)
    .values({
      year: 2100 - n,
      title: `Konferenz ${n}`,
      startsAt: new Date("2026-06-10T08:00:00Z"),
      endsAt: new Date("2026-06-10T15:00:00Z"),
      venueName: "Saal",
      venueAddress: "Straße 1",
      capacity: 100,
      status,
    })
    .returning();
  return c!;
}

async function input(
  moderation: "pre" | "post" = "pre",
  window: [Date | null, Date | null] = [new Date("2026-06-10T08:00:00Z"), new Date("2026-06-10T12:00:00Z")],
) {
  const c = await conference();
  const i = await createInput(c.id, {
    title: "Durchgängige Sprachbildung",
    speakers: [{ name: "Prof. Dr. Ayşe Demir", role: "Hochschule Ruhr West" }],
    abstract: "Worum es geht.",
    agendaItemId: null,
    moderation,
    questionsOpenAt: window[0],
    questionsCloseAt: window[1],
  });
  return { conference: c, input: i };
}

const ask = (
  inputId: string,
  deviceId: string,
  text = "Wie erreichen wir Eltern ohne Deutschkenntnisse?",
  extra: { now?: Date; name?: string } = {},
) => askQuestion({ inputId, deviceId, clientIp: "203.0.113.9", text, now: extra.now ?? NOW, name: extra.name });

describe("questions from the room", () => {
  it("pre-moderation keeps a new question out of every public list until it is approved", async () => {
    const { input: i } = await input("pre");
    const asked = await ask(i.id, `device-aaaaaaaaaaaaaaaaaaaaaa-${n}`);
    expect(asked).toMatchObject({ ok: true, status: "pending" });
    expect(await listPublicQuestions(i.id)).toEqual([]);
    expect((await roomSnapshot(i.id))!.questions).toEqual([]);
    // The asker sees it as waiting; nobody else does.
    expect((await deviceView(i.id, `device-aaaaaaaaaaaaaaaaaaaaaa-${n}`)).waiting).toHaveLength(1);
    expect((await deviceView(i.id, `device-bbbbbbbbbbbbbbbbbbbbbb-${n}`)).waiting).toHaveLength(0);
    await moderateQuestion({ inputId: i.id, questionId: asked.ok ? asked.questionId : "", action: "approve" });
    expect((await listPublicQuestions(i.id)).map((q) => q.text)).toEqual([
      "Wie erreichen wir Eltern ohne Deutschkenntnisse?",
    ]);
  });

  it("post-moderation shows a question at once; hiding it removes it from lists, snapshot and record", async () => {
    const { conference: c, input: i } = await input("post");
    const asked = await ask(i.id, `device-aaaaaaaaaaaaaaaaaaaaaa-${n}`, "Geheime Beleidigung hier", { name: "Anna" });
    expect(asked).toMatchObject({ ok: true, status: "approved" });
    expect(await listPublicQuestions(i.id)).toHaveLength(1);
    await moderateQuestion({ inputId: i.id, questionId: asked.ok ? asked.questionId : "", action: "hide" });
    expect(await listPublicQuestions(i.id)).toEqual([]);
    expect(JSON.stringify(await roomSnapshot(i.id))).not.toContain("Beleidigung");
    await saveRecord({ inputId: i.id, outcome: "Ergebnis", publish: true, userId: (await anyUser()).id });
    const records = await getPublishedDiscussionRecords(c.id);
    expect(records).toHaveLength(1);
    expect(JSON.stringify(records)).not.toContain("Beleidigung");
    // Hidden questions cannot be liked either (they do not exist for the public).
    expect(
      await setLike({
        questionId: asked.ok ? asked.questionId : "",
        deviceId: `device-cccccccccccccccccccccc-${n}`,
        clientIp: "x",
        like: true,
        now: NOW,
      }),
    ).toEqual({ ok: false, reason: "notFound" });
  });

  it("counts one like per device and question; a second like changes nothing, unlike takes it back", async () => {
    const { input: i } = await input("post");
    const asked = await ask(i.id, `device-aaaaaaaaaaaaaaaaaaaaaa-${n}`);
    const questionId = asked.ok ? asked.questionId : "";
    const like = (deviceId: string, yes = true) =>
      setLike({ questionId, deviceId, clientIp: "203.0.113.9", like: yes, now: NOW });
    expect(await like(`device-bbbbbbbbbbbbbbbbbbbbbb-${n}`)).toMatchObject({ ok: true, changed: true });
    expect(await like(`device-bbbbbbbbbbbbbbbbbbbbbb-${n}`)).toMatchObject({ ok: true, changed: false });
    expect(await like(`device-cccccccccccccccccccccc-${n}`)).toMatchObject({ ok: true, changed: true });
    expect((await listPublicQuestions(i.id))[0]!.likeCount).toBe(2);
    // Concurrent double-clicks from one device still count once.
    await Promise.all(Array.from({ length: 5 }, () => like(`device-dddddddddddddddddddddd-${n}`)));
    expect((await listPublicQuestions(i.id))[0]!.likeCount).toBe(3);
    expect(await like(`device-bbbbbbbbbbbbbbbbbbbbbb-${n}`, false)).toMatchObject({ changed: true });
    expect(await like(`device-bbbbbbbbbbbbbbbbbbbbbb-${n}`, false)).toMatchObject({ changed: false });
    expect((await listPublicQuestions(i.id))[0]!.likeCount).toBe(2);
    expect((await deviceView(i.id, `device-cccccccccccccccccccccc-${n}`)).liked).toEqual([questionId]);
  });

  it("sorts the pinned question first, then by likes; answered ones last; only one pinned", async () => {
    const { input: i } = await input("post");
    const ids: string[] = [];
    for (const text of ["Frage eins?", "Frage zwei?", "Frage drei?"]) {
      const r = await ask(i.id, `device-${text.length}-${ids.length}-xxxxxxxxxxxxxxxxx`, text);
      ids.push(r.ok ? r.questionId : "");
    }
    await setLike({
      questionId: ids[1]!,
      deviceId: `device-eeeeeeeeeeeeeeeeeeeeee-${n}`,
      clientIp: "x",
      like: true,
      now: NOW,
    });
    expect((await listPublicQuestions(i.id)).map((q) => q.text)).toEqual(["Frage zwei?", "Frage eins?", "Frage drei?"]);
    await moderateQuestion({ inputId: i.id, questionId: ids[2]!, action: "pin" });
    await moderateQuestion({ inputId: i.id, questionId: ids[0]!, action: "pin" });
    const list = await listPublicQuestions(i.id);
    expect(list.map((q) => [q.text, q.pinned])).toEqual([
      ["Frage eins?", true],
      ["Frage zwei?", false],
      ["Frage drei?", false],
    ]);
    await moderateQuestion({ inputId: i.id, questionId: ids[0]!, action: "answer" });
    expect((await listPublicQuestions(i.id)).map((q) => [q.text, q.answered])).toEqual([
      ["Frage zwei?", false],
      ["Frage drei?", false],
      ["Frage eins?", true],
    ]);
  });

  it("merges a duplicate: it leaves public lists, its likes move over without counting a device twice", async () => {
    const { input: i } = await input("post");
    const a = await ask(i.id, `device-aaaaaaaaaaaaaaaaaaaaaa-${n}`, "Mehr Sprachkurse am Abend?");
    const b = await ask(i.id, `device-bbbbbbbbbbbbbbbbbbbbbb-${n}`, "Sprachkurse abends anbieten?");
    const [ida, idb] = [a.ok ? a.questionId : "", b.ok ? b.questionId : ""];
    for (const d of [`device-1111111111111111111111-${n}`, `device-2222222222222222222222-${n}`])
      await setLike({ questionId: idb, deviceId: d, clientIp: "x", like: true, now: NOW });
    await setLike({
      questionId: ida,
      deviceId: `device-1111111111111111111111-${n}`,
      clientIp: "x",
      like: true,
      now: NOW,
    });
    expect(await mergeQuestion({ inputId: i.id, questionId: idb, targetId: ida })).toBe(true);
    const list = await listPublicQuestions(i.id);
    expect(list.map((q) => [q.text, q.likeCount])).toEqual([["Mehr Sprachkurse am Abend?", 2]]);
    expect(await mergeQuestion({ inputId: i.id, questionId: ida, targetId: ida })).toBe(false);
  });

  it("takes questions and likes only inside the time window; no window means closed", async () => {
    const { input: i } = await input("post");
    expect(
      await ask(i.id, `device-aaaaaaaaaaaaaaaaaaaaaa-${n}`, "Zu früh gefragt?", {
        now: new Date("2026-06-10T07:59:59Z"),
      }),
    ).toEqual({ ok: false, reason: "closed" });
    expect(
      await ask(i.id, `device-aaaaaaaaaaaaaaaaaaaaaa-${n}`, "Zu spät gefragt?", {
        now: new Date("2026-06-10T12:00:00Z"),
      }),
    ).toEqual({ ok: false, reason: "closed" });
    const ok = await ask(i.id, `device-aaaaaaaaaaaaaaaaaaaaaa-${n}`, "Pünktlich gefragt?", {
      now: new Date("2026-06-10T08:00:00Z"),
    });
    expect(ok.ok).toBe(true);
    expect(
      await setLike({
        questionId: ok.ok ? ok.questionId : "",
        deviceId: `device-bbbbbbbbbbbbbbbbbbbbbb-${n}`,
        clientIp: "x",
        like: true,
        now: new Date("2026-06-10T12:30:00Z"),
      }),
    ).toEqual({ ok: false, reason: "closed" });
    const { input: unset } = await input("post", [null, null]);
    expect(isOpen(unset, NOW)).toBe(false);
    expect(await ask(unset.id, `device-aaaaaaaaaaaaaaaaaaaaaa-${n}`)).toEqual({ ok: false, reason: "closed" });
  });

  it("limits questions per device (5 in 10 minutes) while other devices behind the same IP go on", async () => {
    const { input: i } = await input("post");
    for (let k = 0; k < 5; k++)
      expect((await ask(i.id, `device-rrrrrrrrrrrrrrrrrrrrrr-${n}`, `Frage Nummer ${k}`)).ok).toBe(true);
    const sixth = await ask(i.id, `device-rrrrrrrrrrrrrrrrrrrrrr-${n}`, "Frage Nummer 6");
    expect(sixth).toMatchObject({ ok: false, reason: "rateLimited" });
    expect(sixth.ok ? 0 : sixth.retryAfterSeconds).toBeGreaterThan(0);
    expect((await ask(i.id, `device-ssssssssssssssssssssss-${n}`, "Andere Person, gleiches WLAN")).ok).toBe(true);
    expect(await listPublicQuestions(i.id)).toHaveLength(6);
  });

  it("keeps text as text: length limits, control characters removed, HTML and links stay literal", async () => {
    expect(cleanText("  Hallo\u0000\u200B Welt \r\n\r\n\r\n\r\nZeile  ")).toBe("Hallo Welt \n\nZeile");
    expect(askSchema.safeParse({ intent: "ask", text: "ab" }).success).toBe(false);
    expect(askSchema.safeParse({ intent: "ask", text: "x".repeat(501) }).success).toBe(false);
    expect(askSchema.safeParse({ intent: "ask", text: "x".repeat(500), name: "n".repeat(61) }).success).toBe(false);
    const { input: i } = await input("post");
    expect(await ask(i.id, `device-aaaaaaaaaaaaaaaaaaaaaa-${n}`, "x".repeat(501))).toEqual({
      ok: false,
      reason: "invalid",
    });
    const html = '<script>alert(1)</script> <a href="https://evil.example">klick</a>';
    await ask(i.id, `device-aaaaaaaaaaaaaaaaaaaaaa-${n}`, html);
    // Stored and delivered verbatim as text; the pages render it as a text node (see the browser test).
    expect((await listPublicQuestions(i.id))[0]!.text).toBe(html);
  });
});

describe("day code, access and record", () => {
  it("generates a readable day code; typed in any case it opens the conference, never a draft", async () => {
    const c = await conference();
    const code = await generateDayCode(c.id);
    expect(code).toMatch(/^[ACDEFGHJKMNPQRTUVWXY34679]{6}$/);
    expect((await findConferenceByDayCode(` ${code.slice(0, 3).toLowerCase()}-${code.slice(3)} `))?.id).toBe(c.id);
    const again = await generateDayCode(c.id);
    expect(await findConferenceByDayCode(code)).toBeNull();
    expect((await findConferenceByDayCode(again))?.id).toBe(c.id);
    const draft = await conference("draft");
    const draftCode = await generateDayCode(draft.id);
    expect(await findConferenceByDayCode(draftCode)).toBeNull();
    // An input is reachable only through its own conference's code.
    const { input: other } = await input();
    expect(await getInputForCode(again, other.id)).toBeNull();
  });

  it("lets organisers grant the moderator role per conference", async () => {
    const c = await conference();
    const [coordinator] = await db
      .insert(users)
      .values({ email: "mod@example.org", name: "Moderation", role: "coordinator" })
      .returning();
    expect(await canModerate(coordinator!, c.id)).toBe(false);
    expect(await grantModerator({ conferenceId: c.id, email: "MOD@example.org", grantedBy: coordinator!.id })).toEqual({
      ok: true,
    });
    expect(await canModerate(coordinator!, c.id)).toBe(true);
    expect(await canModerate(coordinator!, (await conference()).id)).toBe(false);
    expect(
      await grantModerator({ conferenceId: c.id, email: "nobody@example.org", grantedBy: coordinator!.id }),
    ).toMatchObject({ ok: false });
  });

  it("publishes a record with answered and open questions and turns an open question into a goal draft", async () => {
    const { conference: c, input: i } = await input("pre");
    const user = await anyUser();
    const q1 = await ask(i.id, `device-aaaaaaaaaaaaaaaaaaaaaa-${n}`, "Beantwortete Frage?", { name: "Bernd" });
    const q2 = await ask(i.id, `device-bbbbbbbbbbbbbbbbbbbbbb-${n}`, "Offene Frage für ein Ziel?");
    const q3 = await ask(i.id, `device-cccccccccccccccccccccc-${n}`, "Nie freigegeben?");
    const [id1, id2, id3] = [q1, q2, q3].map((q) => (q.ok ? q.questionId : ""));
    await moderateQuestion({ inputId: i.id, questionId: id1!, action: "answer" });
    await moderateQuestion({ inputId: i.id, questionId: id2!, action: "approve" });
    await saveRecord({ inputId: i.id, outcome: "Entwurf", publish: false, userId: user.id });
    expect(await getPublishedDiscussionRecords(c.id)).toEqual([]);
    await saveRecord({ inputId: i.id, outcome: "Sprachbildung braucht Eltern.", publish: true, userId: user.id });
    const [record] = await getPublishedDiscussionRecords(c.id);
    expect(record).toMatchObject({
      title: "Durchgängige Sprachbildung",
      outcome: "Sprachbildung braucht Eltern.",
      answered: [{ text: "Beantwortete Frage?" }],
      open: [{ text: "Offene Frage für ein Ziel?" }],
    });
    expect(JSON.stringify(record)).not.toContain("Bernd");
    expect(JSON.stringify(record)).not.toContain("Nie freigegeben");
    const csv = await exportQuestionsCsv(i.id);
    expect(csv).toContain("Beantwortete Frage?;beantwortet;0;");
    expect(csv).toContain("Offene Frage für ein Ziel?;offen;0;");
    expect(csv).not.toContain("Nie freigegeben");
    expect(csv).not.toContain("Bernd");

    expect(await createGoalDraftFromQuestion({ inputId: i.id, questionId: id3!, userId: user.id })).toEqual({
      ok: false,
    });
    const made = await createGoalDraftFromQuestion({ inputId: i.id, questionId: id2!, userId: user.id });
    expect(made).toMatchObject({ ok: true, created: true });
    expect(await createGoalDraftFromQuestion({ inputId: i.id, questionId: id2!, userId: user.id })).toEqual({
      ok: true,
      created: false,
    });
    const drafts = await listGoalDrafts(c.id);
    expect(drafts.map((d) => d.text)).toEqual(["Offene Frage für ein Ziel?"]);
    // One action made a goal proposal in the goals domain, traced back to the question.
    const proposals = await db.select().from(goalProposals).where(eq(goalProposals.conferenceId, c.id));
    expect(proposals).toMatchObject([
      { title: "Offene Frage für ein Ziel?", source: "discussion", originRef: `discussion:${id2}` },
    ]);
    expect(drafts[0]!.goalProposalId).toBe(proposals[0]!.id);
  });

  it("checks the input form: window order and speakers as 'Name, Rolle' lines", () => {
    const parsed = inputSchema.safeParse({
      title: "T",
      speakers: "Ayşe Demir, Hochschule\nJonas Berg",
      moderation: "pre",
      questionsOpenAt: "2026-06-10T10:00",
      questionsCloseAt: "2026-06-10T09:00",
    });
    expect(parsed.success).toBe(false);
    const ok = inputSchema.parse({
      title: "T",
      speakers: "Ayşe Demir, Hochschule\nJonas Berg",
      moderation: "pre",
      questionsOpenAt: "2026-06-10T10:00",
      questionsCloseAt: "2026-06-10T11:00",
    });
    expect(ok.speakers).toEqual([
      { name: "Ayşe Demir", role: "Hochschule" },
      { name: "Jonas Berg", role: "" },
    ]);
    expect(ok.questionsOpenAt?.toISOString()).toBe("2026-06-10T08:00:00.000Z");
  });
});

describe("live stream", () => {
  // Waits below are for conditions (bounded generously for a loaded machine), never for time. How
  // fast a change shows is fixed by the poll interval, checked as such rather than with a stopwatch.
  it("polls often enough that a change shows within a second", () => {
    expect(POLL_MS).toBeLessThanOrEqual(1000);
  });

  it("sends the current snapshot, then each change; never a pending or hidden question", async () => {
    const { input: i } = await input("pre", [new Date(Date.now() - 60_000), new Date(Date.now() + 3_600_000)]);
    const controller = new AbortController();
    const res = eventStreamResponse((await roomEventStream(i.id, controller.signal))!);
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    expect(res.headers.get("cache-control")).toContain("no-transform");
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = "";
    const readUntil = async (pattern: RegExp, ms: number) => {
      const deadline = Date.now() + ms;
      while (!pattern.test(text)) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`timeout waiting for ${pattern}: ${text}`);
        const chunk = await Promise.race([reader.read(), new Promise<null>((r) => setTimeout(() => r(null), left))]);
        if (chunk && !chunk.done) text += decoder.decode(chunk.value);
      }
    };
    await readUntil(/event: snapshot\ndata: \{"version":0/, 10_000);
    const pending = await askQuestion({
      inputId: i.id,
      deviceId: `device-aaaaaaaaaaaaaaaaaaaaaa-${n}`,
      clientIp: "x",
      text: "Wartet noch auf Freigabe",
    });
    const visible = await askQuestion({
      inputId: i.id,
      deviceId: `device-bbbbbbbbbbbbbbbbbbbbbb-${n}`,
      clientIp: "x",
      text: "Gleich sichtbar?",
    });
    await moderateQuestion({ inputId: i.id, questionId: visible.ok ? visible.questionId : "", action: "approve" });
    await readUntil(/Gleich sichtbar\?/, 10_000);
    await setLike({
      questionId: visible.ok ? visible.questionId : "",
      deviceId: `device-cccccccccccccccccccccc-${n}`,
      clientIp: "x",
      like: true,
    });
    await readUntil(/"likeCount":1/, 10_000);
    await moderateQuestion({ inputId: i.id, questionId: pending.ok ? pending.questionId : "", action: "hide" });
    // A later change has arrived, so every snapshot since the hide has been written: proof by state.
    await setLike({
      questionId: visible.ok ? visible.questionId : "",
      deviceId: `device-dddddddddddddddddddddd-${n}`,
      clientIp: "x",
      like: true,
    });
    await readUntil(/"likeCount":2/, 10_000);
    controller.abort();
    expect(text).not.toContain("Wartet noch auf Freigabe");
  });

  it("300 devices liking at once: every like counts once and the room view shows all of them", async () => {
    const { input: i } = await input("post", [new Date(Date.now() - 60_000), new Date(Date.now() + 3_600_000)]);
    const asked = await askQuestion({
      inputId: i.id,
      deviceId: `device-hall-owner-${n}-xxxxxxxxxx`,
      clientIp: "198.51.100.1",
      text: "Die Frage des Saals",
    });
    const questionId = asked.ok ? asked.questionId : "";
    let seen = 0;
    let reached: () => void;
    const all = new Promise<void>((resolve) => (reached = resolve));
    const stop = watchInput(i.id, 1, (s) => {
      seen = s.questions[0]?.likeCount ?? 0;
      if (seen === 300) reached();
    });
    // One venue NAT address for everybody, as in a real hall.
    const results = await Promise.all(
      Array.from({ length: 300 }, (_, k) =>
        setLike({
          questionId,
          deviceId: `device-hall-${n}-${String(k).padStart(4, "0")}-xxxxxxxx`,
          clientIp: "198.51.100.1",
          like: true,
        }),
      ),
    );
    expect(results.every((r) => r.ok && r.changed)).toBe(true);
    await all; // the next poll after the last like; the test's timeout is the bound
    stop();
    expect(seen).toBe(300);
    expect((await listPublicQuestions(i.id))[0]!.likeCount).toBe(300);
  });

  it("shares one poll per input between listeners", async () => {
    const { input: i } = await input("post", [new Date(Date.now() - 60_000), new Date(Date.now() + 3_600_000)]);
    const seen: number[] = [];
    const stopA = watchInput(i.id, 0, (s) => seen.push(s.version));
    const stopB = watchInput(i.id, 0, (s) => seen.push(s.version));
    await askQuestion({
      inputId: i.id,
      deviceId: `device-aaaaaaaaaaaaaaaaaaaaaa-${n}`,
      clientIp: "x",
      text: "Eine Frage für alle",
    });
    await vi.waitFor(() => expect(seen.length).toBeGreaterThanOrEqual(2), { timeout: 10_000, interval: 50 });
    stopA();
    stopB();
    expect(seen).toEqual([1, 1]);
  });
});

async function anyUser() {
  const [existing] = await db.select().from(users).where(eq(users.email, "orga-test@example.org"));
  if (existing) return existing;
  const [u] = await db
    .insert(users)
    .values({ email: "orga-test@example.org", name: "Orga", role: "organiser" })
    .returning();
  return u!;
}
