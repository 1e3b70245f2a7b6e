import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import {
  CHART,
  LINE_STYLES,
  LineChart,
  linePath,
  niceStep,
  valueScale,
  yearLabels,
  type LineChartProps,
} from "./chart";

const years = [2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025];
const props = (over: Partial<LineChartProps> = {}): LineChartProps => ({
  id: "chart-arbeitslosenquote",
  years,
  lines: [
    { label: "Deutsche", values: years.map((_, i) => 7.1 - i * 0.1) },
    { label: "Ausländerinnen und Ausländer", values: years.map((_, i) => (i === 4 ? null : 19.8 - i * 0.45)) },
  ],
  decimals: 1,
  locale: "de",
  unit: "%",
  title: "Liniendiagramm: Arbeitslosenquote, 2014 bis 2025, in %",
  description: "Zuletzt (2025): Deutsche 6,0 %, Ausländerinnen und Ausländer 14,9 %.",
  ...over,
});

function parse(html: string) {
  const all = (re: RegExp) => [...html.matchAll(re)].map((m) => m[1]!);
  return {
    texts: all(/<text[^>]*>([^<]*)<\/text>/g),
    paths: all(/<path d="([^"]+)" fill="none"/g),
    dashes: all(/<path d="[^"]+" fill="none" stroke="[^"]+" stroke-width="2.5"(?: stroke-dasharray="([^"]+)")?/g),
    colours: all(/<path d="[^"]+" fill="none" stroke="([^"]+)" stroke-width="2.5"/g),
  };
}

/** Relative luminance contrast of a colour against white (WCAG 2.x). */
function contrastOnWhite(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  const l = 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  return 1.05 / (l + 0.05);
}

