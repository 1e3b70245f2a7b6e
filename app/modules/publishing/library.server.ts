import { and, asc, desc, eq, isNull, ne, sql, type SQL } from "drizzle-orm";
import { db, type DbOrTx } from "~/db/client.server";
import { files, fileVersions, libraryEntries } from "~/db/schema";
import { recordAudit } from "~/modules/audit/audit.server";
import { saveUpload, setFilesPublic, type SavedFile } from "~/modules/uploads/files.server";
import type { PreparedUpload } from "~/modules/uploads/inspect.server";
import { isSafeExternalUrl, type LibraryEntryInput, type LibraryType, type MonitoringArea } from "./library.schema";
import { isUuid } from "~/db/id";
import { slugify as slugifyText } from "~/utils/slug";

export const LIBRARY_QUOTA_KEY = "library";
/** The office's own library: more room than a group (reports with many pages). */
export const LIBRARY_QUOTA = { bytes: 2 * 1024 * 1024 * 1024, count: 5000 };

export type LibraryEntry = typeof libraryEntries.$inferSelect;
type Actor = { id: string; name: string };

export function slugify(value: string): string {
  return slugifyText(value, "dokument");
}

async function freeSlug(tx: DbOrTx, wanted: string, exceptId?: string): Promise<string> {
  for (let i = 1; ; i += 1) {
    const slug = i === 1 ? wanted : `${wanted}-${i}`;
    const [taken] = await tx
      .select({ id: libraryEntries.id })
      .from(libraryEntries)
      .where(
        exceptId ? and(eq(libraryEntries.slug, slug), ne(libraryEntries.id, exceptId)) : eq(libraryEntries.slug, slug),
      );
    if (!taken) return slug;
  }
}

const entryColumns = {
  id: libraryEntries.id,
  slug: libraryEntries.slug,
  title: libraryEntries.title,
  year: libraryEntries.year,
  type: libraryEntries.type,
  area: libraryEntries.area,
  description: libraryEntries.description,
  parentId: libraryEntries.parentId,
  position: libraryEntries.position,
  fileId: libraryEntries.fileId,
  url: libraryEntries.url,
  published: libraryEntries.published,
  publishedAt: libraryEntries.publishedAt,
  updatedAt: libraryEntries.updatedAt,
  fileName: fileVersions.displayName,
  fileKind: fileVersions.kind,
  fileSize: fileVersions.size,
};

function withCurrentFile() {
  return db
    .select(entryColumns)
    .from(libraryEntries)
    .leftJoin(files, eq(files.id, libraryEntries.fileId))
    .leftJoin(fileVersions, and(eq(fileVersions.fileId, files.id), eq(fileVersions.version, files.currentVersion)));
}

export type LibraryRow = Awaited<ReturnType<typeof listLibrary>>[number];
export type LibraryFilter = {
  type?: LibraryType | "";
  year?: number | "";
  area?: MonitoringArea | "";
  includeDrafts?: boolean;
};

/**
 * The library, newest year first; parts follow their parent. Filters match an entry or one of its
 * parts (a filter on "Bildung" shows the report with its Bildung part).
 */
export async function listLibrary(filter: LibraryFilter = {}) {
  const where: SQL[] = [];
  if (!filter.includeDrafts) where.push(eq(libraryEntries.published, true));
  if (filter.type) where.push(eq(libraryEntries.type, filter.type));
  if (filter.year) where.push(eq(libraryEntries.year, filter.year));
  if (filter.area) where.push(eq(libraryEntries.area, filter.area));
  return withCurrentFile()
    .where(where.length ? and(...where) : undefined)
    .orderBy(sql`${libraryEntries.year} desc nulls last`, asc(libraryEntries.position), asc(libraryEntries.title));
}

/** Years and types that occur among published entries (for the filter choices). */
export async function libraryFacets() {
  const rows = await db
    .selectDistinct({ year: libraryEntries.year })
    .from(libraryEntries)
    .where(eq(libraryEntries.published, true))
    .orderBy(desc(libraryEntries.year));
  return { years: rows.map((r) => r.year).filter((y): y is number => y !== null) };
}

