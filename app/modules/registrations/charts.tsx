import { useId } from "react";

// Charts drawn on the server as inline SVG: an image with a title and a description for assistive
// technology (role="img"), the numbers themselves in an HTML table next to every chart. No inline
// styles (the CSP forbids them): sizes are SVG attributes, colours classes in registrations.css.
// The outer SVG has no viewBox, so its text keeps the page's font size at any width (320 px
// included); positions along the width are percentages.

/** A round upper end for an axis: 1, 2, 5, 10, 20, 50 … */
export function niceCeiling(value: number): number {
  if (value <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 5, 10].map((m) => m * power).find((v) => v >= value)!;
}

/** Long labels are cut in the picture; the table beside it has them in full. */
const cut = (label: string, max = 34) => (label.length > max ? `${label.slice(0, max - 1)}…` : label);
const pct = (n: number) => `${Math.round(n * 100) / 100}%`;

/** `valueText` is written beside the bar (short: "19/30"); the description and the table say it in words. */
export type Bar = { key: string; label: string; value: number; valueText: string; capacity?: number };

const ROW = 46;
/** Bars use at most this share of the width; the rest holds the value written beside them. */
const SPAN = 74;

/** Horizontal bars, one row per entry: the label above, the bar (and a capacity track) with its value beside it. */
export function BarChart({ title, desc, bars }: { title: string; desc: string; bars: Bar[] }) {
  const id = useId();
  const scale = Math.max(1, ...bars.map((b) => Math.max(b.value, b.capacity ?? 0)));
  const width = (n: number) => (n / scale) * SPAN;
  return (
    <svg className="chart" role="img" aria-labelledby={`${id}-t ${id}-d`} width="100%" height={bars.length * ROW + 4}>
      <title id={`${id}-t`}>{title}</title>
      <desc id={`${id}-d`}>{desc}</desc>
      {bars.map((bar, i) => {
        const y = i * ROW;
        const end = width(Math.max(bar.value, bar.capacity ?? 0));
        return (
          <g key={bar.key}>
            <text className="chart__label" x="0" y={y + 16}>
              {cut(bar.label)}
            </text>
            {bar.capacity !== undefined ? (
              <rect className="chart__track" x="0" y={y + 22} height="16" width={pct(width(bar.capacity))} />
            ) : null}
            {bar.value > 0 ? (
              <rect
                className={
                  bar.capacity !== undefined && bar.value > bar.capacity ? "chart__bar chart__bar--over" : "chart__bar"
                }
                x="0"
                y={y + 22}
                height="16"
                width={pct(Math.max(0.5, width(bar.value)))}
              />
            ) : null}
            <text className="chart__value" x={pct(end)} dx="6" y={y + 35}>
              {bar.valueText}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

const TOP = 22;
const PLOT = 150;

/**
 * Columns over the days: one column per day (days without a value included), two grid lines with
 * their values, the first, middle and last day written under the axis.
 */
export function DayColumns(props: {
  title: string;
  desc: string;
  days: { day: string; value: number }[];
  dayLabel: (day: string) => string;
  variant?: "total";
}) {
  const id = useId();
  const n = Math.max(1, props.days.length);
  const top = niceCeiling(Math.max(...props.days.map((d) => d.value), 1));
  const ticks = [top, top / 2].filter((v) => Number.isInteger(v));
  const at = (value: number) => TOP + PLOT * (1 - value / top);
  const marks = [...new Set([0, Math.floor((n - 1) / 2), n - 1])].filter((i) => i < props.days.length);
  return (
    <svg
      className="chart chart--days"
      role="img"
      aria-labelledby={`${id}-t ${id}-d`}
      width="100%"
      height={TOP + PLOT + 30}
    >
      <title id={`${id}-t`}>{props.title}</title>
      <desc id={`${id}-d`}>{props.desc}</desc>
      {ticks.map((v) => (
        <g key={v}>
          <line className="chart__grid" x1="0" x2="100%" y1={at(v)} y2={at(v)} />
          <text className="chart__tick" x="0" y={at(v) - 4}>
            {v}
          </text>
        </g>
      ))}
      {/* The plot stretches to the width; its units are days across and counts up. */}
      <svg
        x="0"
        y={TOP}
        width="100%"
        height={PLOT}
        viewBox={`0 0 ${n} ${top}`}
        preserveAspectRatio="none"
        aria-hidden="true"
      >
        {props.days.map((d, i) =>
          d.value > 0 ? (
            <rect
              key={d.day}
              className={props.variant === "total" ? "chart__bar chart__bar--total" : "chart__bar"}
              x={i + 0.15}
              width="0.7"
              y={top - d.value}
              height={d.value}
            />
          ) : null,
        )}
      </svg>
      <line className="chart__axis" x1="0" x2="100%" y1={TOP + PLOT} y2={TOP + PLOT} />
      {marks.map((i, k) => {
        const first = k === 0;
        const last = !first && k === marks.length - 1;
        return (
          <text
            key={i}
            className="chart__tick"
            x={first ? "0" : last ? "100%" : pct(((i + 0.5) / n) * 100)}
            y={TOP + PLOT + 20}
            textAnchor={first ? "start" : last ? "end" : "middle"}
          >
            {props.dayLabel(props.days[i]!.day)}
          </text>
        );
      })}
    </svg>
  );
}
