import { formatValue } from "./trend";

/**
 * A server-rendered SVG line chart of an indicator's series: no JavaScript, scales with its
 * container (viewBox), one line per group with its own colour AND its own marker and dash pattern
 * (never colour alone), labelled axes, a legend in HTML (it wraps at 320 px), and a text
 * alternative (`role="img"`, `<title>` and `<desc>` via aria-labelledby) that says what the chart
 * shows and the latest values. Numbers and the time axis stay left to right on Arabic pages.
 * Pure: every text comes in as a prop, so pages and tests render it alike.
 */

export type ChartLine = { label: string; values: (number | null)[] };

export type LineChartProps = {
  /** Unique on the page: the ids of the title and description derive from it. */
  id: string;
  years: number[];
  lines: ChartLine[];
  decimals: number;
  locale: string;
  /** The unit as shown beside the value axis ("%", "Prozentpunkte", "Jahre"). */
  unit: string;
  /** What the chart shows ("Liniendiagramm: Arbeitslosenquote, 2014 bis 2025, in %"). */
  title: string;
  /** The latest values in words. */
  description: string;
  /** Always show the zero line (the gap chart). */
  withZero?: boolean;
  /** The smaller variant (area pages). */
  compact?: boolean;
  /** Which of the styles the first line takes (the gap chart uses its own). */
  styleOffset?: number;
};

/** Colours with at least 4.5:1 against white (lines need 3:1), each with a marker and a dash pattern. */
export const LINE_STYLES = [
  { colour: "#1f5c99", dash: undefined, marker: "circle" },
  { colour: "#a63d11", dash: "8 4", marker: "square" },
  { colour: "#2d6a2f", dash: "2 4", marker: "triangle" },
  { colour: "#6a3d8f", dash: "12 4 3 4", marker: "diamond" },
] as const;
type LineStyle = (typeof LINE_STYLES)[number];

export const CHART = { width: 420, height: 260, compactHeight: 210, left: 60, right: 24, top: 30, bottom: 36 };

/** A step of 1, 2, 2.5 or 5 times a power of ten that splits the range in about `count` parts. */
export function niceStep(range: number, count = 5): number {
  if (!(range > 0)) return 1;
  const raw = range / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].find((m) => m * power >= raw)! * power;
  return step;
}

/** The value axis: from a multiple of the step at or below the smallest value to one at or above the largest. */
export function valueScale(values: number[], withZero: boolean): { min: number; max: number; ticks: number[] } {
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  // Shares and counts start at zero, so the lines' height is honest; a gap shows its zero line.
  if (lo >= 0 || withZero) lo = Math.min(0, lo);
  if (withZero) hi = Math.max(0, hi);
  if (hi === lo) hi = lo + 1;
  const step = niceStep(hi - lo);
  const min = Math.floor(lo / step + 1e-9) * step;
  const max = Math.ceil(hi / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let v = min; v <= max + step / 2; v += step) ticks.push(Math.round(v / step) * step);
  return { min, max, ticks };
}

/** Which years get a label: all when few, else every second (or third) one, always the last. */
export function yearLabels(years: number[]): number[] {
  const every = years.length <= 7 ? 1 : years.length <= 14 ? 2 : 3;
  const last = years.length - 1;
  return years.filter((_, i) => (last - i) % every === 0);
}

function Marker({ style, x, y }: { style: LineStyle; x: number; y: number }) {
  const r = 4;
  const common = { fill: "#fff", stroke: style.colour, strokeWidth: 2 };
  if (style.marker === "circle") return <circle cx={x} cy={y} r={r} {...common} />;
  if (style.marker === "square") return <rect x={x - r} y={y - r} width={2 * r} height={2 * r} {...common} />;
  if (style.marker === "triangle")
    return <path d={`M${x} ${y - r - 1}L${x + r + 1} ${y + r}L${x - r - 1} ${y + r}Z`} {...common} />;
  return <path d={`M${x} ${y - r - 1}L${x + r + 1} ${y}L${x} ${y + r + 1}L${x - r - 1} ${y}Z`} {...common} />;
}

const round = (n: number) => Math.round(n * 10) / 10;

/** The path of a line through its points; a missing year breaks the line. */
export function linePath(points: ({ x: number; y: number } | null)[]): string {
  let d = "";
  let open = false;
  for (const p of points) {
    if (!p) {
      open = false;
      continue;
    }
    d += `${open ? "L" : "M"}${round(p.x)} ${round(p.y)}`;
    open = true;
  }
  return d;
}