/** Arranges entries as a tree: top-level entries with their parts (a part whose parent is filtered out stands alone). */
export function asTree<T extends { id: string; parentId: string | null }>(rows: T[]): (T & { parts: T[] })[] {
  const ids = new Set(rows.map((r) => r.id));
  const top = rows.filter((r) => !r.parentId || !ids.has(r.parentId));
  return top.map((r) => ({ ...r, parts: rows.filter((p) => p.parentId === r.id) }));
}

/** The same tree as one list: each top-level entry followed by its parts (the organisers' table). */
export function inTreeOrder<T extends { id: string; parentId: string | null }>(rows: T[]): T[] {
  return asTree(rows).flatMap(({ parts, ...entry }) => [entry as unknown as T, ...parts]);
}

/** One entry by id or slug (stable address). Drafts only when asked for (organisers). */
export async function getLibraryEntry(idOrSlug: string, opts: { includeDrafts?: boolean } = {}) {
  const slug = idOrSlug.toLowerCase();
  const key = isUuid(idOrSlug) ? eq(libraryEntries.id, idOrSlug) : eq(libraryEntries.slug, slug);
  const [row] = await withCurrentFile().where(opts.includeDrafts ? key : and(key, eq(libraryEntries.published, true)));
  if (!row) return null;
  const parts = await withCurrentFile()
    .where(
      opts.includeDrafts
        ? eq(libraryEntries.parentId, row.id)
        : and(eq(libraryEntries.parentId, row.id), eq(libraryEntries.published, true)),
    )
    .orderBy(asc(libraryEntries.position), asc(libraryEntries.title));
  let parent: { slug: string; title: string } | null = null;
  if (row.parentId) {
    const [p] = await db
      .select({ slug: libraryEntries.slug, title: libraryEntries.title, published: libraryEntries.published })
      .from(libraryEntries)
      .where(eq(libraryEntries.id, row.parentId));
    if (p && (p.published || opts.includeDrafts)) parent = { slug: p.slug, title: p.title };
  }
  return { ...row, parts, parent };
}

/** Possible parents for the form: top-level entries. */
export async function listParentChoices(exceptId?: string) {
  return db
    .select({ id: libraryEntries.id, title: libraryEntries.title, year: libraryEntries.year })
    .from(libraryEntries)
    .where(
      exceptId
        ? and(isNull(libraryEntries.parentId), ne(libraryEntries.id, exceptId))
        : isNull(libraryEntries.parentId),
    )
    .orderBy(sql`${libraryEntries.year} desc nulls last`, asc(libraryEntries.title));
}

export class LibraryError extends Error {
  constructor(readonly field: "url" | "parentId") {
    super(`library: ${field}`);
  }
}

async function checkParent(tx: DbOrTx, parentId: string | null | undefined, selfId?: string) {
  if (!parentId) return null;
  if (parentId === selfId) throw new LibraryError("parentId");
  const [parent] = await tx
    .select({ id: libraryEntries.id, parentId: libraryEntries.parentId })
    .from(libraryEntries)
    .where(eq(libraryEntries.id, parentId));
  // One level of parts: a report and its parts; a part cannot be a parent.
  if (!parent || parent.parentId) throw new LibraryError("parentId");
  return parent.id;
}

/** The file of an entry is public exactly while the entry is published. */
async function syncFilePublic(tx: DbOrTx, entryId: string) {
  const [row] = await tx
    .select({ fileId: libraryEntries.fileId, published: libraryEntries.published })
    .from(libraryEntries)
    .where(eq(libraryEntries.id, entryId));
  if (row?.fileId) await setFilesPublic(tx, [row.fileId], row.published);
}

