import { and, eq, notInArray } from "drizzle-orm";
import type { AppLoadContext } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import {
  auditLog,
  conferences,
  files,
  fileVersions,
  groupReports,
  groups,
  loginTokens,
  outbox,
  reportReminders,
  users,
} from "~/db/schema";
import { consumeLoginToken, createUser } from "~/modules/auth/accounts.server";
import { receiveUploads } from "~/server/uploads/multipart.server";
import { makePdf } from "../../../tests/support/files";
import { storage } from "~/modules/uploads/storage.server";
import { inviteCoordinator, listInvitations, withdrawInvitation } from "./groups.server";
import {
  addReportFile,
  allowedActions,
  ensureReport,
  getReportView,
  listAgendaPresentations,
  listPublishedForSearch,
  listPublishedReports,
  removeReportFile,
  saveReportText,
  sendReportReminders,
  setDeadline,
  transition,
  WorkflowError,
  type Actor,
} from "./reports.server";

const APP = "http://ikon.test";
const CSRF = "csrf-token-for-tests-0123456789ab";
const context = { csrfToken: CSRF } as AppLoadContext;

async function setup(slug: string) {
  const [group] = await db
    .insert(groups)
    .values({ slug, name: `Stadtteilnetzwerk ${slug}`, kind: "district_network" })
    .returning();
  const [other] = await db
    .insert(groups)
    .values({ slug: `${slug}-andere`, name: `Andere ${slug}`, kind: "working_group" })
    .returning();
  const [conference] = await db
    .insert(conferences)
    .values({
      year: 2000 + Math.floor(Math.random() * 900),
      title: "K",
      startsAt: new Date("2030-11-12T09:00:00Z"),
      endsAt: new Date("2030-11-12T15:00:00Z"),
      venueName: "V",
      venueAddress: "A",
      capacity: 10,
    })
    .returning();
  const organiser = await createUser({ email: `orga-${slug}@example.org`, name: "Orga", role: "organiser" });
  return {
    group: group!,
    other: other!,
    conference: conference!,
    organiser: { id: organiser.id, role: "organiser", groupId: null } as Actor,
  };
}

async function mailsTo(email: string) {
  return db.select().from(outbox).where(eq(outbox.to, email));
}

const TEXT = {
  activities: "Sprachcafé jeden Dienstag",
  progress: "Mehr Familien erreicht",
  obstacles: "Räume fehlen",
  networking: "Mit dem Jugendamt",
  previousGoals: "Ziel 1 erreicht",
  proposals: "Zweites Sprachcafé",
};

describe("inviting coordinators", () => {
  it("creates a coordinator bound to the group and mails a link that signs in once", async () => {
    const { group, other } = await setup("ebel-i");
    const result = await inviteCoordinator({
      groupId: group.id,
      email: "Koordination@Example.org",
      name: "Kim Koordination",
      appUrl: APP,
      locale: "de",
    });
    expect(result).toMatchObject({ ok: true });
    const [user] = await db.select().from(users).where(eq(users.email, "koordination@example.org"));
    expect(user).toMatchObject({ role: "coordinator", groupId: group.id, active: true, passwordHash: null });
    const [mail] = await mailsTo("koordination@example.org");
    expect(mail!.subject).toBe(`Einladung: Koordination ${group.name}`);
    const token = /\/login\/link\/([a-z2-7]{32})/.exec(mail!.text)![1]!;
    // Seven days valid, not fifteen minutes.
    const [row] = await db.select().from(loginTokens).where(eq(loginTokens.userId, user!.id));
    expect(row!.purpose).toBe("invite");
    expect(row!.expiresAt.getTime() - Date.now()).toBeGreaterThan(6 * 86_400_000);
    expect(await consumeLoginToken(token)).toEqual({ userId: user!.id, purpose: "invite" });
    expect(await consumeLoginToken(token)).toBeNull();
    // The same person cannot be bound to another group, nor can an organiser's address be invited.
    expect(
      await inviteCoordinator({
        groupId: other.id,
        email: "koordination@example.org",
        name: "X",
        appUrl: APP,
        locale: "de",
      }),
    ).toEqual({ ok: false, error: "taken" });
    expect(
      await inviteCoordinator({
        groupId: group.id,
        email: "orga-ebel-i@example.org",
        name: "X",
        appUrl: APP,
        locale: "de",
      }),
    ).toEqual({ ok: false, error: "taken" });
    const [still] = await db.select().from(users).where(eq(users.email, "orga-ebel-i@example.org"));
    expect(still!.role).toBe("organiser");
  });
});