export function LineChart(props: LineChartProps) {
  const { id, years, lines, decimals, locale } = props;
  const height = props.compact ? CHART.compactHeight : CHART.height;
  const plot = {
    x0: CHART.left,
    x1: CHART.width - CHART.right,
    y0: CHART.top,
    y1: height - CHART.bottom,
  };
  const all = lines.flatMap((l) => l.values).filter((v): v is number => v !== null);
  const styles = lines.map((_, i) => LINE_STYLES[(i + (props.styleOffset ?? 0)) % LINE_STYLES.length]!);
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  if (!years.length || !all.length) {
    return (
      <figure className="chart">
        <svg
          viewBox={`0 0 ${CHART.width} 60`}
          role="img"
          aria-labelledby={`${titleId} ${descId}`}
          className="chart__svg"
        >
          <title id={titleId}>{props.title}</title>
          <desc id={descId}>{props.description}</desc>
        </svg>
      </figure>
    );
  }
  const scale = valueScale(all, props.withZero ?? false);
  const x = (i: number) =>
    years.length === 1 ? (plot.x0 + plot.x1) / 2 : plot.x0 + ((plot.x1 - plot.x0) * i) / (years.length - 1);
  const y = (v: number) => plot.y1 - ((plot.y1 - plot.y0) * (v - scale.min)) / (scale.max - scale.min);
  const labelled = new Set(yearLabels(years));
  return (
    <figure className={props.compact ? "chart chart--compact" : "chart"}>
      <svg
        viewBox={`0 0 ${CHART.width} ${height}`}
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
        className="chart__svg"
        direction="ltr"
        fontSize={15}
      >
        <title id={titleId}>{props.title}</title>
        <desc id={descId}>{props.description}</desc>
        <text x={4} y={18} className="chart__unit" fill="#1a1a1a">
          {props.unit}
        </text>
        <g className="chart__grid">
          {scale.ticks.map((tick) => (
            <g key={tick}>
              <line
                x1={plot.x0}
                x2={plot.x1}
                y1={round(y(tick))}
                y2={round(y(tick))}
                stroke={tick === 0 && scale.min < 0 ? "#1a1a1a" : "#d0d0d0"}
                strokeWidth={1}
              />
              <text x={plot.x0 - 6} y={round(y(tick)) + 5} textAnchor="end" fill="#1a1a1a" className="chart__tick">
                {formatValue(tick, decimals, locale)}
              </text>
            </g>
          ))}
        </g>
        <g className="chart__years">
          <line x1={plot.x0} x2={plot.x1} y1={plot.y1} y2={plot.y1} stroke="#1a1a1a" strokeWidth={1} />
          {years.map((year, i) =>
            labelled.has(year) ? (
              <g key={year}>
                <line x1={round(x(i))} x2={round(x(i))} y1={plot.y1} y2={plot.y1 + 5} stroke="#1a1a1a" />
                <text x={round(x(i))} y={plot.y1 + 22} textAnchor="middle" fill="#1a1a1a" className="chart__tick">
                  {year}
                </text>
              </g>
            ) : null,
          )}
        </g>
        {lines.map((line, li) => {
          const style = styles[li]!;
          const points = line.values.map((v, i) => (v === null ? null : { x: x(i), y: y(v) }));
          return (
            <g key={line.label} className="chart__line" data-group={li}>
              <path
                d={linePath(points)}
                fill="none"
                stroke={style.colour}
                strokeWidth={2.5}
                strokeDasharray={style.dash}
                strokeLinejoin="round"
              />
              {points.map((p, i) => (p ? <Marker key={years[i]} style={style} x={round(p.x)} y={round(p.y)} /> : null))}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul className="chart__legend">
          {lines.map((line, li) => (
            <li key={line.label}>
              <LegendSwatch style={styles[li]!} />
              {line.label}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}

function LegendSwatch({ style }: { style: LineStyle }) {
  return (
    <svg viewBox="0 0 36 14" width="36" height="14" aria-hidden="true" className="chart__swatch">
      <path d="M2 7H34" stroke={style.colour} strokeWidth={2.5} strokeDasharray={style.dash} fill="none" />
      <Marker style={style} x={18} y={7} />
    </svg>
  );
}