export async function createLibraryEntry(
  input: LibraryEntryInput & { slug?: string },
  actor: Actor | null,
  now = new Date(),
): Promise<{ id: string; slug: string }> {
  if (input.url && !isSafeExternalUrl(input.url)) throw new LibraryError("url");
  return db.transaction(async (tx) => {
    const parentId = await checkParent(tx, input.parentId);
    const slug = await freeSlug(
      tx,
      input.slug ??
        slugify(
          [input.title, input.year && !input.title.includes(String(input.year)) ? String(input.year) : ""]
            .filter(Boolean)
            .join(" "),
        ),
    );
    const [row] = await tx
      .insert(libraryEntries)
      .values({
        slug,
        title: input.title,
        year: input.year ?? null,
        type: input.type,
        area: input.area ?? null,
        description: input.description,
        parentId,
        position: input.position,
        url: input.url ?? null,
        published: input.published,
        publishedAt: input.published ? now : null,
      })
      .returning({ id: libraryEntries.id, slug: libraryEntries.slug });
    await recordAudit(tx, {
      actor,
      action: "library.create",
      subjectType: "library_entry",
      subjectId: row!.id,
      summary: input.title,
    });
    return row!;
  });
}

/** Saves an entry; false when there is no such entry. */
export async function updateLibraryEntry(
  id: string,
  input: LibraryEntryInput,
  actor: Actor | null,
  now = new Date(),
): Promise<boolean> {
  if (input.url && !isSafeExternalUrl(input.url)) throw new LibraryError("url");
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(libraryEntries).where(eq(libraryEntries.id, id));
    if (!before) return false;
    const parentId = await checkParent(tx, input.parentId, id);
    if (parentId) {
      const [child] = await tx
        .select({ id: libraryEntries.id })
        .from(libraryEntries)
        .where(eq(libraryEntries.parentId, id))
        .limit(1);
      if (child) throw new LibraryError("parentId");
    }
    await tx
      .update(libraryEntries)
      .set({
        title: input.title,
        year: input.year ?? null,
        type: input.type,
        area: input.area ?? null,
        description: input.description,
        parentId,
        position: input.position,
        url: input.url ?? null,
        published: input.published,
        publishedAt: input.published ? (before.publishedAt ?? now) : null,
        updatedAt: now,
      })
      .where(eq(libraryEntries.id, id));
    await syncFilePublic(tx, id);
    if (before.published !== input.published) {
      await recordAudit(tx, {
        actor,
        action: input.published ? "library.publish" : "library.unpublish",
        subjectType: "library_entry",
        subjectId: id,
        summary: input.title,
      });
    }
    return true;
  });
}

export async function deleteLibraryEntry(id: string, actor: Actor | null) {
  await db.transaction(async (tx) => {
    const [row] = await tx.delete(libraryEntries).where(eq(libraryEntries.id, id)).returning();
    if (!row) return;
    // The stored file stays (its versions are history) but is no longer public.
    if (row.fileId) await setFilesPublic(tx, [row.fileId], false);
    await recordAudit(tx, {
      actor,
      action: "library.delete",
      subjectType: "library_entry",
      subjectId: id,
      summary: row.title,
    });
  });
}

/**
 * Attaches an upload to an entry (a new file, or the next version of its file). The PDF's text,
 * extracted by the upload component, is copied into the entry for the search index. null: no such entry.
 */
export async function attachLibraryFile(input: {
  entryId: string;
  upload: PreparedUpload;
  uploadedBy: string | null;
}): Promise<SavedFile | null> {
  const [entry] = await db
    .select({ id: libraryEntries.id, fileId: libraryEntries.fileId })
    .from(libraryEntries)
    .where(eq(libraryEntries.id, input.entryId));
  if (!entry) return null;
  return saveUpload({
    upload: input.upload,
    quotaKey: LIBRARY_QUOTA_KEY,
    quota: LIBRARY_QUOTA,
    uploadedBy: input.uploadedBy,
    replaceFileId: entry.fileId ?? undefined,
    link: async (tx, saved) => {
      await tx
        .update(libraryEntries)
        .set({ fileId: saved.fileId, fileText: input.upload.text ?? "", url: null, updatedAt: new Date() })
        .where(eq(libraryEntries.id, entry.id));
      await syncFilePublic(tx, entry.id);
    },
  });
}
