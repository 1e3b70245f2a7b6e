import { and, asc, desc, eq, gte, inArray, notInArray } from "drizzle-orm";
import { createElement } from "react";
import { GroupNoticeEmail } from "#emails/group-notice";
import { db, type DbOrTx } from "~/db/client.server";
import {
  conferences,
  discussionInputs,
  documentationMaterials,
  documentationPhotos,
  fileVersions,
  files,
  groupReportEvents,
  groupReportFiles,
  groupReports,
  groups,
  libraryEntries,
  reportDeadlines,
  reportReminders,
  users,
} from "~/db/schema";
import { translator, type Locale, type MessageKey } from "~/i18n/catalog";
import { recordAudit } from "~/modules/audit/audit.server";
import { enqueueMail, renderMail } from "~/modules/mail/outbox.server";
import {
  deleteFileRows,
  removeStoredKeys,
  saveUpload,
  setFilesPublic,
  type SavedFile,
} from "~/modules/uploads/files.server";
import type { PreparedUpload } from "~/modules/uploads/inspect.server";
import { formatDate } from "~/utils/time";
import { isUuid } from "~/db/id";
import { REPORT_SECTIONS, type ReportSection } from "./report-sections";
import { withoutSearch } from "~/db/columns";

export type ReportStatus = (typeof groupReports.$inferSelect)["status"];
export { REPORT_SECTIONS, type ReportSection };
export type ReportText = Record<ReportSection, string>;

/** The coordinator may change text and files only while the report is with them. */
export const EDITABLE: ReportStatus[] = ["draft", "changes_requested"];
export const groupQuotaKey = (groupId: string) => `group:${groupId}`;

export type Action = "submit" | "request_changes" | "approve" | "publish" | "unpublish";
/** Who may take which step from which status (Entwurf → eingereicht → Änderungen erbeten → freigegeben → veröffentlicht). */
const STEPS: Record<Action, { from: ReportStatus[]; to: ReportStatus; by: "coordinator" | "organiser" }> = {
  submit: { from: ["draft", "changes_requested"], to: "submitted", by: "coordinator" },
  request_changes: { from: ["submitted", "approved"], to: "changes_requested", by: "organiser" },
  approve: { from: ["submitted"], to: "approved", by: "organiser" },
  publish: { from: ["approved"], to: "published", by: "organiser" },
  // Withdrawing a publication takes the report off the public pages, back to "Freigegeben"; from
  // there the organisers can publish it again or ask the group for changes.
  unpublish: { from: ["published"], to: "approved", by: "organiser" },
};

export type Actor = { id: string; role: "organiser" | "coordinator"; groupId: string | null };

export function allowedActions(status: ReportStatus, role: Actor["role"]): Action[] {
  return (Object.keys(STEPS) as Action[]).filter(
    (a) => STEPS[a].from.includes(status) && (STEPS[a].by === role || (role === "organiser" && a === "submit")),
  );
}

export async function findReport(id: string) {
  if (!isUuid(id)) return null;
  const [row] = await db.select(withoutSearch(groupReports)).from(groupReports).where(eq(groupReports.id, id));
  return row ?? null;
}

/** The report of a group for a conference, created as a draft when there is none yet. */
export async function ensureReport(groupId: string, conferenceId: string, actorId: string): Promise<string> {
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(groupReports)
      .values({ groupId, conferenceId })
      .onConflictDoNothing()
      .returning({ id: groupReports.id });
    if (created) {
      await tx.insert(groupReportEvents).values({ reportId: created.id, userId: actorId, action: "created" });
      return created.id;
    }
    const [row] = await tx
      .select({ id: groupReports.id })
      .from(groupReports)
      .where(and(eq(groupReports.groupId, groupId), eq(groupReports.conferenceId, conferenceId)));
    return row!.id;
  });
}

