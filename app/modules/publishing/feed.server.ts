import { desc, eq } from "drizzle-orm";
import { db } from "~/db/client.server";
import { libraryEntries } from "~/db/schema";
import { updatedIndicators } from "~/modules/monitoring/public.server";
import { listPublishedDocumentations } from "./documentation.server";

const xml = (s: string) =>
  s
    // Characters XML 1.0 forbids (control characters except tab and line breaks).
    .replace(/[\p{Cc}\uFFFE\uFFFF]/gu, (c) => (c === "\t" || c === "\n" || c === "\r" ? c : ""))
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");

type Entry = { id: string; title: string; url: string; updated: Date; summary: string };

/**
 * Atom feed of publications: published conference documentations, published library entries and
 * the monitoring's indicators whose values changed (newest first, at most 50). Only public
 * content; no file names of photos, no personal data.
 */
export async function publicationsFeed(appUrl: string, now = new Date()): Promise<string> {
  const base = appUrl.replace(/\/$/, "");
  const docs = await listPublishedDocumentations(now);
  const indicators = await updatedIndicators();
  const library = await db
    .select({
      id: libraryEntries.id,
      slug: libraryEntries.slug,
      title: libraryEntries.title,
      description: libraryEntries.description,
      publishedAt: libraryEntries.publishedAt,
      updatedAt: libraryEntries.updatedAt,
    })
    .from(libraryEntries)
    .where(eq(libraryEntries.published, true))
    .orderBy(desc(libraryEntries.publishedAt))
    .limit(50);
  const entries: Entry[] = [
    ...docs.map((d) => ({
      id: `${base}/konferenzen/${d.year}/dokumentation`,
      title: `Dokumentation: ${d.title}`,
      url: `${base}/konferenzen/${d.year}/dokumentation`,
      updated: d.publishedAt!,
      summary: d.intro,
    })),
    // Monitoring: one entry per published indicator with values, updated when its values change.
    ...indicators.map((i) => ({
      id: `${base}${i.href}`,
      title: `Monitoring: ${i.name}`,
      url: `${base}${i.href}`,
      updated: i.updated,
      summary: i.example ? `${i.definition} (Beispielzahlen, nicht die Statistik der Stadt)` : i.definition,
    })),
    ...library.map((e) => ({
      id: `${base}/dokumente/${e.id}`,
      title: e.title,
      url: `${base}/dokumente/${e.slug}`,
      updated: e.publishedAt ?? e.updatedAt,
      summary: e.description,
    })),
  ]
    .sort((a, b) => b.updated.getTime() - a.updated.getTime())
    .slice(0, 50);
  const updated = (entries[0]?.updated ?? now).toISOString();
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de">
  <title>Integrationskonferenz Bottrop: Veröffentlichungen</title>
  <id>${xml(base)}/feed.xml</id>
  <link rel="self" href="${xml(base)}/feed.xml"/>
  <link rel="alternate" href="${xml(base)}/dokumente"/>
  <updated>${updated}</updated>
  <author><name>Stadt Bottrop – Kommunales Integrationszentrum</name></author>
${entries
  .map(
    (e) => `  <entry>
    <title>${xml(e.title)}</title>
    <id>${xml(e.id)}</id>
    <link rel="alternate" href="${xml(e.url)}"/>
    <updated>${e.updated.toISOString()}</updated>
    <summary>${xml(e.summary)}</summary>
  </entry>`,
  )
  .join("\n")}
</feed>
`;
}
