import { and, asc, desc, eq, exists, inArray, isNotNull, isNull, lt, lte, max, ne, or } from "drizzle-orm";
import sanitizeHtml from "sanitize-html";
import { db, type DbOrTx } from "~/db/client.server";
import {
  conferences,
  documentationMaterials,
  documentationPhotos,
  documentations,
  documentationSpeeches,
  fileRenditions,
  files,
  fileVersions,
  goals,
  goalYears,
  groupReportFiles,
  groupReports,
  groups,
} from "~/db/schema";
import { recordAudit } from "~/modules/audit/audit.server";
import { getPublishedDiscussionRecords } from "~/modules/discussion/records.server";
import { saveUpload, setFilesPublic } from "~/modules/uploads/files.server";
import { discardPrepared, type PreparedUpload } from "~/modules/uploads/inspect.server";
import { htmlToMarkdown, renderMarkdown } from "~/utils/markdown.server";
import {
  prepareDocumentationNews,
  queueDocumentationNews,
  takeBackDocumentationNews,
} from "./documentation-news.server";

type Actor = { id: string; name: string } | null;
export const documentationQuotaKey = (conferenceId: string) => `documentation:${conferenceId}`;
/** Photo documentations are large: 2 GB and 3000 file versions per conference. */
export const DOCUMENTATION_QUOTA = { bytes: 2 * 1024 * 1024 * 1024, count: 3000 };
export const MAX_PHOTOS_PER_UPLOAD = 30;

/** A speech's Markdown as HTML: its title is an h3 on the page, so "# …" inside becomes an h4. */
export const renderSpeech = (markdown: string) => renderMarkdown(markdown, { topHeading: 4 });

/** The documentation's introduction: right below the page's h1, so "# …" becomes an h3. */
export const renderIntro = (markdown: string) => renderMarkdown(markdown, { topHeading: 3 });

/**
 * Speeches from before Markdown (HTML in `html`, `markdown` empty) get their Markdown and a fresh
 * rendering. Runs at every start and touches only such rows, so a second run changes nothing.
 */
export async function convertLegacySpeeches(): Promise<number> {
  const legacy = await db
    .select({ id: documentationSpeeches.id, html: documentationSpeeches.html })
    .from(documentationSpeeches)
    .where(and(eq(documentationSpeeches.markdown, ""), ne(documentationSpeeches.html, "")));
  for (const row of legacy) {
    const markdown = htmlToMarkdown(row.html);
    const html = renderSpeech(markdown);
    await db
      .update(documentationSpeeches)
      .set({ markdown, html, plainText: plainText(html) })
      .where(and(eq(documentationSpeeches.id, row.id), eq(documentationSpeeches.markdown, "")));
  }
  return legacy.length;
}

export function plainText(html: string): string {
  return sanitizeHtml(html.replace(/<\/(p|li|h3|h4|blockquote)>|<br\s*\/?>/gi, " "), {
    allowedTags: [],
    allowedAttributes: {},
  })
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, " ")
    .trim();
}

/** A photo may be shown to the public only with an alt text and once it is cleared. */
export const isPhotoPublishable = (p: { altText: string; cleared: boolean }) =>
  p.cleared && p.altText.trim().length > 0;

export async function findConference(year: number) {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) return null;
  const [row] = await db.select().from(conferences).where(eq(conferences.year, year));
  return row ?? null;
}

/** The documentation of a conference, created empty (unpublished) on first use. */
export async function ensureDocumentation(conferenceId: string) {
  await db.insert(documentations).values({ conferenceId }).onConflictDoNothing();
  const [doc] = await db.select().from(documentations).where(eq(documentations.conferenceId, conferenceId));
  return doc!;
}

const fileColumns = {
  fileId: files.id,
  displayName: fileVersions.displayName,
  kind: fileVersions.kind,
  size: fileVersions.size,
  storageKey: fileVersions.storageKey,
  hasThumbnail: isNotNull(fileVersions.thumbnailKey),
};