/** A report with its group, conference, current files and history (for the group and organisers). */
export async function getReportView(id: string) {
  const report = await findReport(id);
  if (!report) return null;
  const [group] = await db.select().from(groups).where(eq(groups.id, report.groupId));
  const [conference] = await db
    .select({ id: conferences.id, year: conferences.year, title: conferences.title })
    .from(conferences)
    .where(eq(conferences.id, report.conferenceId));
  const [attachments, history, deadline] = await Promise.all([
    reportFiles(id),
    reportHistory(id),
    getDeadline(report.conferenceId),
  ]);
  return { report, group: group!, conference: conference!, attachments, history, deadline };
}

export async function reportFiles(reportId: string) {
  const rows = await db
    .select({
      fileId: files.id,
      versionId: fileVersions.id,
      version: fileVersions.version,
      displayName: fileVersions.displayName,
      kind: fileVersions.kind,
      size: fileVersions.size,
      createdAt: fileVersions.createdAt,
    })
    .from(groupReportFiles)
    .innerJoin(files, eq(files.id, groupReportFiles.fileId))
    .innerJoin(fileVersions, and(eq(fileVersions.fileId, files.id), eq(fileVersions.version, files.currentVersion)))
    .where(eq(groupReportFiles.reportId, reportId))
    .orderBy(asc(groupReportFiles.createdAt));
  return rows;
}

export async function reportHistory(reportId: string) {
  return db
    .select({
      id: groupReportEvents.id,
      action: groupReportEvents.action,
      detail: groupReportEvents.detail,
      at: groupReportEvents.at,
      userName: users.name,
    })
    .from(groupReportEvents)
    .leftJoin(users, eq(users.id, groupReportEvents.userId))
    .where(eq(groupReportEvents.reportId, reportId))
    .orderBy(desc(groupReportEvents.at), desc(groupReportEvents.id));
}

export class WorkflowError extends Error {
  constructor(readonly key: MessageKey) {
    super(key);
  }
}

/** Saves the six sections; the history names the sections that changed. null: no such report. */
export async function saveReportText(input: {
  reportId: string;
  actor: Actor;
  text: ReportText;
  now?: Date;
}): Promise<true | null> {
  const report = await findReport(input.reportId);
  if (!report) return null;
  if (!EDITABLE.includes(report.status)) throw new WorkflowError("reports.error.locked");
  const changed = REPORT_SECTIONS.filter((s) => report[s] !== input.text[s]);
  if (!changed.length) return true;
  await db.transaction(async (tx) => {
    await tx
      .update(groupReports)
      .set({ ...input.text, updatedAt: input.now ?? new Date() })
      .where(eq(groupReports.id, report.id));
    await tx
      .insert(groupReportEvents)
      .values({ reportId: report.id, userId: input.actor.id, action: "edited", detail: changed.join(",") });
  });
  return true;
}

/**
 * Attaches a checked upload to the report (or replaces one of its files, keeping the old version).
 * null: no such report, or the file to replace is not one of its files.
 */
export async function addReportFile(input: {
  reportId: string;
  actor: Actor;
  upload: PreparedUpload;
  replaceFileId?: string;
}): Promise<SavedFile | null> {
  const report = await findReport(input.reportId);
  if (!report) return null;
  if (!EDITABLE.includes(report.status)) throw new WorkflowError("reports.error.locked");
  if (input.replaceFileId) {
    const [own] = isUuid(input.replaceFileId)
      ? await db
          .select({ fileId: groupReportFiles.fileId })
          .from(groupReportFiles)
          .where(and(eq(groupReportFiles.reportId, report.id), eq(groupReportFiles.fileId, input.replaceFileId)))
      : [];
    if (!own) return null;
  }
  return saveUpload({
    upload: input.upload,
    quotaKey: groupQuotaKey(report.groupId),
    uploadedBy: input.actor.id,
    replaceFileId: input.replaceFileId,
    link: async (tx, saved) => {
      if (!input.replaceFileId) await tx.insert(groupReportFiles).values({ reportId: report.id, fileId: saved.fileId });
      await tx.insert(groupReportEvents).values({
        reportId: report.id,
        userId: input.actor.id,
        action: input.replaceFileId ? "file_replaced" : "file_added",
        detail: saved.version > 1 ? `${input.upload.displayName} (v${saved.version})` : input.upload.displayName,
      });
      await tx.update(groupReports).set({ updatedAt: new Date() }).where(eq(groupReports.id, report.id));
    },
  });
}