describe("the SVG line chart", () => {
  it("is an image with a title and a description that name what it shows and the latest values", () => {
    const html = renderToStaticMarkup(<LineChart {...props()} />);
    expect(html).toMatch(
      /<svg[^>]* role="img"[^>]* aria-labelledby="chart-arbeitslosenquote-title chart-arbeitslosenquote-desc"/,
    );
    expect(html).toContain(
      '<title id="chart-arbeitslosenquote-title">Liniendiagramm: Arbeitslosenquote, 2014 bis 2025, in %</title>',
    );
    expect(html).toContain('<desc id="chart-arbeitslosenquote-desc">Zuletzt (2025): Deutsche 6,0 %');
    expect(html).toContain(`viewBox="0 0 ${CHART.width} ${CHART.height}"`);
    expect(html).not.toMatch(/<svg[^>]*(width|height)="\d+"[^>]*role="img"/);
    expect(html).not.toContain("<script");
  });

  it("labels the years and the values (the indicator's decimals, the unit), from zero for shares", () => {
    const { texts } = parse(renderToStaticMarkup(<LineChart {...props()} />));
    expect(texts[0]).toBe("%");
    // 0 … 20 in steps of 5, with one decimal, in German.
    expect(texts).toEqual(expect.arrayContaining(["0,0", "5,0", "10,0", "15,0", "20,0"]));
    // Every second year, ending with the newest.
    const yearTexts = texts.filter((t) => /^\d{4}$/.test(t));
    expect(yearTexts).toEqual(["2015", "2017", "2019", "2021", "2023", "2025"]);
    const english = parse(renderToStaticMarkup(<LineChart {...props({ locale: "en", decimals: 2 })} />)).texts;
    expect(english).toContain("10.00");
    // Arabic pages keep Latin digits (and the SVG runs left to right).
    const arabic = renderToStaticMarkup(<LineChart {...props({ locale: "ar" })} />);
    expect(parse(arabic).texts).toContain("10.0");
    expect(arabic).toContain('direction="ltr"');
  });

  it("draws one line per group with its own colour and dash pattern, markers, and breaks at a missing year", () => {
    const html = renderToStaticMarkup(<LineChart {...props()} />);
    const { paths, dashes, colours } = parse(html);
    expect(paths).toHaveLength(2);
    expect(new Set(colours).size).toBe(2);
    expect(dashes[0]).toBeUndefined();
    expect(dashes[1]).toBe("8 4");
    // The first line: 12 points, one segment, from the left edge of the plot to the right one.
    const first = paths[0]!.match(/[ML][\d.]+ [\d.]+/g)!;
    expect(first).toHaveLength(12);
    expect(first[0]).toMatch(new RegExp(`^M${CHART.left} `));
    expect(first.at(-1)).toMatch(new RegExp(`^L${CHART.width - CHART.right} `));
    // 7.1 % on a 0–20 axis: 35.5 % up the plot.
    const plotHeight = CHART.height - CHART.bottom - CHART.top;
    const y = Number(first[0]!.split(" ")[1]);
    expect(y).toBeCloseTo(CHART.height - CHART.bottom - plotHeight * (7.1 / 20), 0);
    // The second line has no value in 2018: two segments.
    expect(paths[1]!.match(/M/g)).toHaveLength(2);
    expect(html.match(/<circle /g)).toHaveLength(12 + 1); // markers + the legend's
    expect(html.match(/<rect /g)).toHaveLength(11 + 1);
    // The legend names each line, with a swatch hidden from screen readers.
    expect(html).toMatch(/<li><svg[^>]*aria-hidden="true"[^>]*>.*<\/svg>Deutsche<\/li>/);
    expect(html).toContain("Ausländerinnen und Ausländer</li>");
  });

  it("uses line colours with at least 3:1 contrast on white", () => {
    for (const style of LINE_STYLES) expect(contrastOnWhite(style.colour)).toBeGreaterThanOrEqual(3);
  });

  it("shows the zero line for a gap that changes sign", () => {
    const html = renderToStaticMarkup(
      <LineChart
        {...props({ lines: [{ label: "Abstand", values: years.map((_, i) => 1.5 - i * 0.3) }], withZero: true })}
      />,
    );
    const { texts } = parse(html);
    expect(texts).toContain("0,0");
    expect(texts.some((t) => t.startsWith("-") || t.startsWith("−"))).toBe(true);
    expect(html).toContain('stroke="#1a1a1a" stroke-width="1"');
  });

  it("says so when there are no values", () => {
    const html = renderToStaticMarkup(<LineChart {...props({ years: [], lines: [], description: "Keine Werte" })} />);
    expect(html).toContain('role="img"');
    expect(html).toContain("Keine Werte</desc>");
    expect(html).not.toContain("<path");
  });
});

describe("chart scales", () => {
  it("picks steps of 1, 2, 2.5 or 5 times a power of ten", () => {
    expect(niceStep(20)).toBe(5);
    expect(niceStep(8.2)).toBe(2);
    expect(niceStep(11)).toBe(2.5);
    expect(niceStep(0.7)).toBe(0.2);
    expect(niceStep(0)).toBe(1);
  });
  it("covers the values with whole steps, from zero for positive values", () => {
    expect(valueScale([35.1, 46.8], false)).toEqual({ min: 0, max: 50, ticks: [0, 10, 20, 30, 40, 50] });
    expect(valueScale([-4.2, 1], true)).toMatchObject({ min: -6, max: 2 });
    const flat = valueScale([-3, -3], false);
    expect(flat.max).toBeGreaterThan(flat.min);
  });
  it("labels every year when few, else every second, always the newest", () => {
    expect(yearLabels([2020, 2021, 2022])).toEqual([2020, 2021, 2022]);
    expect(yearLabels(years).at(-1)).toBe(2025);
  });
  it("breaks a line at a missing point", () => {
    expect(linePath([{ x: 1, y: 2 }, null, { x: 3, y: 4 }, { x: 5, y: 6 }])).toBe("M1 2M3 4L5 6");
  });
});
