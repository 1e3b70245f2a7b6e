import { Link } from "@remix-run/react";
import { TableWrap } from "~/components/form";
import { useLocale, useT } from "~/i18n/i18n";
import { groupKey, trendSentence, valueWithUnit, type IndicatorDigest } from "./digest";

/**
 * Indicators beside goals: each with its name (a link to its monitoring page), the trend sentence
 * and — unless `compact` — a small table of the newest year's values. Indicator and field names are
 * German data: marked lang="de" (the participation pages are also Arabic).
 */
export function IndicatorDigests({
  items,
  compact = false,
  level = 3,
}: {
  items: IndicatorDigest[];
  compact?: boolean;
  level?: 3 | 4;
}) {
  const t = useT();
  const locale = useLocale();
  const Heading = level === 3 ? "h3" : "h4";
  return (
    <>
      {items.some((i) => i.example) ? <p className="notice monitoring-example">{t("monitoring.example")}</p> : null}
      <ul className="indicator-digests">
        {items.map((d) => (
          <li key={d.id}>
            {compact ? (
              <p>
                <Link to={d.path} lang="de">
                  {d.name}
                </Link>
                : {trendSentence(t, locale, d)}
              </p>
            ) : (
              <>
                <Heading>
                  <Link to={d.path} lang="de">
                    {d.name}
                  </Link>
                </Heading>
                <p>{trendSentence(t, locale, d)}</p>
                {d.latestYear !== null && d.latest.length ? (
                  <TableWrap label={`${d.name}: ${t("monitoringGoals.values.caption", { year: d.latestYear })}`}>
                    <table className="indicator-latest">
                      <caption>{t("monitoringGoals.values.caption", { year: d.latestYear })}</caption>
                      <thead>
                        <tr>
                          <th scope="col">{t("monitoringGoals.values.group")}</th>
                          <th scope="col">{t("monitoringGoals.values.value")}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {d.latest.map((v) => (
                          <tr key={v.group}>
                            <th scope="row">{t(groupKey(v.group))}</th>
                            <td>{valueWithUnit(v.value, d, locale)}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </TableWrap>
                ) : (
                  <p>{t("monitoringGoals.values.none")}</p>
                )}
              </>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

export type FieldDigest = { id: string; code: string; name: string; indicators: IndicatorDigest[] };

/** "Daten zum Handlungsfeld": per field in play its indicators' trend sentences; nothing without data. */
export function FieldDataBlock({ fields, id = "field-data" }: { fields: FieldDigest[]; id?: string }) {
  const t = useT();
  if (!fields.length) return null;
  return (
    <section className="field-data" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t("monitoringGoals.field.title")}</h2>
      <p>{t("monitoringGoals.field.lead")}</p>
      {fields.map((f) => (
        <div key={f.id} className="field-data__field">
          <h3 lang="de">{f.name}</h3>
          <IndicatorDigests items={f.indicators} compact />
        </div>
      ))}
      <p>
        <Link to="/monitoring">{t("monitoringGoals.field.more")}</Link>
      </p>
    </section>
  );
}
