import { createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { and, eq, isNotNull, lte } from "drizzle-orm";
import sharp from "sharp";
import { db } from "~/db/client.server";
import { conferences, documentations, publications } from "~/db/schema";
import { hasSoffice, sofficeConvert } from "~/modules/renditions/tools.server";
import { newStorageKey, storage } from "~/modules/uploads/storage.server";
import { translator } from "~/i18n/catalog";
import { env } from "~/utils/env.server";
import { logger } from "~/utils/logger.server";
import { formatDate } from "~/utils/time";
import { getDocumentation, type DocumentationView } from "./documentation.server";

/**
 * The publication "Dokumentation der Integrationskonferenz <Jahr>": one tagged PDF made from the
 * published documentation. ikon writes an HTML document (headings, lists, images with alt text,
 * `lang="de-DE"`) and LibreOffice's Writer exports it as a tagged PDF with bookmarks (ADR 009).
 */

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const para = (s: string) =>
  s
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${esc(p).replace(/\n/g, "<br>")}</p>`)
    .join("\n");

const SECTIONS = {
  activities: "Aktivitäten",
  progress: "Fortschritte",
  obstacles: "Hemmnisse",
  networking: "Vernetzung",
  previousGoals: "Ziele des Vorjahres",
  proposals: "Vorschläge für das kommende Jahr",
} as const;

export const publicationTitle = (year: number) => `Dokumentation der Integrationskonferenz ${year}`;
export const publicationFileName = (year: number) => `Dokumentation-Integrationskonferenz-${year}`;

/** The publication as an HTML document; `photoFile(i)` names the i-th photo's file beside it. */
export function publicationHtml(view: DocumentationView, photoFile: (i: number) => string): string {
  const t = translator("de");
  const c = view.conference;
  const title = publicationTitle(c.year);
  const parts: { id: string; title: string; html: string }[] = [];
  if (view.documentation.intro.trim()) parts.push({ id: "einleitung", title: "Einleitung", html: view.introHtml });
  if (view.speeches.length) {
    parts.push({
      id: "redebeitraege",
      title: "Redebeiträge",
      html: view.speeches
        .map((s) => `<h3>${esc(s.title)}</h3>${s.speaker ? `<p><em>${esc(s.speaker)}</em></p>` : ""}\n${s.html}`)
        .join("\n"),
    });
  }
  if (view.discussion.length) {
    parts.push({
      id: "fachinput",
      title: "Fachinput und Diskussion",
      html: view.discussion
        .map((d) => {
          const speakers = d.speakers.map((s) => [s.name, s.role].filter(Boolean).join(", ")).join("; ");
          return [
            `<h3>${esc(d.title)}</h3>`,
            speakers ? `<p><em>${esc(speakers)}</em></p>` : "",
            para(d.abstract),
            d.slides ? `<p>Folien: ${esc(d.slides.displayName)} (im Archiv der Dokumentation)</p>` : "",
            d.outcome ? `<h4>Ergebnis der Diskussion</h4>${para(d.outcome)}` : "",
            d.answered.length
              ? `<h4>Beantwortete Fragen</h4><ul>${d.answered.map((q) => `<li>${esc(q.text)}</li>`).join("")}</ul>`
              : "",
            d.open.length
              ? `<h4>Offene Fragen</h4><ul>${d.open.map((q) => `<li>${esc(q.text)}</li>`).join("")}</ul>`
              : "",
          ].join("\n");
        })
        .join("\n"),
    });
  }
  if (view.reports.length) {
    parts.push({
      id: "arbeitskreise",
      title: "Ergebnisse der Arbeitskreise",
      html: view.reports
        .map((r) =>
          [
            `<h3>${esc(r.groupName)}</h3>`,
            ...(Object.keys(SECTIONS) as (keyof typeof SECTIONS)[])
              .filter((k) => r[k].trim())
              .map((k) => `<h4>${SECTIONS[k]}</h4>${para(r[k])}`),
            r.attachments.length ? `<p>Anhänge: ${r.attachments.map((a) => esc(a.displayName)).join(", ")}</p>` : "",
          ].join("\n"),
        )
        .join("\n"),
    });
  }
  if (view.agreedGoals.length) {
    parts.push({
      id: "ziele",
      title: "Vereinbarte Ziele und Handlungsempfehlungen",
      html: view.agreedGoals
        .map(
          (g) =>
            `<h3>${esc(g.title)}</h3><p><em>${esc(g.groupName)}${g.targetYear ? `, Zieljahr ${g.targetYear}` : ""}</em></p>` +
            (g.description.trim() ? `\n<h4>Handlungsempfehlung</h4>${para(g.description)}` : ""),
        )
        .join("\n"),
    });
  }
  const photos = view.photos.filter((p) => p.publishable);
  if (photos.length) {
    parts.push({
      id: "fotos",
      title: "Fotodokumentation",
      html: photos
        .map(
          (p, i) =>
            `<p><img src="${esc(photoFile(i))}" alt="${esc(p.altText)}" width="480"></p>\n<p><em>Foto ${i + 1}: ${esc(p.caption || p.altText)}</em></p>`,
        )
        .join("\n"),
    });
  }
  // Writer's HTML import: a page break by CSS, anchors become bookmarks and the contents links
  // to them; no <meta> beyond charset and author (Writer would turn others into comments).
  const breakBefore = ' style="page-break-before: always"';
  return `<!DOCTYPE html>
<html lang="de-DE"><head><meta charset="utf-8">
<title>${esc(title)}</title><meta name="author" content="${esc(t("site.owner"))}"></head>
<body lang="de-DE">
<p><br></p><p><br></p>
<h1>${esc(title)}</h1>
<p>${esc(c.title)}</p>
<p>${esc(formatDate(c.startsAt, "de"))} · ${esc(c.venueName)}</p>
<p><br></p>
<p>${esc(t("site.owner"))}</p>
<h2${breakBefore}>Inhalt</h2>
<ol>${parts.map((p) => `<li><a href="#${p.id}">${esc(p.title)}</a></li>`).join("")}</ol>
${parts.map((p, i) => `<h2${i === 0 ? breakBefore : ""}><a name="${p.id}"></a>${esc(p.title)}</h2>\n${p.html}`).join("\n")}
</body></html>`;
}

/** What the publication is made of (its text and its photos): when this changes, it is made again. */
export function sourceHash(view: DocumentationView): string {
  const photos = view.photos.filter((p) => p.publishable);
  return createHash("sha256")
    .update(publicationHtml(view, (i) => photos[i]!.storageKey))
    .digest("hex");
}

const EXPORT = `pdf:writer_pdf_Export:${JSON.stringify({
  UseTaggedPDF: { type: "boolean", value: "true" },
  ExportBookmarks: { type: "boolean", value: "true" },
  PDFUACompliance: { type: "boolean", value: "true" },
})}`;

/** Makes the publication of a published documentation and stores it (replacing the earlier one). */
export async function generatePublication(year: number): Promise<"done" | "unavailable" | "failed" | "notPublished"> {
  const view = await getDocumentation(year);
  if (!view) return "notPublished";
  const conferenceId = view.conference.id;
  const hash = sourceHash(view);
  const [before] = await db.select().from(publications).where(eq(publications.conferenceId, conferenceId));
  const save = async (values: Partial<typeof publications.$inferInsert>) => {
    await db
      .insert(publications)
      .values({ conferenceId, sourceHash: hash, ...values })
      .onConflictDoUpdate({
        target: publications.conferenceId,
        set: { sourceHash: hash, updatedAt: new Date(), ...values },
      });
  };
  if (!(await hasSoffice())) {
    await save({ status: "unavailable", reason: "noConverter" });
    return "unavailable";
  }
  const work = await mkdtemp(path.join(tmpdir(), "ikon-publication-"));
  try {
    const photos = view.photos.filter((p) => p.publishable);
    const names: string[] = [];
    for (const [i, p] of photos.entries()) {
      // Every photo as a JPEG of print size: Writer reads it for sure, and the PDF stays small.
      const name = `foto-${i + 1}.jpg`;
      await pipeline(
        storage().read(p.storageKey),
        sharp().rotate().resize(1600, 1600, { fit: "inside", withoutEnlargement: true }).jpeg({ quality: 82 }),
        createWriteStream(path.join(work, name)),
      );
      names.push(name);
    }
    const html = path.join(work, `${publicationFileName(year)}.html`);
    await writeFile(
      html,
      publicationHtml(view, (i) => names[i]!),
    );
    const pdf = await sofficeConvert(html, {
      filter: EXPORT,
      outExt: "pdf",
      timeoutMs: env.SOFFICE_TIMEOUT_MS * 2,
      infilter: "HTML (StarWriter)",
    });
    const key = newStorageKey();
    const { size } = await stat(pdf);
    await storage().put(key, pdf);
    await rm(path.dirname(pdf), { recursive: true, force: true });
    await save({ status: "done", reason: null, storageKey: key, size, generatedAt: new Date() });
    if (before?.storageKey)
      await storage()
        .remove(before.storageKey)
        .catch(() => undefined);
    return "done";
  } catch (error) {
    logger.warn({ year, err: String(error).slice(0, 300) }, "publication failed");
    await save({ status: "failed", reason: "failed" });
    return "failed";
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** The years whose published documentation has no publication yet or changed since it was made. */
export async function publicationsDue(now = new Date()): Promise<number[]> {
  const rows = await db
    .select({ year: conferences.year, hash: publications.sourceHash, status: publications.status })
    .from(documentations)
    .innerJoin(conferences, eq(conferences.id, documentations.conferenceId))
    .leftJoin(publications, eq(publications.conferenceId, conferences.id))
    .where(and(isNotNull(documentations.publishedAt), lte(documentations.publishedAt, now)));
  const due: number[] = [];
  for (const r of rows) {
    const view = await getDocumentation(r.year, { now });
    if (!view) continue;
    // Made from this content already; a failure with the same content would fail again.
    if ((r.status === "done" || r.status === "failed") && r.hash === sourceHash(view)) continue;
    due.push(r.year);
  }
  return due.sort((a, b) => a - b);
}

/** Scheduled: every published documentation whose content changed gets its publication made again. */
export async function refreshPublications(now = new Date()): Promise<number> {
  const due = await publicationsDue(now);
  for (const year of due) await generatePublication(year);
  return due.length;
}

/** The stored publication of a documentation, only when it was made from exactly this content. */
export async function getPublication(view: DocumentationView) {
  const [row] = await db
    .select()
    .from(publications)
    .where(and(eq(publications.conferenceId, view.conference.id), eq(publications.status, "done")));
  if (!row?.storageKey || row.sourceHash !== sourceHash(view)) return null;
  return {
    storageKey: row.storageKey,
    size: row.size ?? 0,
    generatedAt: row.generatedAt,
    fileName: `${publicationFileName(view.conference.year)}.pdf`,
  };
}