async function recipients(tx: DbOrTx, report: { groupId: string }, side: "organiser" | "coordinator") {
  return tx
    .select({ email: users.email, name: users.name })
    .from(users)
    .where(
      side === "organiser"
        ? and(eq(users.role, "organiser"), eq(users.active, true))
        : and(eq(users.role, "coordinator"), eq(users.groupId, report.groupId), eq(users.active, true)),
    );
}

/** One workflow step: checks who may take it from the current status, records it, mails the other side. null: no such report. */
export async function transition(input: {
  reportId: string;
  actor: Actor;
  action: Action;
  comment?: string;
  appUrl: string;
  locale: Locale;
  now?: Date;
}): Promise<true | null> {
  const now = input.now ?? new Date();
  const report = await findReport(input.reportId);
  if (!report) return null;
  const step = STEPS[input.action];
  if (!allowedActions(report.status, input.actor.role).includes(input.action))
    throw new WorkflowError("reports.error.step");
  const comment = (input.comment ?? "").trim();
  if (input.action === "request_changes" && !comment) throw new WorkflowError("reports.error.commentRequired");
  const [group] = await db.select().from(groups).where(eq(groups.id, report.groupId));
  const [conference] = await db
    .select({ year: conferences.year })
    .from(conferences)
    .where(eq(conferences.id, report.conferenceId));
  const t = translator(input.locale);
  const to = await recipients(db, report, step.by === "organiser" ? "coordinator" : "organiser");
  const vars = { group: group!.name, year: conference!.year };
  const subject = t(`reports.mail.${input.action}.subject` as MessageKey, vars);
  const url =
    input.action === "publish"
      ? `${input.appUrl}/arbeitskreise/${group!.slug}`
      : `${input.appUrl}/verwaltung/berichte/${report.id}`;
  const mails = await Promise.all(
    to.map(async (r) => ({
      to: r.email,
      ...(await renderMail(
        createElement(GroupNoticeEmail, {
          t,
          lang: input.locale,
          name: r.name,
          subject,
          paragraphs: [
            t(`reports.mail.${input.action}.body` as MessageKey, vars),
            ...(comment ? [t("reports.mail.comment", { comment })] : []),
          ],
          button: t(input.action === "publish" ? "reports.mail.buttonPublic" : "reports.mail.button"),
          url,
        }),
      )),
    })),
  );
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(groupReports)
      .set({
        status: step.to,
        updatedAt: now,
        ...(input.action === "request_changes" ? { organiserComment: comment } : {}),
        ...(input.action === "submit" ? { submittedAt: now } : {}),
        ...(input.action === "publish" ? { publishedAt: now } : {}),
        ...(input.action === "unpublish" ? { publishedAt: null } : {}),
      })
      // The status must still be the one we checked: two organisers clicking at once take one step.
      .where(and(eq(groupReports.id, report.id), eq(groupReports.status, report.status)))
      .returning({ id: groupReports.id });
    if (!updated.length) throw new WorkflowError("reports.error.step");
    await tx.insert(groupReportEvents).values({
      reportId: report.id,
      userId: input.actor.id,
      action: input.action === "unpublish" ? "unpublished" : step.to,
      detail: comment,
    });
    if (input.action === "publish" || input.action === "unpublish") {
      const attached = await tx
        .select({ fileId: groupReportFiles.fileId })
        .from(groupReportFiles)
        .where(eq(groupReportFiles.reportId, report.id));
      await setFilesPublic(
        tx,
        attached.map((a) => a.fileId),
        input.action === "publish",
      );
    }
    for (const mail of mails) await enqueueMail(tx, { ...mail, subject, topic: `report:${report.id}` });
    if (input.action !== "submit") {
      await recordAudit(tx, {
        actor: { id: input.actor.id },
        action: `report.${input.action}`,
        subjectType: "report",
        subjectId: report.id,
        summary: `${group!.name} ${conference!.year}`,
      });
    }
  });
  return true;
}