describe("coordinator invitations", () => {
  it("shows each invitation's status; a withdrawn link no longer signs in and its unused account is switched off", async () => {
    const { group, organiser } = await setup("ebel-w");
    const invite = (email: string, name: string, now?: Date) =>
      inviteCoordinator({ groupId: group.id, email, name, appUrl: APP, locale: "de", now });
    const tokenOf = async (email: string) =>
      /\/login\/link\/([a-z2-7]{32})/.exec((await mailsTo(email)).at(-1)!.text)![1]!;
    await invite("offen@example.org", "Olli Offen");
    await invite("angenommen@example.org", "Anna Angenommen");
    await invite("alt@example.org", "Alma Alt", new Date(Date.now() - 8 * 86_400_000));
    await invite("weg@example.org", "Wim Weg");
    expect(await consumeLoginToken(await tokenOf("angenommen@example.org"))).not.toBeNull();
    const byName = async () => Object.fromEntries((await listInvitations(group.id)).map((i) => [i.name, i.status]));
    expect(await byName()).toEqual({
      "Olli Offen": "open",
      "Anna Angenommen": "accepted",
      "Alma Alt": "expired",
      "Wim Weg": "open",
    });
    const invitations = await listInvitations(group.id);
    const id = (name: string) => invitations.find((i) => i.name === name)!.userId;
    // Only open invitations of this group can be withdrawn.
    expect(await withdrawInvitation({ groupId: group.id, userId: id("Anna Angenommen"), actor: organiser })).toBe(
      false,
    );
    expect(await withdrawInvitation({ groupId: group.id, userId: id("Alma Alt"), actor: organiser })).toBe(false);
    expect(await withdrawInvitation({ groupId: group.id, userId: id("Wim Weg"), actor: organiser })).toBe(true);
    expect(await withdrawInvitation({ groupId: group.id, userId: id("Wim Weg"), actor: organiser })).toBe(false);
    expect((await byName())["Wim Weg"]).toBe("withdrawn");
    expect(await consumeLoginToken(await tokenOf("weg@example.org"))).toBeNull();
    const [wim] = await db.select().from(users).where(eq(users.email, "weg@example.org"));
    expect(wim!.active).toBe(false);
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.action, "invitation.withdraw"));
    expect(entry).toMatchObject({ subjectId: group.id, summary: "Wim Weg", actorName: "Orga" });
    // Invited again: a new open invitation that signs in.
    await invite("weg@example.org", "Wim Weg");
    expect((await byName())["Wim Weg"]).toBe("open");
    expect(await consumeLoginToken(await tokenOf("weg@example.org"))).not.toBeNull();
  });
});