async function materialsOf(documentationId: string) {
  return db
    .select({
      id: documentationMaterials.id,
      title: documentationMaterials.title,
      position: documentationMaterials.position,
      ...fileColumns,
    })
    .from(documentationMaterials)
    .innerJoin(files, eq(files.id, documentationMaterials.fileId))
    .innerJoin(fileVersions, and(eq(fileVersions.fileId, files.id), eq(fileVersions.version, files.currentVersion)))
    .where(eq(documentationMaterials.documentationId, documentationId))
    .orderBy(asc(documentationMaterials.position), asc(documentationMaterials.createdAt));
}

async function photosOf(documentationId: string) {
  return db
    .select({
      id: documentationPhotos.id,
      altText: documentationPhotos.altText,
      caption: documentationPhotos.caption,
      cleared: documentationPhotos.cleared,
      position: documentationPhotos.position,
      ...fileColumns,
    })
    .from(documentationPhotos)
    .innerJoin(files, eq(files.id, documentationPhotos.fileId))
    .innerJoin(fileVersions, and(eq(fileVersions.fileId, files.id), eq(fileVersions.version, files.currentVersion)))
    .where(eq(documentationPhotos.documentationId, documentationId))
    .orderBy(asc(documentationPhotos.position), asc(documentationPhotos.createdAt));
}

async function speechesOf(documentationId: string) {
  return db
    .select({
      id: documentationSpeeches.id,
      title: documentationSpeeches.title,
      speaker: documentationSpeeches.speaker,
      markdown: documentationSpeeches.markdown,
      html: documentationSpeeches.html,
      position: documentationSpeeches.position,
    })
    .from(documentationSpeeches)
    .where(eq(documentationSpeeches.documentationId, documentationId))
    .orderBy(asc(documentationSpeeches.position), asc(documentationSpeeches.createdAt));
}