/** Published reports of a group, newest conference first, with their files: the public record. */
export async function listPublishedReports(groupId: string) {
  const rows = await db
    .select({ report: groupReports, year: conferences.year, title: conferences.title })
    .from(groupReports)
    .innerJoin(conferences, eq(conferences.id, groupReports.conferenceId))
    .where(and(eq(groupReports.groupId, groupId), eq(groupReports.status, "published")))
    .orderBy(desc(conferences.year));
  return Promise.all(rows.map(async (r) => ({ ...r, attachments: await reportFiles(r.report.id) })));
}

/**
 * What the search (and feeds) may index from this domain: published reports only, with their text
 * and the text extracted from their PDFs at upload. Drafts, submitted and approved reports never appear.
 */
export async function listPublishedForSearch() {
  const rows = await db
    .select({
      id: groupReports.id,
      slug: groups.slug,
      group: groups.name,
      year: conferences.year,
      publishedAt: groupReports.publishedAt,
      report: groupReports,
    })
    .from(groupReports)
    .innerJoin(groups, eq(groups.id, groupReports.groupId))
    .innerJoin(conferences, eq(conferences.id, groupReports.conferenceId))
    .where(eq(groupReports.status, "published"));
  return Promise.all(
    rows.map(async (r) => {
      const docs = await db
        .select({ fileId: files.id, name: fileVersions.displayName, text: fileVersions.textContent })
        .from(groupReportFiles)
        .innerJoin(files, and(eq(files.id, groupReportFiles.fileId), eq(files.public, true)))
        .innerJoin(fileVersions, and(eq(fileVersions.fileId, files.id), eq(fileVersions.version, files.currentVersion)))
        .where(eq(groupReportFiles.reportId, r.id));
      return {
        reportId: r.id,
        url: `/arbeitskreise/${r.slug}`,
        title: `${r.group}: Umsetzungsbericht ${r.year}`,
        publishedAt: r.publishedAt,
        text: REPORT_SECTIONS.map((s) => r.report[s])
          .filter(Boolean)
          .join("\n\n"),
        files: docs,
      };
    }),
  );
}

/** Every group with its report (if any) for one conference: the organisers' overview. */
export async function listReportsForConference(conferenceId: string) {
  const all = await db
    .select({ id: groups.id, name: groups.name, slug: groups.slug, kind: groups.kind })
    .from(groups)
    .orderBy(asc(groups.kind), asc(groups.name));
  const reports = await db
    .select({
      id: groupReports.id,
      groupId: groupReports.groupId,
      status: groupReports.status,
      updatedAt: groupReports.updatedAt,
    })
    .from(groupReports)
    .where(eq(groupReports.conferenceId, conferenceId));
  return all.map((g) => ({ group: g, report: reports.find((r) => r.groupId === g.id) ?? null }));
}

export type AgendaPresentation = { groupName: string; groupUrl: string | null; reportId: string | null };

/**
 * The groups presenting their results at a conference (the agenda slot "Präsentation der
 * Arbeitskreise"): reports approved or published, in one query. Links only where the viewer may
 * open them: the group page and the projector view of published reports; the projector view of an
 * approved report for organisers and the group's own coordinators (the rule of /praesentation).
 */
export async function listAgendaPresentations(
  conferenceId: string,
  viewer: { role: Actor["role"]; groupId: string | null } | null,
): Promise<AgendaPresentation[]> {
  const rows = await db
    .select({
      reportId: groupReports.id,
      status: groupReports.status,
      groupId: groups.id,
      name: groups.name,
      slug: groups.slug,
    })
    .from(groupReports)
    .innerJoin(groups, eq(groups.id, groupReports.groupId))
    .where(and(eq(groupReports.conferenceId, conferenceId), inArray(groupReports.status, ["approved", "published"])))
    .orderBy(asc(groups.kind), asc(groups.name));
  return rows.map((r) => {
    const published = r.status === "published";
    const mayPresent = published || viewer?.role === "organiser" || (viewer !== null && viewer.groupId === r.groupId);
    return {
      groupName: r.name,
      groupUrl: published ? `/arbeitskreise/${r.slug}` : null,
      reportId: mayPresent ? r.reportId : null,
    };
  });
}

