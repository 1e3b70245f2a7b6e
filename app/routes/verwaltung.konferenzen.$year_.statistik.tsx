import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import type { MessageKey } from "~/i18n/catalog";
import { pageTitle, useLocale, useT } from "~/i18n/i18n";
import { BarChart, DayColumns, type Bar } from "~/modules/registrations/charts";
import { ACCESSIBILITY_NEEDS } from "~/modules/registrations/registration.constants";
import { registrationStatistics, type RegistrationStatistics } from "~/modules/registrations/statistics.server";
import { registrationLinks } from "~/modules/registrations/ui";
import { requireOrganiserConference } from "~/server/organiser.server";
import { berlinDay, formatDate, formatDateTime, formatDayDate, formatDayMonth } from "~/utils/time";

export const links = registrationLinks;
export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(matches, data ? (t) => t("stats.title", { title: data.conference.title }) : "admin.conferences", "admin"),
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { conference } = await requireOrganiserConference(request, params.year);
  return {
    conference: { year: conference.year, title: conference.title, status: conference.status },
    stats: await registrationStatistics(conference),
    at: new Date(),
  };
}

/** One figure: heading, what it counts, the chart, and the same numbers as a table (or why there is nothing to show). */
function Figure(props: {
  id: string;
  title: string;
  lead: string;
  empty?: string;
  chart: ReactNode;
  table: ReactNode;
}) {
  const t = useT();
  return (
    <section aria-labelledby={props.id} className="stats-section">
      <h2 id={props.id}>{props.title}</h2>
      {props.empty ? <p>{props.empty}</p> : <FigureBody {...props} note={t("stats.chartNote")} />}
    </section>
  );
}

function FigureBody(props: { lead: string; chart: ReactNode; table: ReactNode; note: string }) {
  return (
    <>
      <p>{props.lead}</p>
      <div className="stats-figure">
        <div className="stats-figure__chart">
          {props.chart}
          <p className="stats-note">{props.note}</p>
        </div>
        <div className="table-wrap stats-figure__table">{props.table}</div>
      </div>
    </>
  );
}

