import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { expect, it } from "vitest";
import { db } from "~/db/client.server";
import { conferences, groups } from "~/db/schema";
import { findRecommendationsByCodes, importCatalogueCsv } from "./catalogue.server";
import { goalsCsv, goalsXlsx, neutralise } from "./export.server";
import { agreeGoal, rollOverGoals, updateGoalStatus } from "./goals.server";

it("exports goals with status history and recommendations as CSV and XLSX, formulas neutralised", async () => {
  await importCatalogueCsv({ csv: "code;handlungsfeld;titel\nBIL-1;Bildung;Eltern\nKUL-1;Kultur;Feste\n" });
  const [c1, c2] = await db
    .insert(conferences)
    .values(
      [2025, 2026].map((year) => ({
        year,
        title: `K ${year}`,
        startsAt: new Date(`${year}-11-12T09:00Z`),
        endsAt: new Date(`${year}-11-12T15:00Z`),
        venueName: "S",
        venueAddress: "A",
        capacity: 10,
      })),
    )
    .returning({ id: conferences.id });
  const [g] = await db
    .insert(groups)
    .values({ slug: "ak", name: "AK Kultur", kind: "working_group" })
    .returning({ id: groups.id });
  const recs = await findRecommendationsByCodes(["BIL-1", "KUL-1"]);
  const id = await agreeGoal({
    conferenceId: c1!.id,
    title: '=HYPERLINK("http://böse")',
    ownerGroupId: g!.id,
    partners: "@Verein",
    targetYear: 2026,
    recommendationIds: recs.map((r) => r.id),
  });
  await updateGoalStatus({
    goalId: id,
    actor: { id: "x", role: "organiser", groupId: null },
    audit: false,
    status: "in_umsetzung",
    sachstand: "-läuft",
  });
  await rollOverGoals({ fromYear: 2025, toYear: 2026, appUrl: "http://ikon.test" });
  expect(c2).toBeDefined();

  const csv = await goalsCsv({ appUrl: "http://ikon.test" });
  expect(csv.startsWith("\uFEFF")).toBe(true);
  const [header, row] = parse(csv, { bom: true, delimiter: ";" }) as string[][];
  const cell = (name: string) => row![header!.indexOf(name)];
  expect(cell("ID")).toBe(String(id));
  expect(cell("Ziel")).toBe('\'=HYPERLINK("http://böse")');
  expect(cell("Partner")).toBe("'@Verein");
  expect(cell("Handlungsempfehlungen")).toBe("BIL-1, KUL-1");
  expect(cell("Status 2025")).toBe("in Umsetzung");
  expect(cell("Sachstand 2025")).toBe("'-läuft");
  expect(cell("Status 2026")).toBe("übertragen");
  expect(cell("Adresse")).toBe(`http://ikon.test/ziele/${id}`);

  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await goalsXlsx({ appUrl: "http://ikon.test" })) as unknown as ArrayBuffer);
  const sheet = book.getWorksheet("Ziele")!;
  expect(sheet.getRow(2).getCell(2).value).toBe('\'=HYPERLINK("http://böse")');
  const log = book.getWorksheet("Verlauf")!;
  expect(log.rowCount).toBe(3);
  expect([log.getRow(3).getCell(1).value, log.getRow(3).getCell(3).value, log.getRow(3).getCell(4).value]).toEqual([
    id,
    2026,
    "übertragen",
  ]);
  expect(neutralise(5)).toBe(5);
});