/** Published working-group results of a conference with their (public) files. */
async function publishedReportsOf(conferenceId: string) {
  const rows = await db
    .select({
      id: groupReports.id,
      groupName: groups.name,
      groupSlug: groups.slug,
      activities: groupReports.activities,
      progress: groupReports.progress,
      obstacles: groupReports.obstacles,
      networking: groupReports.networking,
      previousGoals: groupReports.previousGoals,
      proposals: groupReports.proposals,
    })
    .from(groupReports)
    .innerJoin(groups, eq(groups.id, groupReports.groupId))
    .where(and(eq(groupReports.conferenceId, conferenceId), eq(groupReports.status, "published")))
    .orderBy(asc(groups.kind), asc(groups.name));
  if (!rows.length) return [];
  const attachments = await db
    .select({ reportId: groupReportFiles.reportId, ...fileColumns })
    .from(groupReportFiles)
    .innerJoin(files, and(eq(files.id, groupReportFiles.fileId), eq(files.public, true)))
    .innerJoin(fileVersions, and(eq(fileVersions.fileId, files.id), eq(fileVersions.version, files.currentVersion)))
    .where(
      inArray(
        groupReportFiles.reportId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(groupReportFiles.createdAt));
  return rows.map((r) => ({ ...r, attachments: attachments.filter((a) => a.reportId === r.id) }));
}

/** Goals agreed at this conference that have a published status (the public goal board's rule). */
async function agreedGoalsOf(conferenceId: string) {
  return db
    .select({
      id: goals.id,
      title: goals.title,
      description: goals.description,
      groupName: groups.name,
      targetYear: goals.targetYear,
    })
    .from(goals)
    .innerJoin(groups, eq(groups.id, goals.ownerGroupId))
    .where(
      and(
        eq(goals.originConferenceId, conferenceId),
        exists(
          db
            .select({ one: goalYears.id })
            .from(goalYears)
            .where(and(eq(goalYears.goalId, goals.id), isNotNull(goalYears.publishedAt))),
        ),
      ),
    )
    .orderBy(asc(goals.id));
}

export type DocumentationView = NonNullable<Awaited<ReturnType<typeof getDocumentation>>>;

/**
 * The documentation of a year. `preview` (organisers) shows an unpublished one and every photo,
 * marked; otherwise null unless published, and only publishable photos. Never any participant data:
 * the sources are speeches (public speakers), files, published reports, public questions without
 * names, agreed goals.
 */
export async function getDocumentation(year: number, opts: { preview?: boolean; now?: Date } = {}) {
  const conference = await findConference(year);
  if (!conference || conference.status === "draft") return null;
  const [doc] = await db.select().from(documentations).where(eq(documentations.conferenceId, conference.id));
  const now = opts.now ?? new Date();
  const published = !!doc?.publishedAt && doc.publishedAt <= now;
  if (!doc || (!published && !opts.preview)) return null;
  const [speeches, materials, allPhotos, reports, discussion, agreedGoals] = await Promise.all([
    speechesOf(doc.id),
    materialsOf(doc.id),
    photosOf(doc.id),
    doc.includeReports ? publishedReportsOf(conference.id) : Promise.resolve([]),
    doc.includeDiscussion ? getPublishedDiscussionRecords(conference.id) : Promise.resolve([]),
    doc.includeGoals ? agreedGoalsOf(conference.id) : Promise.resolve([]),
  ]);
  const photos = opts.preview ? allPhotos : allPhotos.filter(isPhotoPublishable);
  const slides = await slidesOf(discussion.map((d) => d.slidesFileId).filter((id): id is string => !!id));
  return {
    conference: {
      id: conference.id,
      year: conference.year,
      title: conference.title,
      startsAt: conference.startsAt,
      venueName: conference.venueName,
    },
    documentation: doc,
    introHtml: renderIntro(doc.intro),
    published,
    speeches,
    materials,
    photos: photos.map((p) => ({ ...p, publishable: isPhotoPublishable(p) })),
    reports,
    discussion: discussion.map((d) => ({ ...d, slides: slides.find((f) => f.fileId === d.slidesFileId) ?? null })),
    agreedGoals,
  };
}

/** The Fachinputs' slides (public from their upload on) with the PDF LibreOffice made of an Office file. */
async function slidesOf(fileIds: string[]) {
  if (!fileIds.length) return [];
  const rows = await db
    .select({ ...fileColumns, versionId: fileVersions.id, derivedPdfKey: fileRenditions.pdfKey })
    .from(files)
    .innerJoin(fileVersions, and(eq(fileVersions.fileId, files.id), eq(fileVersions.version, files.currentVersion)))
    .leftJoin(fileRenditions, and(eq(fileRenditions.fileVersionId, fileVersions.id), eq(fileRenditions.status, "done")))
    .where(and(inArray(files.id, fileIds), eq(files.public, true)));
  return rows;
}

/** Organisers: everything of a conference's documentation (created if missing). */
export async function getDocumentationForEditing(year: number) {
  const conference = await findConference(year);
  if (!conference) return null;
  const doc = await ensureDocumentation(conference.id);
  const [speeches, materials, photos] = await Promise.all([speechesOf(doc.id), materialsOf(doc.id), photosOf(doc.id)]);
  return {
    conference: { id: conference.id, year: conference.year, title: conference.title, endsAt: conference.endsAt },
    documentation: doc,
    speeches,
    materials,
    photos,
  };
}

/** Files may be public exactly when the documentation is published (photos: also cleared with alt text). */
export async function syncDocumentationFiles(tx: DbOrTx, documentationId: string, now = new Date()) {
  const [doc] = await tx
    .select({ publishedAt: documentations.publishedAt })
    .from(documentations)
    .where(eq(documentations.id, documentationId));
  const live = !!doc?.publishedAt && doc.publishedAt <= now;
  const materials = await tx
    .select({ fileId: documentationMaterials.fileId })
    .from(documentationMaterials)
    .where(eq(documentationMaterials.documentationId, documentationId));
  const photos = await tx
    .select({
      fileId: documentationPhotos.fileId,
      altText: documentationPhotos.altText,
      cleared: documentationPhotos.cleared,
    })
    .from(documentationPhotos)
    .where(eq(documentationPhotos.documentationId, documentationId));
  await setFilesPublic(
    tx,
    materials.map((m) => m.fileId),
    live,
  );
  await setFilesPublic(
    tx,
    photos.filter((p) => live && isPhotoPublishable(p)).map((p) => p.fileId),
    true,
  );
  await setFilesPublic(
    tx,
    photos.filter((p) => !(live && isPhotoPublishable(p))).map((p) => p.fileId),
    false,
  );
}

export async function saveSettings(
  documentationId: string,
  input: { intro: string; includeReports: boolean; includeDiscussion: boolean; includeGoals: boolean },
) {
  await db
    .update(documentations)
    .set({ ...input, updatedAt: new Date() })
    .where(eq(documentations.id, documentationId));
}

async function nextPosition(
  table: typeof documentationSpeeches | typeof documentationMaterials | typeof documentationPhotos,
  documentationId: string,
  tx: DbOrTx = db,
) {
  const [row] = await tx
    .select({ m: max(table.position) })
    .from(table)
    .where(eq(table.documentationId, documentationId));
  return (row?.m ?? 0) + 1;
}

export async function saveSpeech(input: {
  documentationId: string;
  speechId?: string;
  title: string;
  speaker: string;
  markdown: string;
}) {
  const markdown = input.markdown.replace(/\r\n?/g, "\n").trim();
  const html = renderSpeech(markdown);
  const values = { title: input.title, speaker: input.speaker, markdown, html, plainText: plainText(html) };
  if (input.speechId) {
    await db
      .update(documentationSpeeches)
      .set(values)
      .where(
        and(
          eq(documentationSpeeches.id, input.speechId),
          eq(documentationSpeeches.documentationId, input.documentationId),
        ),
      );
    return input.speechId;
  }
  const [row] = await db
    .insert(documentationSpeeches)
    .values({
      ...values,
      documentationId: input.documentationId,
      position: await nextPosition(documentationSpeeches, input.documentationId),
    })
    .returning({ id: documentationSpeeches.id });
  return row!.id;
}

export async function deleteSpeech(documentationId: string, speechId: string) {
  await db
    .delete(documentationSpeeches)
    .where(and(eq(documentationSpeeches.id, speechId), eq(documentationSpeeches.documentationId, documentationId)));
}

export async function addMaterial(input: {
  documentationId: string;
  conferenceId: string;
  upload: PreparedUpload;
  title: string;
  uploadedBy: string | null;
}) {
  return saveUpload({
    upload: input.upload,
    quotaKey: documentationQuotaKey(input.conferenceId),
    quota: DOCUMENTATION_QUOTA,
    uploadedBy: input.uploadedBy,
    link: async (tx, saved) => {
      await tx.insert(documentationMaterials).values({
        documentationId: input.documentationId,
        fileId: saved.fileId,
        title: input.title || input.upload.displayName.replace(/\.[a-z0-9]+$/i, ""),
        position: await nextPosition(documentationMaterials, input.documentationId, tx),
      });
      await syncDocumentationFiles(tx, input.documentationId);
    },
  });
}

export async function deleteMaterial(documentationId: string, materialId: string) {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .delete(documentationMaterials)
      .where(
        and(eq(documentationMaterials.id, materialId), eq(documentationMaterials.documentationId, documentationId)),
      )
      .returning();
    if (row) await setFilesPublic(tx, [row.fileId], false);
  });
}