/** The numbers of a chart as a table: a row header, then numbers. */
function NumberTable({
  caption,
  head,
  rows,
}: {
  caption: string;
  head: string[];
  rows: { key: string; cells: [string, ...(string | number)[]] }[];
}) {
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          {head.map((h, i) => (
            <th key={h} scope="col" className={i ? "num" : undefined}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map(({ key, cells: [label, ...numbers] }) => (
          <tr key={key}>
            <th scope="row">{label}</th>
            {numbers.map((n, i) => (
              <td key={i} className="num">
                {n}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const barRows = (bars: Bar[]) => bars.map((b) => ({ key: b.key, cells: [b.label, b.value] as [string, number] }));

export default function Statistics() {
  const t = useT();
  const locale = useLocale();
  const { conference, stats, at } = useLoaderData<typeof loader>();
  const base = `/verwaltung/konferenzen/${conference.year}`;
  return (
    <div className="stats">
      <p className="stats-back">
        <Link to={`${base}/teilnehmende`}>{t("participants.backToList")}</Link>
      </p>
      <h1>{t("stats.title", { title: conference.title })}</h1>
      <p className="lead">{t("stats.lead", { date: formatDateTime(at, locale) })}</p>
      {stats.empty ? (
        <EmptyState base={base} year={conference.year} open={conference.status === "registration_open"} />
      ) : (
        <Figures stats={stats} />
      )}
    </div>
  );
}

/** No registration yet: a sentence and the next step, no empty tables or charts of zeros. */
function EmptyState({ base, year, open }: { base: string; year: number; open: boolean }) {
  const t = useT();
  return (
    <section aria-labelledby="stats-empty" className="card">
      <h2 id="stats-empty">{t("stats.empty.title")}</h2>
      <p>{open ? t("stats.empty.open") : t("stats.empty.closed")}</p>
      <ul>
        {open ? (
          <li>
            <Link to={`/konferenzen/${year}/anmeldung`}>{t("stats.empty.form")}</Link>
          </li>
        ) : (
          <li>
            <Link to={base}>{t("stats.empty.openRegistration")}</Link>
          </li>
        )}
        <li>
          <Link to={`${base}/teilnehmende/neu`}>{t("participants.add")}</Link>
        </li>
      </ul>
    </section>
  );
}

function Figures({ stats }: { stats: RegistrationStatistics }) {
  const t = useT();
  const locale = useLocale();
  const barsDesc = (title: string, bars: Bar[]) =>
    t("stats.bars", {
      title,
      values: bars
        .map(
          (b) =>
            `${b.label}: ${b.capacity === undefined ? b.value : t("stats.byForum.value", { taken: b.value, capacity: b.capacity })}`,
        )
        .join(", "),
    });

  const days = stats.perDay;
  const longDay = (day: string) => formatDate(berlinDay(day), locale);
  const mediumDay = (day: string) => formatDayDate(berlinDay(day), locale);
  const shortDay = (day: string) => formatDayMonth(berlinDay(day), locale);
  const peak = days.reduce((best, d) => (d.count > best.count ? d : best), days[0] ?? { day: "", count: 0, total: 0 });
  const span = days.length
    ? { first: longDay(days[0]!.day), last: longDay(days.at(-1)!.day) }
    : { first: "", last: "" };

  const typeBars: Bar[] = stats.byType.map((r) => ({
    key: r.type,
    label: t(`registration.orgType.${r.type}` as MessageKey),
    value: r.count,
    valueText: String(r.count),
  }));
  const statusBars: Bar[] = stats.byStatus.map((r) => ({
    key: r.status,
    label: t(`registration.status.${r.status}` as MessageKey),
    value: r.count,
    valueText: String(r.count),
  }));
  const forumBars: Bar[] = [
    ...stats.byForum.map((f) => ({
      key: f.id,
      label: f.title,
      value: f.taken,
      capacity: f.capacity,
      valueText: `${f.taken}/${f.capacity}`,
    })),
    {
      key: "none",
      label: t("stats.withoutForum"),
      value: stats.withoutForum.taken,
      valueText: String(stats.withoutForum.taken),
    },
  ];
  const needRows = [
    { key: "seats", cells: [t("stats.needs.catering"), stats.needs.seats] as [string, number] },
    ...ACCESSIBILITY_NEEDS.map((need) => ({
      key: need,
      cells: [t(`registration.access.${need}` as MessageKey), stats.needs.accessibility[need]] as [string, number],
    })),
    { key: "other", cells: [t("participants.otherSupport"), stats.needs.accessibilityOther] as [string, number] },
  ];

  return (
    <>
      <section aria-labelledby="stats-summary">
        <h2 id="stats-summary">{t("stats.summary")}</h2>
        <dl className="stats-facts">
          {(
            [
              ["stats.capacity", stats.seats.capacity],
              ["stats.taken", stats.seats.taken],
              ["stats.free", stats.seats.free],
              ["stats.waitlist", stats.seats.waitlisted],
            ] as const
          ).map(([key, value]) => (
            <div key={key} className="stats-facts__item">
              <dt>{t(key)}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </section>

      <Figure
        id="stats-days"
        title={t("stats.perDay.title")}
        lead={t("stats.perDay.lead")}
        empty={days.length ? undefined : t("stats.perDay.empty")}
        chart={
          <>
            <h3>{t("stats.perDay.new")}</h3>
            <DayColumns
              title={t("stats.perDay.new")}
              desc={t("stats.perDay.descNew", {
                ...span,
                peak: peak.count,
                peakDay: peak.day ? longDay(peak.day) : "",
              })}
              days={days.map((d) => ({ day: d.day, value: d.count }))}
              dayLabel={shortDay}
            />
            <h3>{t("stats.perDay.total")}</h3>
            <DayColumns
              title={t("stats.perDay.total")}
              desc={t("stats.perDay.descTotal", { ...span, total: days.at(-1)?.total ?? 0 })}
              days={days.map((d) => ({ day: d.day, value: d.total }))}
              dayLabel={shortDay}
              variant="total"
            />
          </>
        }
        table={
          <NumberTable
            caption={t("stats.perDay.title")}
            head={[t("stats.day"), t("stats.new"), t("stats.total")]}
            rows={days.map((d) => ({ key: d.day, cells: [mediumDay(d.day), d.count, d.total] }))}
          />
        }
      />

      <Figure
        id="stats-types"
        title={t("stats.byType.title")}
        lead={t("stats.byType.lead")}
        chart={
          <BarChart
            title={t("stats.byType.title")}
            desc={barsDesc(t("stats.byType.title"), typeBars)}
            bars={typeBars}
          />
        }
        table={
          <NumberTable
            caption={t("stats.byType.title")}
            head={[t("participants.type"), t("stats.count")]}
            rows={barRows(typeBars)}
          />
        }
      />

      <Figure
        id="stats-forums"
        title={t("stats.byForum.title")}
        lead={t("stats.byForum.lead")}
        empty={stats.byForum.length ? undefined : t("stats.byForum.none")}
        chart={
          <BarChart
            title={t("stats.byForum.title")}
            desc={barsDesc(t("stats.byForum.title"), forumBars)}
            bars={forumBars}
          />
        }
        table={
          <NumberTable
            caption={t("stats.byForum.title")}
            head={[
              t("participants.forum"),
              t("stats.forumTaken"),
              t("stats.forumCapacity"),
              t("stats.forumFree"),
              t("stats.forumWaiting"),
            ]}
            rows={[
              ...stats.byForum.map((f) => ({
                key: f.id,
                cells: [f.title, f.taken, f.capacity, Math.max(0, f.capacity - f.taken), f.waitlisted] as [
                  string,
                  ...number[],
                ],
              })),
              {
                key: "none",
                cells: [t("stats.withoutForum"), stats.withoutForum.taken, "–", "–", stats.withoutForum.waitlisted],
              },
            ]}
          />
        }
      />

      <Figure
        id="stats-statuses"
        title={t("stats.byStatus.title")}
        lead={t("stats.byStatus.lead")}
        chart={
          <BarChart
            title={t("stats.byStatus.title")}
            desc={barsDesc(t("stats.byStatus.title"), statusBars)}
            bars={statusBars}
          />
        }
        table={
          <NumberTable
            caption={t("stats.byStatus.title")}
            head={[t("participants.status"), t("stats.count")]}
            rows={barRows(statusBars)}
          />
        }
      />

      <section aria-labelledby="stats-needs" className="stats-section">
        <h2 id="stats-needs">{t("stats.needs.title")}</h2>
        <p>{t("stats.needs.lead")}</p>
        <div className="table-wrap">
          <NumberTable
            caption={t("stats.needs.title")}
            head={[t("stats.needs.what"), t("stats.count")]}
            rows={needRows}
          />
        </div>
        <h3>{t("participants.diets")}</h3>
        {stats.needs.diets.length ? (
          <div className="table-wrap">
            <NumberTable
              caption={t("participants.diets")}
              head={[t("stats.needs.wish"), t("stats.count")]}
              rows={stats.needs.diets.map((d) => ({ key: d.wish, cells: [d.wish, d.count] }))}
            />
          </div>
        ) : (
          <p>{t("participants.noDiets")}</p>
        )}
      </section>
    </>
  );
}