/** A group's reports over the years (for its coordinators and organisers). */
export async function listGroupReports(groupId: string) {
  return db
    .select({
      id: groupReports.id,
      status: groupReports.status,
      year: conferences.year,
      title: conferences.title,
      conferenceId: conferences.id,
    })
    .from(groupReports)
    .innerJoin(conferences, eq(conferences.id, groupReports.conferenceId))
    .where(eq(groupReports.groupId, groupId))
    .orderBy(desc(conferences.year));
}

/** Conferences a report can still be written for: not over yet (plus the latest one, so there is always one). */
export async function reportableConferences(now = new Date()) {
  const rows = await db
    .select({ id: conferences.id, year: conferences.year, title: conferences.title, endsAt: conferences.endsAt })
    .from(conferences)
    .orderBy(desc(conferences.year));
  const open = rows.filter((c) => c.endsAt >= now);
  return open.length ? open : rows.slice(0, 1);
}

/** Every conference (newest first), for the organisers' overview. */
export async function listConferenceYears() {
  return db.select({ id: conferences.id, year: conferences.year }).from(conferences).orderBy(desc(conferences.year));
}

export async function getDeadline(conferenceId: string) {
  const [row] = await db.select().from(reportDeadlines).where(eq(reportDeadlines.conferenceId, conferenceId));
  return row ?? null;
}

export async function setDeadline(conferenceId: string, submitBy: Date, reminderDays: number) {
  await db
    .insert(reportDeadlines)
    .values({ conferenceId, submitBy, reminderDays })
    .onConflictDoUpdate({ target: reportDeadlines.conferenceId, set: { submitBy, reminderDays } });
  // A moved deadline reminds again.
  await db.delete(reportReminders).where(eq(reportReminders.conferenceId, conferenceId));
}

/**
 * Scheduler job: N days before a deadline, one reminder to the coordinators of every group that has
 * not submitted yet. Each group is reminded once per conference (report_reminders).
 */
export async function sendReportReminders(opts: { now?: Date; appUrl: string; locale?: Locale }): Promise<number> {
  const now = opts.now ?? new Date();
  const t = translator(opts.locale ?? "de");
  const due = await db
    .select({ deadline: reportDeadlines, year: conferences.year })
    .from(reportDeadlines)
    .innerJoin(conferences, eq(conferences.id, reportDeadlines.conferenceId))
    .where(gte(reportDeadlines.submitBy, now));
  let sent = 0;
  for (const { deadline, year } of due) {
    if (now.getTime() < deadline.submitBy.getTime() - deadline.reminderDays * 86_400_000) continue;
    const done = db
      .select({ groupId: groupReports.groupId })
      .from(groupReports)
      .where(
        and(
          eq(groupReports.conferenceId, deadline.conferenceId),
          inArray(groupReports.status, ["submitted", "approved", "published"]),
        ),
      );
    const reminded = db
      .select({ groupId: reportReminders.groupId })
      .from(reportReminders)
      .where(eq(reportReminders.conferenceId, deadline.conferenceId));
    const open = await db
      .select({ id: groups.id, name: groups.name })
      .from(groups)
      .where(and(notInArray(groups.id, done), notInArray(groups.id, reminded)));
    for (const group of open) {
      const coordinators = await recipients(db, { groupId: group.id }, "coordinator");
      if (!coordinators.length) continue;
      const vars = { group: group.name, year, date: formatDate(deadline.submitBy, "de") };
      const subject = t("reports.mail.reminder.subject", vars);
      const mails = await Promise.all(
        coordinators.map(async (c) => ({
          to: c.email,
          ...(await renderMail(
            createElement(GroupNoticeEmail, {
              t,
              lang: opts.locale ?? "de",
              name: c.name,
              subject,
              paragraphs: [t("reports.mail.reminder.body", vars)],
              button: t("reports.mail.button"),
              url: `${opts.appUrl}/verwaltung/arbeitskreise/${group.id}`,
            }),
          )),
        })),
      );
      await db.transaction(async (tx) => {
        const claimed = await tx
          .insert(reportReminders)
          .values({ conferenceId: deadline.conferenceId, groupId: group.id, sentAt: now })
          .onConflictDoNothing()
          .returning({ groupId: reportReminders.groupId });
        if (!claimed.length) return; // another instance was quicker
        for (const mail of mails) await enqueueMail(tx, { ...mail, subject, topic: `group:${group.id}` });
        sent += mails.length;
      });
    }
  }
  return sent;
}