describe("the report workflow", () => {
  it("Entwurf → eingereicht → Änderungen erbeten → eingereicht → freigegeben → veröffentlicht, mailing the other side each time", async () => {
    const { group, conference, organiser } = await setup("welheim-w");
    const coord = await createUser({
      email: "k-welheim@example.org",
      name: "Kim",
      role: "coordinator",
      groupId: group.id,
    });
    const actor: Actor = { id: coord.id, role: "coordinator", groupId: group.id };
    const reportId = await ensureReport(group.id, conference.id, coord.id);
    expect(await ensureReport(group.id, conference.id, coord.id)).toBe(reportId);
    await saveReportText({ reportId, actor, text: TEXT });
    const form = new FormData();
    form.append("_csrf", CSRF);
    form.append("datei", new Blob([new Uint8Array(await makePdf("Folien Welheim"))]), "Folien.pdf");
    const {
      files: [upload],
    } = await receiveUploads(new Request("http://x/u", { method: "POST", body: form }), context, {
      fileFields: ["datei"],
    });
    const saved = (await addReportFile({ reportId, actor, upload: upload! }))!;

    // Nothing is public yet, and the coordinator cannot approve their own report.
    expect(await listPublishedReports(group.id)).toEqual([]);
    expect(allowedActions("draft", "coordinator")).toEqual(["submit"]);
    await expect(transition({ reportId, actor, action: "approve", appUrl: APP, locale: "de" })).rejects.toBeInstanceOf(
      WorkflowError,
    );

    await transition({ reportId, actor, action: "submit", appUrl: APP, locale: "de" });
    expect((await mailsTo("orga-welheim-w@example.org")).map((m) => m.subject)).toEqual([
      `Eingereicht: Umsetzungsbericht ${group.name} (${conference.year})`,
    ]);
    // Submitted: the text is locked for the group.
    await expect(saveReportText({ reportId, actor, text: { ...TEXT, obstacles: "neu" } })).rejects.toBeInstanceOf(
      WorkflowError,
    );
    // Asking for changes needs a comment.
    await expect(
      transition({ reportId, actor: organiser, action: "request_changes", comment: " ", appUrl: APP, locale: "de" }),
    ).rejects.toBeInstanceOf(WorkflowError);
    await transition({
      reportId,
      actor: organiser,
      action: "request_changes",
      comment: "Bitte Fotos ergänzen",
      appUrl: APP,
      locale: "de",
    });
    const toGroup = await mailsTo("k-welheim@example.org");
    expect(toGroup).toHaveLength(1);
    expect(toGroup[0]!.text).toContain("Bitte Fotos ergänzen");

    await saveReportText({ reportId, actor, text: { ...TEXT, activities: "Sprachcafé und Fotoausstellung" } });
    await transition({ reportId, actor, action: "submit", appUrl: APP, locale: "de" });
    await transition({ reportId, actor: organiser, action: "approve", appUrl: APP, locale: "de" });
    expect((await listPublishedReports(group.id)).length).toBe(0);
    expect((await listPublishedForSearch()).some((r) => r.reportId === reportId)).toBe(false);
    await transition({ reportId, actor: organiser, action: "publish", appUrl: APP, locale: "de" });
    const indexed = (await listPublishedForSearch()).find((r) => r.reportId === reportId);
    expect(indexed?.text).toContain("Sprachcafé und Fotoausstellung");
    expect(indexed?.files[0]?.text).toContain("Folien Welheim");
    expect((await mailsTo("k-welheim@example.org")).map((m) => m.subject)).toEqual([
      `Bitte um Änderungen: Umsetzungsbericht ${group.name} (${conference.year})`,
      `Freigegeben: Umsetzungsbericht ${group.name} (${conference.year})`,
      `Veröffentlicht: Umsetzungsbericht ${group.name} (${conference.year})`,
    ]);

    // The organiser's steps are in the audit log (the coordinator's own are not).
    const logged = await db.select().from(auditLog).where(eq(auditLog.subjectId, reportId));
    expect(logged.map((e) => e.action).sort()).toEqual(["report.approve", "report.publish", "report.request_changes"]);
    expect(new Set(logged.map((e) => e.actorId))).toEqual(new Set([organiser.id]));

    const published = await listPublishedReports(group.id);
    expect(published[0]!.report.activities).toBe("Sprachcafé und Fotoausstellung");
    expect(published[0]!.attachments.map((a) => a.displayName)).toEqual(["Folien.pdf"]);
    const [file] = await db.select().from(files).where(eq(files.id, saved.fileId));
    expect(file!.public).toBe(true);

    // History: who did what, newest first.
    const view = await getReportView(reportId);
    expect(view!.history.map((h) => [h.action, h.userName])).toEqual([
      ["published", "Orga"],
      ["approved", "Orga"],
      ["submitted", "Kim"],
      ["edited", "Kim"],
      ["changes_requested", "Orga"],
      ["submitted", "Kim"],
      ["file_added", "Kim"],
      ["edited", "Kim"],
      ["created", "Kim"],
    ]);
    expect(view!.history.find((h) => h.action === "edited")!.detail).toBe("activities");
    // Published: only the organisers can withdraw it; no edits.
    expect(allowedActions("published", "organiser")).toEqual(["unpublish"]);
    expect(allowedActions("published", "coordinator")).toEqual([]);
  });
});

