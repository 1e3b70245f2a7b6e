import type { LinksFunction } from "@remix-run/node";
import type { MessageKey } from "~/i18n/catalog";
import { useT } from "~/i18n/i18n";
import goalsStyles from "~/styles/goals.css?url";

export const goalsLinks: LinksFunction = () => [{ rel: "stylesheet", href: goalsStyles }];

export type GoalStatusName = "neu" | "in_umsetzung" | "erreicht" | "angepasst" | "uebertragen" | "verworfen";
export const STATUS_NAMES: GoalStatusName[] = [
  "neu",
  "in_umsetzung",
  "erreicht",
  "angepasst",
  "uebertragen",
  "verworfen",
];
export const statusKey = (status: GoalStatusName) => `goals.status.${status}` as MessageKey;

export function StatusBadge({ status }: { status: GoalStatusName }) {
  const t = useT();
  return <span className={`status status--${status}`}>{t(statusKey(status))}</span>;
}

/** The ranking as bars (an accessible chart): every bar has its number in text beside it, the list order is the rank. */
export function ResultBars({
  rows,
}: {
  rows: { id: string; title: string; points: number; voters: number; rank: number }[];
}) {
  const t = useT();
  const max = Math.max(1, ...rows.map((r) => r.points));
  return (
    <ol className="bars">
      {rows.map((row) => (
        <li key={row.id}>
          <span className="bars__rank" aria-hidden="true">
            {row.rank}.
          </span>
          <div>
            <p className="bars__title">
              <span className="visually-hidden">{t("goals.results.rank", { rank: row.rank })} </span>
              {row.title}
            </p>
            <div className="bars__track">
              {/* An SVG attribute, not a style: the CSP allows no inline styles. */}
              <svg
                className="bars__svg"
                aria-hidden="true"
                focusable="false"
                preserveAspectRatio="none"
                viewBox="0 0 100 10"
              >
                <rect className="bars__bar" x="0" y="0" height="10" width={Math.max(0.5, (row.points / max) * 100)} />
              </svg>
              <span className="bars__value">
                {t("goals.results.points", { points: row.points, voters: row.voters })}
              </span>
            </div>
          </div>
        </li>
      ))}
    </ol>
  );
}
