import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { fieldsOfAction, indicators } from "~/db/schema";
import { publicationsFeed } from "~/modules/publishing/feed.server";
import { search } from "~/modules/publishing/search.server";
import { saveIndicator, writeValues } from "./indicators.server";
import type { IndicatorInput } from "./monitoring.schema";
import {
  indicatorCsv,
  indicatorCsvName,
  indicatorPath,
  monitoringArea,
  monitoringIndicator,
  monitoringOverview,
  updatedIndicators,
} from "./public.server";

const input = (over: Partial<IndicatorInput> = {}): IndicatorInput => ({
  name: "Quote der Zugewanderten im Ehrenamt",
  area: "rechtliche_situation",
  definition: "Anteil der ehrenamtlich Engagierten an den Zugewanderten",
  unit: "%",
  decimals: 1,
  source: "Freiwilligenagentur",
  comparison: "nationality",
  fieldIds: [],
  published: true,
  ...over,
});

async function create(over: Partial<IndicatorInput> = {}) {
  const saved = await saveIndicator({ input: input(over), actor: null });
  if (!saved.ok) throw new Error(saved.reason);
  return saved;
}

describe("public monitoring data", () => {
  it("shows published indicators with their series, gap and trend under their stable address; hides the rest", async () => {
    const [field] = await db.insert(fieldsOfAction).values({ code: "EHR", name: "Ehrenamt" }).returning();
    const shown = await create({ fieldIds: [field!.id] });
    const hidden = await create({ name: "Entwurf einer Kennzahl", published: false });
    await create({ name: "Zuzüge je Jahr", area: "demografie", unit: "Personen", decimals: 0, comparison: "none" });
    await db.transaction((tx) =>
      writeValues(tx, shown.id, [
        { year: 2019, group: "german", value: 20 },
        { year: 2019, group: "foreign", value: 11.5 },
        { year: 2020, group: "german", value: 21 },
        { year: 2020, group: "foreign", value: 14 },
        { year: 2021, group: "german", value: 21.5 },
        { year: 2021, group: "foreign", value: 17.25 },
      ]),
    );

    const overview = await monitoringOverview();
    expect(overview.map((a) => a.area)).toEqual([
      "demografie",
      "beschaeftigung",
      "bildung",
      "gesundheit",
      "lebensunterhalt",
      "rechtliche_situation",
    ]);
    const legal = overview.find((a) => a.area === "rechtliche_situation")!.indicators;
    expect(legal.map((i) => i.name)).toEqual(["Quote der Zugewanderten im Ehrenamt"]);
    expect(overview.find((a) => a.area === "demografie")!.indicators.map((i) => i.name)).toEqual(["Zuzüge je Jahr"]);

    const one = legal[0]!;
    expect(one.href).toBe("/monitoring/rechtliche-situation/quote-der-zugewanderten-im-ehrenamt");
    expect(one.series.years).toEqual([2019, 2020, 2021]);
    expect(one.series.gap).toEqual([-8.5, -7, -4.25]);
    // The gap shrank from 8.5 to 4.25 since 2019.
    expect(one.trend).toEqual({ key: "monitoring.trend.gapSmaller", since: 2019, amount: 4.25 });

    expect((await monitoringArea("rechtliche_situation")).map((i) => i.id)).toEqual([shown.id]);
    expect(await monitoringArea("bildung")).toEqual([]);

    const page = await monitoringIndicator("rechtliche_situation", shown.slug);
    expect(page?.fields.map((f) => f.name)).toEqual(["Ehrenamt"]);
    expect(page?.source).toBe("Freiwilligenagentur");
    // Another area's address, an unpublished indicator, a malformed address: not there.
    expect(await monitoringIndicator("bildung", shown.slug)).toBeNull();
    expect(await monitoringIndicator("rechtliche_situation", hidden.slug)).toBeNull();
    expect(await monitoringIndicator("rechtliche_situation", "../x")).toBeNull();
  });

  it("writes the CSV for German spreadsheets: BOM, semicolons, decimal comma, the gap, a stable name", async () => {
    const saved = await create({ name: "Einbürgerungsquote", decimals: 2 });
    await db.transaction((tx) =>
      writeValues(tx, saved.id, [
        { year: 2023, group: "german", value: 1 },
        { year: 2023, group: "foreign", value: 1234.5 },
        { year: 2024, group: "foreign", value: 2.125 },
      ]),
    );
    const indicator = (await monitoringIndicator("rechtliche_situation", saved.slug))!;
    const csv = indicatorCsv(indicator);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv.slice(1).split("\r\n")).toEqual([
      "Jahr;Deutsche;Ausländerinnen und Ausländer;Abstand",
      "2023;1,00;1234,50;1233,50",
      "2024;;2,13;",
      "",
    ]);
    expect(indicatorCsvName(indicator)).toBe("monitoring-rechtliche-situation-einbuergerungsquote.csv");
    expect(indicatorPath(indicator)).toBe("/monitoring/rechtliche-situation/einbuergerungsquote");
  });

  it("appears in the search (kind monitoring), never while unpublished", async () => {
    const shown = await create({ name: "Nachbarschaftshilfequote", definition: "Nachbarschaftshilfe im Quartier" });
    await create({ name: "Nachbarschaftshilfeentwurf", published: false });
    const hits = await search({ q: "Nachbarschaftshilfe" });
    const monitoring = hits.filter((h) => h.kind === "monitoring");
    expect(monitoring.map((h) => h.title)).toEqual(["Nachbarschaftshilfequote"]);
    expect(monitoring[0]).toMatchObject({
      id: shown.id,
      url: `/monitoring/rechtliche-situation/${shown.slug}`,
      year: null,
    });
    // The area's German name finds it too; the kind filter keeps it; a year filter leaves it out.
    expect((await search({ q: "rechtliche Situation", kind: "monitoring" })).map((h) => h.id)).toContain(shown.id);
    expect(await search({ q: "Nachbarschaftshilfe", kind: "dokument" })).not.toContainEqual(
      expect.objectContaining({ kind: "monitoring" }),
    );
    expect((await search({ q: "Nachbarschaftshilfe", year: 2024 })).some((h) => h.kind === "monitoring")).toBe(false);
  });

  it("is in the feed: one entry per published indicator with values, dated by its newest change", async () => {
    const withValues = await create({ name: "Sprachkursquote" });
    await create({ name: "Ohne Werte" });
    const hidden = await create({ name: "Versteckte Quote", published: false });
    for (const id of [withValues.id, hidden.id])
      await db.transaction((tx) => writeValues(tx, id, [{ year: 2024, group: "german", value: 3 }]));
    const later = new Date(Date.now() + 60_000);
    await db.update(indicators).set({ updatedAt: later }).where(eq(indicators.id, withValues.id));

    // Earlier tests of this file left indicators with values: this one is the newest change.
    const listed = await updatedIndicators();
    expect(listed[0]!.name).toBe("Sprachkursquote");
    expect(listed.map((i) => i.name)).not.toContain("Ohne Werte");
    expect(listed.map((i) => i.name)).not.toContain("Versteckte Quote");
    expect(listed[0]!.updated.getTime()).toBe(later.getTime());

    const feed = await publicationsFeed("https://ikon.example/");
    const path = `/monitoring/rechtliche-situation/${withValues.slug}`;
    expect(feed).toContain(`<title>Monitoring: Sprachkursquote</title>`);
    expect(feed).toContain(`<id>https://ikon.example${path}</id>`);
    expect(feed).toContain(`<link rel="alternate" href="https://ikon.example${path}"/>`);
    expect(feed).toContain(`<updated>${later.toISOString()}</updated>`);
    expect(feed).not.toContain("Ohne Werte");
    expect(feed).not.toContain("Versteckte Quote");
  });
});