/** Adds photos (already re-encoded without EXIF by the upload component): not cleared, no alt text yet. */
export async function addPhotos(input: {
  documentationId: string;
  conferenceId: string;
  uploads: PreparedUpload[];
  uploadedBy: string | null;
}) {
  const saved: string[] = [];
  for (const [i, upload] of input.uploads.entries()) {
    if (upload.kind !== "jpeg" && upload.kind !== "png") {
      await discardPrepared(input.uploads.slice(i));
      throw new PhotoError("notPhoto");
    }
    const result = await saveUpload({
      upload,
      quotaKey: documentationQuotaKey(input.conferenceId),
      quota: DOCUMENTATION_QUOTA,
      uploadedBy: input.uploadedBy,
      link: async (tx, file) => {
        await tx.insert(documentationPhotos).values({
          documentationId: input.documentationId,
          fileId: file.fileId,
          position: await nextPosition(documentationPhotos, input.documentationId, tx),
        });
      },
    }).catch(async (error: unknown) => {
      await discardPrepared(input.uploads.slice(i + 1));
      throw error;
    });
    saved.push(result.fileId);
  }
  return saved;
}

export class PhotoError extends Error {
  constructor(readonly code: "notPhoto" | "altMissing") {
    super(`photo: ${code}`);
  }
}