describe("attachments of a report", () => {
  async function pdfUpload(text: string, name: string) {
    const form = new FormData();
    form.append("_csrf", CSRF);
    form.append("datei", new Blob([new Uint8Array(await makePdf(text))]), name);
    const {
      files: [upload],
    } = await receiveUploads(new Request("http://x/u", { method: "POST", body: form }), context, {
      fileFields: ["datei"],
    });
    return upload!;
  }

  it("are removed with their stored bytes; a published report is withdrawn from the public pages", async () => {
    const { group, conference, organiser } = await setup("ruhr-r");
    const coord = await createUser({
      email: "k-ruhr@example.org",
      name: "Rita",
      role: "coordinator",
      groupId: group.id,
    });
    const actor: Actor = { id: coord.id, role: "coordinator", groupId: group.id };
    const reportId = await ensureReport(group.id, conference.id, coord.id);
    await saveReportText({ reportId, actor, text: TEXT });
    const kept = (await addReportFile({ reportId, actor, upload: await pdfUpload("Bleibt", "Bleibt.pdf") }))!;
    const wrong = (await addReportFile({ reportId, actor, upload: await pdfUpload("Falsch", "Falsch.pdf") }))!;
    await addReportFile({
      reportId,
      actor,
      upload: await pdfUpload("Falsch 2", "Falsch.pdf"),
      replaceFileId: wrong.fileId,
    });
    const keys = (await db.select().from(fileVersions).where(eq(fileVersions.fileId, wrong.fileId))).map(
      (v) => v.storageKey,
    );
    expect(keys).toHaveLength(2);
    for (const key of keys) expect(await storage().size(key)).toBeGreaterThan(0);

    expect(await removeReportFile({ reportId, fileId: wrong.fileId, actor })).toBe(true);
    expect(await removeReportFile({ reportId, fileId: wrong.fileId, actor })).toBeNull();
    expect((await getReportView(reportId))!.attachments.map((a) => a.displayName)).toEqual(["Bleibt.pdf"]);
    expect(await db.select().from(files).where(eq(files.id, wrong.fileId))).toHaveLength(0);
    for (const key of keys) expect(await storage().size(key)).toBeNull();
    expect((await getReportView(reportId))!.history[0]).toMatchObject({ action: "file_removed", detail: "Falsch.pdf" });

    // Submitted: the group can no longer remove files, the organisers can.
    await transition({ reportId, actor, action: "submit", appUrl: APP, locale: "de" });
    await expect(removeReportFile({ reportId, fileId: kept.fileId, actor })).rejects.toBeInstanceOf(WorkflowError);
    await transition({ reportId, actor: organiser, action: "approve", appUrl: APP, locale: "de" });
    await transition({ reportId, actor: organiser, action: "publish", appUrl: APP, locale: "de" });
    expect(await listPublishedReports(group.id)).toHaveLength(1);
    await expect(
      transition({ reportId, actor, action: "unpublish", appUrl: APP, locale: "de" }),
    ).rejects.toBeInstanceOf(WorkflowError);
    await transition({ reportId, actor: organiser, action: "unpublish", appUrl: APP, locale: "de" });
    expect(await listPublishedReports(group.id)).toHaveLength(0);
    expect((await listPublishedForSearch()).some((r) => r.reportId === reportId)).toBe(false);
    const view = (await getReportView(reportId))!;
    expect(view.report).toMatchObject({ status: "approved", publishedAt: null });
    expect(view.history[0]!.action).toBe("unpublished");
    const [file] = await db.select().from(files).where(eq(files.id, kept.fileId));
    expect(file!.public).toBe(false);
    expect((await mailsTo("k-ruhr@example.org")).at(-1)!.subject).toBe(
      `Zurückgezogen: Umsetzungsbericht ${group.name} (${conference.year})`,
    );
    expect(await removeReportFile({ reportId, fileId: kept.fileId, actor: organiser })).toBe(true);
    const logged = (await db.select().from(auditLog).where(eq(auditLog.subjectId, reportId))).map((e) => e.action);
    expect(logged).toEqual(expect.arrayContaining(["report.file_remove", "report.unpublish"]));
    expect(logged.filter((a) => a === "report.file_remove")).toHaveLength(2);
  });

  it("a new version keeps the earlier one; a file of another group's report cannot be replaced", async () => {
    const { group, other, conference } = await setup("innenstadt-v");
    const coord = await createUser({
      email: "k-innen@example.org",
      name: "Ina",
      role: "coordinator",
      groupId: group.id,
    });
    const actor: Actor = { id: coord.id, role: "coordinator", groupId: group.id };
    const reportId = await ensureReport(group.id, conference.id, coord.id);
    const otherReport = await ensureReport(other.id, conference.id, coord.id);
    const first = (await addReportFile({ reportId, actor, upload: await pdfUpload("eins", "Folien.pdf") }))!;
    const foreign = (await addReportFile({
      reportId: otherReport,
      actor,
      upload: await pdfUpload("fremd", "Fremd.pdf"),
    }))!;
    const second = await addReportFile({
      reportId,
      actor,
      upload: await pdfUpload("zwei", "Folien final.pdf"),
      replaceFileId: first.fileId,
    });
    expect(second).toEqual({ fileId: first.fileId, version: 2 });
    const view = await getReportView(reportId);
    expect(view!.attachments.map((a) => [a.displayName, a.version])).toEqual([["Folien final.pdf", 2]]);
    expect(view!.history[0]).toMatchObject({
      action: "file_replaced",
      detail: "Folien final.pdf (v2)",
      userName: "Ina",
    });
    // Replacing a file that belongs to another report: not found (null), nothing stored.
    expect(
      await addReportFile({ reportId, actor, upload: await pdfUpload("drei", "x.pdf"), replaceFileId: foreign.fileId }),
    ).toBeNull();
    const [row] = await db.select().from(files).where(eq(files.id, foreign.fileId));
    expect(row!.currentVersion).toBe(1);
  });
});

