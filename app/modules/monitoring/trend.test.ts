import { describe, expect, it } from "vitest";
import { buildSeries, describeTrend, formatValue, type IndicatorValue } from "./trend";

const pair = (rows: [number, number, number][]): IndicatorValue[] =>
  rows.flatMap(([year, german, foreign]) => [
    { year, group: "german" as const, value: german },
    { year, group: "foreign" as const, value: foreign },
  ]);

describe("an indicator's trend", () => {
  it("takes the gap as the second group minus the first, per year, with holes where a value is missing", () => {
    const series = buildSeries(
      [
        ...pair([
          [2020, 6, 18],
          [2021, 6, 16],
        ]),
        { year: 2022, group: "german", value: 5.5 },
      ],
      "nationality",
    );
    expect(series.years).toEqual([2020, 2021, 2022]);
    expect(series.lines.map((l) => l.group)).toEqual(["german", "foreign"]);
    expect(series.gap).toEqual([12, 10, null]);
  });

  it("says since when and by how much the gap has been narrowing (back to the last turning point)", () => {
    const series = buildSeries(
      pair([
        [2017, 6, 20],
        [2018, 6, 22],
        [2019, 6, 21],
        [2020, 6, 20],
        [2021, 6, 19],
      ]),
      "nationality",
    );
    expect(describeTrend(series)).toEqual({ key: "monitoring.trend.gapSmaller", since: 2018, amount: 3 });
  });

  it("does not let a small step back cut the run short (noise), but a real turn ends it", () => {
    const gaps = [13.1, 13.3, 13.8, 13.9, 13.0, 11.6, 10.5, 9.9, 10.0, 9.7, 9.0, 8.7];
    const series = buildSeries(
      pair(gaps.map((g, i) => [2014 + i, 6, 6 + g] as [number, number, number])),
      "nationality",
    );
    const trend = describeTrend(series);
    expect(trend).toMatchObject({ key: "monitoring.trend.gapSmaller", since: 2017 });
    expect(trend.amount).toBeCloseTo(5.2);
  });

  it("says when the gap widens, and measures a gap by its size", () => {
    const series = buildSeries(
      pair([
        [2020, 50, 48],
        [2021, 50, 46],
        [2022, 50, 45],
      ]),
      "nationality",
    );
    expect(describeTrend(series)).toMatchObject({ key: "monitoring.trend.gapLarger", since: 2020, amount: 3 });
  });

  it("describes the value itself when nothing is compared, and refuses to guess from one year", () => {
    const total = (rows: [number, number][]) => rows.map(([year, value]) => ({ year, group: "total" as const, value }));
    expect(
      describeTrend(
        buildSeries(
          total([
            [2019, 12],
            [2020, 11],
            [2021, 13],
            [2022, 15],
          ]),
          "none",
        ),
      ),
    ).toEqual({
      key: "monitoring.trend.rising",
      since: 2020,
      amount: 4,
    });
    expect(describeTrend(buildSeries(total([[2022, 15]]), "none")).key).toBe("monitoring.trend.tooFew");
    expect(
      describeTrend(
        buildSeries(
          total([
            [2021, 15],
            [2022, 15],
          ]),
          "none",
        ),
      ).key,
    ).toBe("monitoring.trend.flat");
  });

  it("formats values with the indicator's decimals in the page's language", () => {
    expect(formatValue(3.25, 1, "de")).toBe("3,3");
    expect(formatValue(3.25, 1, "en")).toBe("3.3");
    expect(formatValue(1234.5, 0, "ar")).toBe("1,235");
  });
});