async function fileUsedElsewhere(tx: DbOrTx, fileId: string) {
  const uses = await Promise.all([
    tx
      .select({ id: groupReportFiles.reportId })
      .from(groupReportFiles)
      .where(eq(groupReportFiles.fileId, fileId))
      .limit(1),
    tx.select({ id: libraryEntries.id }).from(libraryEntries).where(eq(libraryEntries.fileId, fileId)).limit(1),
    tx
      .select({ id: documentationMaterials.id })
      .from(documentationMaterials)
      .where(eq(documentationMaterials.fileId, fileId))
      .limit(1),
    tx
      .select({ id: documentationPhotos.id })
      .from(documentationPhotos)
      .where(eq(documentationPhotos.fileId, fileId))
      .limit(1),
    tx
      .select({ id: discussionInputs.id })
      .from(discussionInputs)
      .where(eq(discussionInputs.slidesFileId, fileId))
      .limit(1),
  ]);
  return uses.some((rows) => rows.length > 0);
}

/** One attachment of a report (its current version), or null. */
export async function getReportFile(reportId: string, fileId: string) {
  if (!isUuid(reportId) || !isUuid(fileId)) return null;
  const found = (await reportFiles(reportId)).find((f) => f.fileId === fileId);
  return found ?? null;
}

/** Coordinators remove attachments while the report is with them; organisers at any time. */
export function canRemoveFiles(status: ReportStatus, role: Actor["role"]) {
  return role === "organiser" || EDITABLE.includes(status);
}

/**
 * Removes an attachment from the report: the file with all its versions and renditions is deleted
 * and its bytes leave the store. null: no such report or attachment.
 */
export async function removeReportFile(input: {
  reportId: string;
  fileId: string;
  actor: Actor;
}): Promise<true | null> {
  const report = await findReport(input.reportId);
  if (!report) return null;
  if (!canRemoveFiles(report.status, input.actor.role)) throw new WorkflowError("reports.error.locked");
  const attachment = await getReportFile(report.id, input.fileId);
  if (!attachment) return null;
  const [group] = await db.select({ name: groups.name }).from(groups).where(eq(groups.id, report.groupId));
  const keys = await db.transaction(async (tx) => {
    await tx
      .delete(groupReportFiles)
      .where(and(eq(groupReportFiles.reportId, report.id), eq(groupReportFiles.fileId, attachment.fileId)));
    // A file that something else also shows (a library entry, a documentation) stays, only unlinked.
    const removed = (await fileUsedElsewhere(tx, attachment.fileId)) ? [] : await deleteFileRows(tx, attachment.fileId);
    await tx.insert(groupReportEvents).values({
      reportId: report.id,
      userId: input.actor.id,
      action: "file_removed",
      detail: attachment.displayName,
    });
    await tx.update(groupReports).set({ updatedAt: new Date() }).where(eq(groupReports.id, report.id));
    await recordAudit(tx, {
      actor: { id: input.actor.id },
      action: "report.file_remove",
      subjectType: "report",
      subjectId: report.id,
      summary: `${group?.name ?? ""}: ${attachment.displayName}`,
    });
    return removed;
  });
  await removeStoredKeys(keys);
  return true;
}