describe("deadline reminders", () => {
  it("mails groups that have not submitted, N days before, once", async () => {
    const { group, other, conference } = await setup("batenbrock-r");
    await createUser({ email: "k-bat@example.org", name: "Kim", role: "coordinator", groupId: group.id });
    const otherCoord = await createUser({
      email: "k-other@example.org",
      name: "Oli",
      role: "coordinator",
      groupId: other.id,
    });
    const submitted = await ensureReport(other.id, conference.id, otherCoord.id);
    await db.update(groupReports).set({ status: "submitted" }).where(eq(groupReports.id, submitted));
    const submitBy = new Date("2030-10-01T22:00:00Z");
    await setDeadline(conference.id, submitBy, 7);
    // Coordinators of groups from earlier tests in this file stay out of the count.
    await db
      .update(users)
      .set({ active: false })
      .where(and(eq(users.role, "coordinator"), notInArray(users.groupId, [group.id, other.id])));

    expect(await sendReportReminders({ now: new Date("2030-09-20T08:00:00Z"), appUrl: APP })).toBe(0);
    expect(await sendReportReminders({ now: new Date("2030-09-25T08:00:00Z"), appUrl: APP })).toBe(1);
    expect(await sendReportReminders({ now: new Date("2030-09-26T08:00:00Z"), appUrl: APP })).toBe(0);
    expect((await mailsTo("k-bat@example.org"))[0]!.subject).toMatch(/^Erinnerung: Umsetzungsbericht/);
    expect(await mailsTo("k-other@example.org")).toEqual([]);
    expect(
      await db
        .select()
        .from(reportReminders)
        .where(and(eq(reportReminders.conferenceId, conference.id), eq(reportReminders.groupId, group.id))),
    ).toHaveLength(1);
    // After the deadline: no more reminders.
    await setDeadline(conference.id, submitBy, 7);
    expect(await sendReportReminders({ now: new Date("2030-10-02T08:00:00Z"), appUrl: APP })).toBe(0);
  });
});

