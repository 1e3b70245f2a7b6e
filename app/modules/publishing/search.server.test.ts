import { mkdirSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, rawRows } from "~/db/client.server";
import {
  conferences,
  discussionInputs,
  discussionRecords,
  documentationMaterials,
  documentations,
  documentationSpeeches,
  files,
  goals,
  goalYears,
  groupReportFiles,
  groupReports,
  groups,
} from "~/db/schema";
import { saveUpload } from "~/modules/uploads/files.server";
import { eq } from "drizzle-orm";
import { inspectUpload, tempName } from "~/modules/uploads/inspect.server";
import { uploadsTmpDir } from "~/modules/uploads/storage.server";
import { samplePdf } from "./demo.server";
import { attachLibraryFile, createLibraryEntry } from "./library.server";
import { prefixQuery, search } from "./search.server";
import { snippetParts } from "./snippet";

const base = { area: null, description: "", parentId: null, position: 0, url: null } as const;

async function libraryPdf(title: string, text: string, published: boolean, year = 2019) {
  const entry = await createLibraryEntry({ ...base, title, type: "konzept", year, published }, null);
  mkdirSync(uploadsTmpDir(), { recursive: true });
  const path = tempName(uploadsTmpDir());
  await writeFile(path, await samplePdf(title, [text]));
  await attachLibraryFile({
    entryId: entry.id,
    upload: await inspectUpload({ field: "datei", originalName: "x.pdf", path }),
    uploadedBy: null,
  });
  return entry;
}

async function conference(year: number) {
  const [c] = await db
    .insert(conferences)
    .values({
      year,
      title: `Integrationskonferenz ${year}`,
      startsAt: new Date(`${year}-11-12T09:00:00Z`),
      endsAt: new Date(`${year}-11-12T15:00:00Z`),
      venueName: "V",
      venueAddress: "A",
      capacity: 10,
      status: "documented",
    })
    .returning();
  return c!;
}

