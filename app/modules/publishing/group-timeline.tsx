import { Link } from "@remix-run/react";
import type { MessageKey } from "~/i18n/catalog";
import { useT } from "~/i18n/i18n";
import type { TimelineYear } from "./timeline.server";

/** A working group's timeline across conference years (for /arbeitskreise/<slug>). Needs publishing.css. */
export function GroupTimeline({ years }: { years: TimelineYear[] }) {
  const t = useT();
  if (!years.length) return null;
  return (
    <section aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t("timeline.title")}</h2>
      <p>{t("timeline.lead")}</p>
      <ol className="timeline">
        {years.map((y) => (
          <li key={y.year}>
            <h3>{y.conferenceTitle}</h3>
            <ul>
              {y.hasReport ? (
                <li>
                  <a href={`#report-${y.year}`}>{t("timeline.report", { year: y.year })}</a>
                </li>
              ) : null}
              {y.documentation ? (
                <li>
                  <Link to={`/konferenzen/${y.year}/dokumentation`}>
                    {t("timeline.documentation", { year: y.year })}
                  </Link>
                </li>
              ) : null}
              {y.goals.length ? (
                <li>
                  {t("timeline.goals")}:
                  <ul>
                    {y.goals.map((g) => (
                      <li key={g.id}>
                        <Link to={`/ziele/${g.id}`}>{g.title}</Link> – {t(`goals.status.${g.status}` as MessageKey)}
                      </li>
                    ))}
                  </ul>
                </li>
              ) : null}
            </ul>
          </li>
        ))}
      </ol>
    </section>
  );
}