describe("the agenda slot of the group presentations", () => {
  it("lists approved and published reports only, linking only what the viewer may open", async () => {
    const conference = async (year: number) =>
      (
        await db
          .insert(conferences)
          .values({
            year,
            title: `K ${year}`,
            startsAt: new Date("2031-11-12T09:00:00Z"),
            endsAt: new Date("2031-11-12T15:00:00Z"),
            venueName: "V",
            venueAddress: "A",
            capacity: 10,
          })
          .returning()
      )[0]!;
    const [conf, other] = [await conference(2950), await conference(2951)];
    const statuses = ["draft", "submitted", "changes_requested", "approved", "published"] as const;
    const made = await db
      .insert(groups)
      .values(
        statuses.map((s, i) => ({
          slug: `agenda-${s}`,
          name: `Arbeitskreis ${String.fromCharCode(69 - i)} (${s})`,
          kind: "working_group" as const,
        })),
      )
      .returning();
    const [network] = await db
      .insert(groups)
      .values({ slug: "agenda-netz", name: "Stadtteilnetzwerk Agenda", kind: "district_network" })
      .returning();
    const reports = await db
      .insert(groupReports)
      .values([
        ...made.map((g, i) => ({ groupId: g.id, conferenceId: conf.id, status: statuses[i]! })),
        { groupId: network!.id, conferenceId: other.id, status: "published" as const },
      ])
      .returning();
    const reportOf = (status: string) => reports.find((r) => r.conferenceId === conf.id && r.status === status)!.id;
    const groupOf = (status: string) => made.find((g) => g.slug === `agenda-${status}`)!;

    // The public: both names, links only to what is public (the published report).
    expect(await listAgendaPresentations(conf.id, null)).toEqual([
      {
        groupName: groupOf("published").name,
        groupUrl: "/arbeitskreise/agenda-published",
        reportId: reportOf("published"),
      },
      { groupName: groupOf("approved").name, groupUrl: null, reportId: null },
    ]);
    // Organisers and the group's own coordinators also get the projector view of the approved report.
    const organiser = await listAgendaPresentations(conf.id, { role: "organiser", groupId: null });
    expect(organiser.map((p) => p.reportId)).toEqual([reportOf("published"), reportOf("approved")]);
    const own = await listAgendaPresentations(conf.id, { role: "coordinator", groupId: groupOf("approved").id });
    expect(own.map((p) => p.reportId)).toEqual([reportOf("published"), reportOf("approved")]);
    const stranger = await listAgendaPresentations(conf.id, { role: "coordinator", groupId: groupOf("draft").id });
    expect(stranger.map((p) => p.reportId)).toEqual([reportOf("published"), null]);
    // Another conference's published report is not in this slot; a conference without any lists nobody.
    expect((await listAgendaPresentations(other.id, null)).map((p) => p.groupName)).toEqual([
      "Stadtteilnetzwerk Agenda",
    ]);
    await db.delete(groupReports).where(eq(groupReports.conferenceId, other.id));
    expect(await listAgendaPresentations(other.id, null)).toEqual([]);
  });
});