describe("German full-text search", () => {
  it("builds prefix queries from letters and digits only", () => {
    expect(prefixQuery("Sprachförderung")).toBe("Sprachförderung:*");
    expect(prefixQuery("  Kita & ') | !Schule:* <-> x")).toBe("Kita:* & Schule:*");
    expect(prefixQuery("!!! ' ")).toBeNull();
    expect(snippetParts("Das \uE000Sprachförderkonzept\uE001 gilt")).toEqual([
      { text: "Das ", mark: false },
      { text: "Sprachförderkonzept", mark: true },
      { text: " gilt", mark: false },
    ]);
    // Markup in a snippet stays text: the parts are rendered by React, never as HTML.
    expect(snippetParts("<img src=x onerror=alert(1)>")).toEqual([
      { text: "<img src=x onerror=alert(1)>", mark: false },
    ]);
  });

  it("'Sprachförderung' finds the PDF that says 'Sprachförderkonzept' (stemming) and nothing that is still a draft", async () => {
    const published = await libraryPdf(
      "Interkulturelles Gesamtkonzept Teil I",
      "Handlungsfeld Ganzheitliches Sprachförderkonzept: Sprache von der Kita bis zum Beruf.",
      true,
      2012,
    );
    await libraryPdf("Entwurf Integrationsbericht", "Geheimer Entwurf zum Sprachförderkonzept", false);
    await libraryPdf("Flyer", "Der Integrationsrat stellt sich vor", true);

    const c2025 = await conference(2025);
    const c2026 = await conference(2026);
    const [group] = await db
      .insert(groups)
      .values({ slug: "bildung-s", name: "Facharbeitskreis Bildung", kind: "working_group" })
      .returning();
    await db.insert(groupReports).values([
      {
        groupId: group!.id,
        conferenceId: c2025.id,
        status: "published",
        activities: "Wir haben die Sprachförderung in Kitas ausgebaut.",
      },
      {
        groupId: group!.id,
        conferenceId: c2026.id,
        status: "approved",
        activities: "Noch nicht veröffentlicht: Sprachförderung im Ganztag.",
      },
    ]);
    const [agreed, proposed] = await db
      .insert(goals)
      .values([
        {
          title: "Sprachförderung in allen Kitas",
          ownerGroupId: group!.id,
          targetYear: 2026,
          originConferenceId: c2025.id,
        },
        {
          title: "Sprachförderung im Entwurf",
          ownerGroupId: group!.id,
          targetYear: 2027,
          originConferenceId: c2026.id,
        },
      ])
      .returning();
    await db.insert(goalYears).values([
      { goalId: agreed!.id, conferenceId: c2025.id, status: "neu", publishedAt: new Date() },
      { goalId: proposed!.id, conferenceId: c2026.id, status: "neu", publishedAt: null },
    ]);
    const [doc2025] = await db
      .insert(documentations)
      .values({ conferenceId: c2025.id, publishedAt: new Date(Date.now() - 1000) })
      .returning();
    const [doc2026] = await db.insert(documentations).values({ conferenceId: c2026.id }).returning();
    const [futureDoc] = await db
      .insert(documentations)
      .values({ conferenceId: (await conference(2027)).id, publishedAt: new Date(Date.now() + 86_400_000) })
      .returning();
    await db.insert(documentationSpeeches).values([
      {
        documentationId: doc2025!.id,
        title: "Grußwort",
        speaker: "Oberbürgermeister",
        plainText: "Die Sprachförderung bleibt unser Schwerpunkt.",
      },
      { documentationId: doc2026!.id, title: "Entwurf einer Rede", plainText: "Sprachförderung als Entwurf." },
      { documentationId: futureDoc!.id, title: "Geplante Rede", plainText: "Sprachförderung, erst morgen öffentlich." },
    ]);

    const hits = await search({ q: "Sprachförderung" });
    const titles = hits.map((h) => h.title);
    expect(titles).toContain("Interkulturelles Gesamtkonzept Teil I");
    const pdf = hits.find((h) => h.title === "Interkulturelles Gesamtkonzept Teil I")!;
    expect(pdf).toMatchObject({ kind: "dokument", year: 2012, url: `/dokumente/${published.slug}` });
    expect(
      snippetParts(pdf.snippet)
        .filter((p) => p.mark)
        .map((p) => p.text),
    ).toContain("Sprachförderkonzept");
    expect(titles).toContain("Facharbeitskreis Bildung: Umsetzungsbericht 2025");
    expect(titles).toContain("Sprachförderung in allen Kitas");
    expect(titles).toContain("Grußwort (Oberbürgermeister)");
    // Nothing that is a draft, not yet approved for the public, or scheduled for later.
    expect(titles).not.toContain("Entwurf Integrationsbericht");
    expect(titles).not.toContain("Facharbeitskreis Bildung: Umsetzungsbericht 2026");
    expect(titles).not.toContain("Sprachförderung im Entwurf");
    expect(titles).not.toContain("Entwurf einer Rede");
    expect(titles).not.toContain("Geplante Rede");
    expect(JSON.stringify(hits)).not.toMatch(/Geheimer|Ganztag|Entwurf\./);
    expect(hits).toHaveLength(4);

    // Filters by kind and year.
    expect((await search({ q: "Sprachförderung", kind: "dokument" })).map((h) => h.title)).toEqual([
      "Interkulturelles Gesamtkonzept Teil I",
    ]);
    expect((await search({ q: "Sprachförderung", year: 2025 })).map((h) => h.kind).sort()).toEqual([
      "bericht",
      "dokumentation",
      "ziel",
    ]);
    expect(await search({ q: "Integrationsrat" })).toHaveLength(1);
    expect(await search({ q: "'); drop table files; --" })).toEqual([]);
  });

  it("finds the text of a published report's PDFs, never of a report that is not published", async () => {
    const c = await conference(2031);
    const c2 = await conference(2032);
    const [group] = await db
      .insert(groups)
      .values({ slug: "ebel-s", name: "Stadtteilnetzwerk Ebel", kind: "district_network" })
      .returning();
    const reports = await db
      .insert(groupReports)
      .values([
        { groupId: group!.id, conferenceId: c.id, status: "published" },
        { groupId: group!.id, conferenceId: c2.id, status: "submitted" },
      ])
      .returning();
    for (const [i, report] of reports.entries()) {
      mkdirSync(uploadsTmpDir(), { recursive: true });
      const path = tempName(uploadsTmpDir());
      await writeFile(
        path,
        await samplePdf("Folien", [
          i === 0 ? "Nachbarschaftsfest im Stadtteilzentrum" : "Nachbarschaftsgarten noch geheim",
        ]),
      );
      const saved = await saveUpload({
        upload: await inspectUpload({ field: "datei", originalName: "f.pdf", path }),
        quotaKey: `group:${group!.id}`,
        uploadedBy: null,
      });
      await db.insert(groupReportFiles).values({ reportId: report.id, fileId: saved.fileId });
      if (i === 0) await db.update(files).set({ public: true }).where(eq(files.id, saved.fileId));
    }
    const hits = await search({ q: "Nachbarschaft" });
    expect(hits.map((h) => h.title)).toEqual(["Stadtteilnetzwerk Ebel: Umsetzungsbericht 2031"]);
    expect(hits[0]!.snippet).toContain("Stadtteilzentrum");
    expect(JSON.stringify(hits)).not.toContain("geheim");
    // The words of one query may come from the sections, the group's name and the files together.
    await db
      .update(groupReports)
      .set({ activities: "Wir haben Sprachcafés eröffnet." })
      .where(eq(groupReports.id, reports[0]!.id));
    expect((await search({ q: "Sprachcafé Ebel Nachbarschaftsfest" })).map((h) => h.kind)).toEqual(["bericht"]);
    expect(await search({ q: "Sprachcafé Nachbarschaftsgarten" })).toEqual([]);
  });

  it("finds the text of a published documentation's materials and published discussion records, nothing unpublished", async () => {
    const c = await conference(2041);
    const hidden = await conference(2042);
    const [doc] = await db
      .insert(documentations)
      .values({ conferenceId: c.id, publishedAt: new Date(Date.now() - 1000) })
      .returning();
    const [draft] = await db.insert(documentations).values({ conferenceId: hidden.id }).returning();
    const material = async (documentationId: string, quotaKey: string, text: string) => {
      mkdirSync(uploadsTmpDir(), { recursive: true });
      const path = tempName(uploadsTmpDir());
      await writeFile(path, await samplePdf("Material", [text]));
      const saved = await saveUpload({
        upload: await inspectUpload({ field: "datei", originalName: "m.pdf", path }),
        quotaKey,
        uploadedBy: null,
      });
      await db.insert(documentationMaterials).values({ documentationId, fileId: saved.fileId, title: "Tagungsmappe" });
    };
    await material(doc!.id, `documentation:${c.id}`, "Die Willkommenslotsen begleiten neu Zugewanderte.");
    await material(draft!.id, `documentation:${hidden.id}`, "Die Willkommenslotsen im Entwurf.");
    const hits = await search({ q: "Willkommenslotse" });
    expect(hits.map((h) => [h.title, h.year, h.url])).toEqual([
      ["Tagungsmappe", 2041, "/konferenzen/2041/dokumentation#materialien"],
    ]);

    const [input] = await db
      .insert(discussionInputs)
      .values({ conferenceId: c.id, title: "Quartiersmanagement", abstract: "Vortrag" })
      .returning();
    const [unpublished] = await db
      .insert(discussionInputs)
      .values({ conferenceId: c.id, title: "Noch offen", abstract: "" })
      .returning();
    await db.insert(discussionRecords).values([
      { inputId: input!.id, outcome: "Die Runde empfiehlt Stadtteilmütter in jeder Kita.", publishedAt: new Date() },
      { inputId: unpublished!.id, outcome: "Stadtteilmütter, aber noch nicht veröffentlicht." },
    ]);
    const records = await search({ q: "Stadtteilmütter" });
    expect(records.map((h) => [h.title, h.url])).toEqual([
      ["Fachinput: Quartiersmanagement", `/konferenzen/2041/dokumentation#fi-${input!.id}`],
    ]);
    // Filtered to one kind, the kind's own branches answer alone (their columns named by the query).
    expect((await search({ q: "Stadtteilmütter", kind: "dokumentation" })).map((h) => h.title)).toEqual([
      "Fachinput: Quartiersmanagement",
    ]);
    expect(await search({ q: "Stadtteilmütter", kind: "bericht" })).toEqual([]);
    expect(await search({ q: "Stadtteilmütter", kind: "ziel" })).toEqual([]);
    // Not shown where the documentation leaves the discussion out.
    await db.update(documentations).set({ includeDiscussion: false }).where(eq(documentations.id, doc!.id));
    expect(await search({ q: "Stadtteilmütter" })).toEqual([]);
  });

  it("has GIN indexes on the stored German vectors", async () => {
    const rows = await rawRows<{ indexdef: string }>(
      db,
      sql`select indexdef from pg_indexes where indexname in ('library_entries_search_idx', 'documentation_speeches_search_idx',
        'goals_search_idx', 'group_reports_search_idx', 'file_versions_search_idx')`,
    );
    expect(rows).toHaveLength(5);
    for (const r of rows) expect(r.indexdef).toMatch(/USING gin \(search\)/);
  });
});