/**
 * Saves alt texts, captions and clearance of several photos at once. A photo cannot be cleared
 * without an alt text: it then stays uncleared and its id is returned in `altMissing`.
 */
export async function updatePhotos(input: {
  documentationId: string;
  photos: { id: string; altText: string; caption: string; cleared: boolean }[];
  actor: Actor;
}) {
  const altMissing: string[] = [];
  await db.transaction(async (tx) => {
    const ids = input.photos.map((p) => p.id);
    if (!ids.length) return;
    const own = new Set(
      (
        await tx
          .select({ id: documentationPhotos.id })
          .from(documentationPhotos)
          .where(
            and(eq(documentationPhotos.documentationId, input.documentationId), inArray(documentationPhotos.id, ids)),
          )
      ).map((r) => r.id),
    );
    for (const p of input.photos) {
      if (!own.has(p.id)) continue;
      const alt = p.altText.trim();
      const cleared = p.cleared && alt.length > 0;
      if (p.cleared && !alt) altMissing.push(p.id);
      await tx
        .update(documentationPhotos)
        .set({ altText: alt, caption: p.caption.trim(), cleared })
        .where(eq(documentationPhotos.id, p.id));
    }
    await syncDocumentationFiles(tx, input.documentationId);
    await recordAudit(tx, {
      actor: input.actor,
      action: "documentation.photos",
      subjectType: "documentation",
      subjectId: input.documentationId,
      summary: `${input.photos.length} Fotos bearbeitet`,
    });
  });
  return { altMissing };
}

export async function deletePhoto(documentationId: string, photoId: string) {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .delete(documentationPhotos)
      .where(and(eq(documentationPhotos.id, photoId), eq(documentationPhotos.documentationId, documentationId)))
      .returning();
    if (row) await setFilesPublic(tx, [row.fileId], false);
  });
}

/**
 * Publishes (dated `publishAt`, default now) or withdraws a documentation; files follow. Publishing
 * queues, in the same transaction, the mail to every participant who asked for one and was not told
 * yet (`notified`); withdrawing takes back those mails that have not gone out. null: no such documentation.
 */
/**
 * Guard rail: a documentation is published (and the participants mailed) once its conference took
 * place. Before its end, publishing needs an explicit confirmation (`publishEarly`).
 */
export async function conferenceNotOverYet(documentationId: string, now = new Date()) {
  const [row] = await db
    .select({ endsAt: conferences.endsAt })
    .from(documentations)
    .innerJoin(conferences, eq(conferences.id, documentations.conferenceId))
    .where(eq(documentations.id, documentationId));
  return !!row && row.endsAt.getTime() > now.getTime();
}

