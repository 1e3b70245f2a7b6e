import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { SafeHtml } from "~/components/safe-html";
import { renderConferenceDescription } from "~/modules/conferences/description.server";
import { Link, useLoaderData } from "@remix-run/react";
import { pageTitle, useGermanContent, useLocale, useT } from "~/i18n/i18n";
import { getPublicConference } from "~/modules/conferences/conferences.server";
import { listPublicInputs } from "~/modules/discussion/inputs.server";
import { AgendaPresentations } from "~/modules/groups/presentation-link";
import { listAgendaPresentations } from "~/modules/groups/reports.server";
import { DiscussionInputsSection } from "~/modules/discussion/inputs-section";
import { getAvailability, registrationState } from "~/modules/registrations/seats.server";
import { registrationLinks, stateText } from "~/modules/registrations/ui";
import { getUser } from "~/server/auth.server";
import { notFound } from "~/server/http.server";
import { formatDate, formatTime, formatTimeRange } from "~/utils/time";

export const links = registrationLinks;

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(matches, data ? () => data.conference.title : "error.notFound.title"),
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const year = Number(params.year);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) notFound();
  const found = await getPublicConference(year);
  if (!found) notFound();
  const id = found.conference.id;
  // The groups presenting: one query for all of them, and only when the agenda has that slot.
  const hasPresentations = found.agenda.some((item) => item.kind === "group_presentations");
  const [availability, discussionInputs, presentations] = await Promise.all([
    getAvailability(id, { capacity: found.conference.capacity, forums: found.forums }),
    listPublicInputs(id),
    hasPresentations ? getUser(request).then((user) => listAgendaPresentations(id, user)) : [],
  ]);
  return {
    ...found,
    discussionInputs,
    presentations,
    descriptionHtml: renderConferenceDescription(found.conference.description),
    registration: { state: registrationState(found.conference), availability },
  };
}

export default function ConferencePage() {
  const t = useT();
  const locale = useLocale();
  const de = useGermanContent();
  const { conference, descriptionHtml, agenda, forums, registration, discussionInputs, presentations } =
    useLoaderData<typeof loader>();
  const showRegistration =
    conference.status === "published" ||
    conference.status === "registration_open" ||
    conference.status === "registration_closed";
  return (
    <article>
      <h1 {...de}>{conference.title}</h1>
      {descriptionHtml ? (
        <div {...de}>
          <SafeHtml html={descriptionHtml} className="lead rich-text" />
        </div>
      ) : null}
      <dl className="facts">
        <div>
          <dt>{t("conference.when")}</dt>
          <dd>
            {formatDate(conference.startsAt, locale)},{" "}
            {t("conference.timeRange", {
              start: formatTime(conference.startsAt, locale),
              end: formatTime(conference.endsAt, locale),
            })}
          </dd>
        </div>
        <div>
          <dt>{t("conference.where")}</dt>
          <dd {...de}>
            {conference.venueName}
            <br />
            {conference.venueAddress}
          </dd>
        </div>
      </dl>
      {showRegistration ? (
        <section aria-labelledby="registration-title" className="card card--highlight">
          <h2 id="registration-title">{t("registration.state.title")}</h2>
          <p className="reg-state">
            {stateText(t, registration.state, registration.availability, conference.registrationOpensAt, locale)}
          </p>
          {registration.state === "open" && conference.registrationClosesAt ? (
            <p>{t("registration.state.until", { date: formatDate(conference.registrationClosesAt, locale) })}</p>
          ) : null}
          {registration.state === "open" ? (
            <p>
              <Link className="button" to={`/konferenzen/${conference.year}/anmeldung`}>
                {t("registration.toForm")}
              </Link>
            </p>
          ) : null}
        </section>
      ) : null}
      {conference.venueAccessibility ? (
        <section aria-labelledby="access-title">
          <h2 id="access-title">{t("conference.accessibility")}</h2>
          <p {...de}>{conference.venueAccessibility}</p>
        </section>
      ) : null}
      <section aria-labelledby="agenda-title">
        <h2 id="agenda-title">{t("conference.agenda")}</h2>
        <ol className="agenda">
          {agenda.map((item) => (
            <li key={item.id} className="agenda__item">
              <p className="agenda__time">{formatTimeRange(item.startsAt, item.endsAt, locale)}</p>
              <div>
                <p className="agenda__kind">{t(`agenda.kind.${item.kind}`)}</p>
                <h3 className="agenda__title" {...de}>
                  {item.title}
                </h3>
                {item.speakers ? (
                  <p>
                    {t("conference.speakers")}: <span {...de}>{item.speakers}</span>
                  </p>
                ) : null}
                {item.kind === "group_presentations" ? <AgendaPresentations items={presentations} /> : null}
              </div>
            </li>
          ))}
        </ol>
      </section>
      <DiscussionInputsSection inputs={discussionInputs} live={conference.status !== "documented"} />
      {forums.length ? (
        <section aria-labelledby="forums-title">
          <h2 id="forums-title">{t("conference.forums")}</h2>
          <ul>
            {forums.map((f) => {
              const seats = registration.availability.forums.find((a) => a.id === f.id);
              return (
                <li key={f.id}>
                  <span {...de}>{f.title}</span>
                  {showRegistration && seats
                    ? ` (${seats.free > 0 ? t("registration.forumSeats", { free: seats.free, capacity: seats.capacity }) : t("registration.forumFull")})`
                    : ""}
                  {f.description ? <p {...de}>{f.description}</p> : null}
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
    </article>
  );
}
