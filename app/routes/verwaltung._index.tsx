import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { TableWrap } from "~/components/form";
import { pageTitle, useLocale, useT } from "~/i18n/i18n";
import {
  coordinatorHome,
  workingConference,
  yearOverview,
  type CoordinatorHome,
  type YearOverview,
} from "~/modules/overview/overview.server";
import { requireUser } from "~/server/auth.server";
import { formatDate } from "~/utils/time";

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "admin.title")];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const year = Number(new URL(request.url).searchParams.get("jahr")) || undefined;
  const conf = await workingConference(Number.isInteger(year) && year! > 1900 && year! < 3000 ? year : undefined);
  if (user.role === "organiser") {
    return { kind: "organiser" as const, name: user.name, overview: conf ? await yearOverview(conf) : null };
  }
  return { kind: "coordinator" as const, name: user.name, home: await coordinatorHome(user, conf) };
}

/** The start page of the organisers' area: the year at a glance, or a coordinator's own group. */
export default function AdminHome() {
  const data = useLoaderData<typeof loader>();
  return data.kind === "organiser" ? (
    <YearAtAGlance name={data.name} overview={data.overview} />
  ) : (
    <CoordinatorStart name={data.name} home={data.home} />
  );
}

function YearAtAGlance({ name, overview }: { name: string; overview: YearOverview | null }) {
  const t = useT();
  const locale = useLocale();
  if (!overview) {
    return (
      <>
        <h1>{t("admin.title")}</h1>
        <p className="lead">{t("admin.welcome", { name })}</p>
        <p>{t("overview.noConference")}</p>
        <p>
          <Link className="button" to="/verwaltung/konferenzen/neu">
            {t("overview.createConference")}
          </Link>
        </p>
      </>
    );
  }
  const { conference: conf, registrations: reg, reports, goals } = overview;
  const date = (d: Date | string) => formatDate(d, locale);
  return (
    <>
      <h1>{t("admin.title")}</h1>
      <p className="lead">{t("admin.welcome", { name })}</p>
      <h2>{t("overview.title")}</h2>
      <p>
        <Link to={`/verwaltung/konferenzen/${conf.year}`}>{conf.title}</Link> · {date(conf.startsAt)} ·{" "}
        {t("overview.status", { status: t(`conference.status.${conf.status}`) })}
      </p>
      <Form method="get" className="search-row">
        <label htmlFor="overview-year">{t("overview.otherYear")}</label>
        <input
          id="overview-year"
          name="jahr"
          type="number"
          inputMode="numeric"
          min={2000}
          max={2100}
          defaultValue={conf.year}
          className="input--short"
        />
        <button type="submit" className="button button--secondary button--small">
          {t("overview.show")}
        </button>
      </Form>

      <section className="card card--highlight" aria-labelledby="next-title">
        <h2 id="next-title">{t("overview.next")}</h2>
        {overview.nextStep ? (
          <p>
            <Link to={overview.nextStep.href}>{t(`overview.step.${overview.nextStep.step}`)}</Link>
          </p>
        ) : (
          <p>{t("overview.allDone")}</p>
        )}
      </section>

      <section aria-labelledby="checklist-title">
        <h2 id="checklist-title">{t("overview.checklist")}</h2>
        <ol className="checklist">
          {overview.checklist.map((s) => (
            <li key={s.step} className={s.done ? "checklist__done" : "checklist__open"}>
              <Link to={s.href}>{t(`overview.step.${s.step}`)}</Link> –{" "}
              <strong>{t(s.done ? "overview.stepDone" : "overview.stepOpen")}</strong>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="reg-title">
        <h2 id="reg-title">{t("overview.registrations")}</h2>
        <dl className="facts">
          <Fact label={t("overview.reg.confirmed")} value={reg.confirmed} />
          <Fact label={t("overview.reg.held")} value={reg.held} />
          <Fact label={t("overview.reg.waitlisted")} value={reg.waitlisted} />
          <Fact label={t("overview.reg.free")} value={reg.free} />
          <Fact label={t("overview.reg.capacity")} value={reg.capacity} />
        </dl>
        {reg.forums.length ? (
          <TableWrap label={t("overview.registrations")}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("overview.reg.forum")}</th>
                  <th scope="col">{t("overview.reg.taken")}</th>
                  <th scope="col">{t("overview.reg.free")}</th>
                  <th scope="col">{t("overview.reg.waitlisted")}</th>
                </tr>
              </thead>
              <tbody>
                {reg.forums.map((f) => (
                  <tr key={f.id}>
                    <th scope="row">{f.title}</th>
                    <td>
                      {f.taken} / {f.capacity}
                    </td>
                    <td>{f.free}</td>
                    <td>{f.waitlisted}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        ) : null}
        <p>
          <Link to={`/verwaltung/konferenzen/${conf.year}/teilnehmende`}>{t("overview.reg.list")}</Link> ·{" "}
          <Link to={`/verwaltung/konferenzen/${conf.year}/statistik`}>{t("overview.reg.statistics")}</Link>
        </p>
      </section>

      <section aria-labelledby="reports-title">
        <h2 id="reports-title">{t("overview.reports")}</h2>
        <p>
          {reports.deadline
            ? t("overview.reports.deadline", { date: date(reports.deadline) })
            : t("overview.reports.noDeadline")}{" "}
          {t("overview.reports.summary", {
            done: reports.done,
            total: reports.groups.length,
            waiting: reports.waitingForReview,
          })}
        </p>
        <TableWrap label={t("overview.reports")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("overview.reports.group")}</th>
                <th scope="col">{t("overview.reports.state")}</th>
                <th scope="col">{t("overview.reports.coordinator")}</th>
              </tr>
            </thead>
            <tbody>
              {reports.groups.map((g) => (
                <tr key={g.id}>
                  <th scope="row">
                    <Link to={`/verwaltung/arbeitskreise/${g.id}`}>{g.name}</Link>
                  </th>
                  <td>
                    {g.reportId ? (
                      <Link to={`/verwaltung/berichte/${g.reportId}`}>
                        {t(`reports.status.${g.state as Exclude<typeof g.state, "missing">}`)}
                      </Link>
                    ) : (
                      t("overview.reports.missing")
                    )}
                  </td>
                  <td>{t(g.hasCoordinator ? "overview.reports.hasCoordinator" : "overview.reports.noCoordinator")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
        <p>
          <Link to="/verwaltung/berichte">{t("overview.reports.open")}</Link>
        </p>
      </section>

      <section aria-labelledby="inputs-title">
        <h2 id="inputs-title">{t("overview.inputs")}</h2>
        <p>{conf.dayCode ? t("overview.inputs.dayCode", { code: conf.dayCode }) : t("overview.inputs.noDayCode")}</p>
        {overview.inputs.length ? (
          <ul>
            {overview.inputs.map((i) => (
              <li key={i.id}>
                <Link to={`/verwaltung/fachinputs/${i.id}`}>{i.title}</Link>:{" "}
                {t("overview.inputs.questions", { pending: i.pending, approved: i.approved, hidden: i.hidden })}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("overview.inputs.none")}</p>
        )}
        <p>
          <Link to="/verwaltung/fachinputs">{t("overview.inputs.open")}</Link>
        </p>
      </section>

      <section aria-labelledby="goals-title">
        <h2 id="goals-title">{t("overview.goals")}</h2>
        <ul>
          <li>{t("overview.goals.proposals", goals.proposals)}</li>
          <li>
            {goals.votingClosesAt
              ? t("overview.goals.votingUntil", { date: date(goals.votingClosesAt) })
              : t("overview.goals.noVoting")}
          </li>
          <li>{t("overview.goals.agreed", { count: goals.agreed })}</li>
          <li>{t("overview.goals.statuses", { open: goals.statusesOpen, pending: goals.statusesPending })}</li>
        </ul>
        <p>
          <Link to="/verwaltung/ziele">{t("overview.goals.open")}</Link>
        </p>
      </section>

      <section aria-labelledby="doc-title">
        <h2 id="doc-title">{t("overview.documentation")}</h2>
        <p>
          {overview.documentation.publishedAt
            ? t("overview.documentation.published", { date: date(overview.documentation.publishedAt) })
            : t(overview.documentation.exists ? "overview.documentation.draft" : "overview.documentation.none")}
        </p>
        <p>
          <Link to={`/verwaltung/dokumentation/${conf.year}`}>{t("overview.documentation.open")}</Link>
        </p>
      </section>

      <section aria-labelledby="mail-title">
        <h2 id="mail-title">{t("overview.mail")}</h2>
        <p className={overview.deadLetters ? "notice notice--warn" : undefined}>
          {overview.deadLetters ? t("overview.mail.dead", { count: overview.deadLetters }) : t("overview.mail.ok")}
        </p>
        <p>
          <Link to="/verwaltung/postausgang">{t("overview.mail.open")}</Link>
        </p>
      </section>
    </>
  );
}

function Fact({ label, value }: { label: string; value: number }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd className="fact-number">{value}</dd>
    </div>
  );
}

function CoordinatorStart({ name, home }: { name: string; home: CoordinatorHome }) {
  const t = useT();
  const locale = useLocale();
  if (!home.group) {
    return (
      <>
        <h1>{t("admin.title")}</h1>
        <p className="lead">{t("coordinatorHome.welcome", { name })}</p>
        <p>{t("coordinatorHome.noGroup")}</p>
      </>
    );
  }
  const { group, report, conference } = home;
  return (
    <>
      <h1>{t("admin.title")}</h1>
      <p className="lead">{t("coordinatorHome.welcome", { name })}</p>
      <h2>{group.name}</h2>
      <p>
        <Link to={`/verwaltung/arbeitskreise/${group.id}`}>{t("coordinatorHome.groupPage")}</Link> ·{" "}
        <Link to={`/arbeitskreise/${group.slug}`}>{t("coordinatorHome.publicPage")}</Link>
      </p>
      {report && conference ? (
        <section className="card card--highlight" aria-labelledby="report-title">
          <h2 id="report-title">{t("coordinatorHome.report", { year: conference.year })}</h2>
          <p>
            {t("coordinatorHome.reportState", {
              state: report.state === "missing" ? t("overview.reports.missing") : t(`reports.status.${report.state}`),
            })}
          </p>
          <p>
            {report.deadline
              ? t("coordinatorHome.deadline", { date: formatDate(report.deadline, locale) })
              : t("coordinatorHome.noDeadline")}
          </p>
          <p>
            {report.id ? (
              <Link className="button" to={`/verwaltung/berichte/${report.id}`}>
                {t("coordinatorHome.openReport")}
              </Link>
            ) : (
              <Link className="button" to={`/verwaltung/arbeitskreise/${group.id}`}>
                {t("coordinatorHome.startReport")}
              </Link>
            )}
          </p>
        </section>
      ) : null}
      <section aria-labelledby="goals-title">
        <h2 id="goals-title">{t("coordinatorHome.goals")}</h2>
        {home.goals.length ? (
          <ul className="plain-list">
            {home.goals.map((g) => (
              <li key={g.id}>
                <Link to={`/ziele/${g.id}`}>
                  {g.id}: {g.title}
                </Link>
                <br />
                {g.pending
                  ? t("coordinatorHome.pending")
                  : g.asked
                    ? t("coordinatorHome.asked", { year: conference?.year ?? "" })
                    : g.status
                      ? t(`goals.status.${g.status}`)
                      : t("coordinatorHome.statusNone", { year: conference?.year ?? "" })}{" "}
                {g.asked || !g.status ? (
                  <Link to={`/verwaltung/ziele/${g.id}`}>{t("coordinatorHome.report.goal")}</Link>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("coordinatorHome.noGoals")}</p>
        )}
      </section>
    </>
  );
}