export async function setPublished(input: {
  documentationId: string;
  publish: boolean;
  publishAt?: Date;
  /** The organiser confirmed publishing before the conference took place. */
  publishEarly?: boolean;
  actor: Actor;
  now?: Date;
}): Promise<{ publishedAt: Date | null; notified: number; refused?: "beforeConference" } | null> {
  const now = input.now ?? new Date();
  if (input.publish && !input.publishEarly) {
    // Only the first publishing asks (the page offers the confirmation only then); publishing again is a re-send.
    const [current] = await db
      .select({ publishedAt: documentations.publishedAt })
      .from(documentations)
      .where(eq(documentations.id, input.documentationId));
    if (!current?.publishedAt && (await conferenceNotOverYet(input.documentationId, now)))
      return { publishedAt: null, notified: 0, refused: "beforeConference" };
  }
  const prepared = input.publish ? await prepareDocumentationNews(input.documentationId) : undefined;
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(documentations).where(eq(documentations.id, input.documentationId));
    if (!before) return null;
    // A publish date may be set back (the day of the release), never ahead: files go public now.
    const publishedAt = input.publish ? new Date(Math.min((input.publishAt ?? now).getTime(), now.getTime())) : null;
    await tx
      .update(documentations)
      .set({ publishedAt, updatedAt: now })
      .where(eq(documentations.id, input.documentationId));
    await syncDocumentationFiles(tx, input.documentationId, now);
    const notified = input.publish
      ? await queueDocumentationNews(tx, { documentationId: input.documentationId, now, prepared })
      : 0;
    if (!input.publish) await takeBackDocumentationNews(tx, input.documentationId, now);
    await recordAudit(tx, {
      actor: input.actor,
      action: input.publish ? "documentation.publish" : "documentation.unpublish",
      subjectType: "documentation",
      subjectId: input.documentationId,
      summary: input.publish ? `${notified} Benachrichtigungen` : undefined,
    });
    return { publishedAt, notified };
  });
}

/**
 * Scheduler job: a documentation whose publish date has come but that was not announced for this
 * publication (a date set ahead, e.g. by an import) goes public now: files follow, mails go out.
 */
export async function publishDueDocumentations(now = new Date()): Promise<number> {
  const due = await db
    .select({ id: documentations.id })
    .from(documentations)
    .where(
      and(
        isNotNull(documentations.publishedAt),
        lte(documentations.publishedAt, now),
        or(isNull(documentations.notifiedAt), lt(documentations.notifiedAt, documentations.publishedAt)),
      ),
    );
  let queued = 0;
  for (const { id } of due) {
    const prepared = await prepareDocumentationNews(id);
    queued += await db.transaction(async (tx) => {
      const n = await queueDocumentationNews(tx, { documentationId: id, now, prepared });
      await syncDocumentationFiles(tx, id, now);
      return n;
    });
  }
  return queued;
}

/** Published documentations (newest first) for the archive and the feed. */
export async function listPublishedDocumentations(now = new Date()) {
  return db
    .select({
      year: conferences.year,
      title: conferences.title,
      publishedAt: documentations.publishedAt,
      intro: documentations.intro,
      updatedAt: documentations.updatedAt,
    })
    .from(documentations)
    .innerJoin(conferences, eq(conferences.id, documentations.conferenceId))
    .where(and(isNotNull(documentations.publishedAt), lte(documentations.publishedAt, now)))
    .orderBy(desc(conferences.year));
}

/** The view without storage keys, for pages (the keys are internal). */
export function withoutStorageKeys(view: DocumentationView) {
  const strip = <T extends { storageKey: string }>({ storageKey: _k, ...rest }: T) => rest;
  return {
    ...view,
    materials: view.materials.map(strip),
    photos: view.photos.map(strip),
    reports: view.reports.map((r) => ({ ...r, attachments: r.attachments.map(strip) })),
    discussion: view.discussion.map((d) => ({
      ...d,
      slides: d.slides && { ...strip(d.slides), derivedPdfKey: undefined, hasDerivedPdf: !!d.slides.derivedPdfKey },
    })),
  };
}
