import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { SafeForm } from "~/components/form";
import { QrScanner } from "~/components/qr-scanner";
import type { MessageKey } from "~/i18n/catalog";
import { pageTitle, useLocale, useT } from "~/i18n/i18n";
import { checkinActionSchema } from "~/modules/attendance/attendance.schema";
import {
  attendanceCounts,
  checkIn,
  getAttendee,
  isCheckinDay,
  searchAttendees,
  undoCheckIn,
} from "~/modules/attendance/checkin.server";
import { getConferenceByYear } from "~/modules/attendance/documents.server";
import { requireOrganiser } from "~/server/auth.server";
import { parseForm } from "~/server/form.server";
import { notFound } from "~/server/http.server";
import { formatTime } from "~/utils/time";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(matches, (t) => t("checkin.title", { year: data?.year ?? "" }), "admin"),
];

async function load(request: Request, yearParam: string | undefined) {
  const user = await requireOrganiser(request);
  const conference = await getConferenceByYear(Number(yearParam));
  if (!conference) notFound();
  return { user, conference };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { conference } = await load(request, params.year);
  const q = (new URL(request.url).searchParams.get("q") ?? "").slice(0, 100);
  const [people, counts] = await Promise.all([searchAttendees(conference.id, q), attendanceCounts(conference.id)]);
  return { year: conference.year, q, people, counts, checkinDay: isCheckinDay(conference) };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, conference } = await load(request, params.year);
  const result = await parseForm(request, context, checkinActionSchema);
  if (!result.ok) notFound();
  const person = await getAttendee(conference.id, result.data.registrationId);
  if (!person) notFound();
  const name = `${person.firstName} ${person.lastName}`;
  if (result.data.intent === "undo") {
    await undoCheckIn({ conferenceId: conference.id, registrationId: person.id, actor: user });
    return data({ message: "checkin.undone" as const, name, confirmId: null });
  }
  const outcome = await checkIn({
    conferenceId: conference.id,
    registrationId: person.id,
    actor: user,
    confirmOutsideDay: result.data.confirmOutsideDay === "on",
  });
  // Not the conference day: nothing happened; the page asks for an explicit confirmation.
  if (outcome === "outsideDay")
    return data({ message: "checkin.outsideDay" as const, name, confirmId: person.id }, { status: 409 });
  const message =
    outcome === "checkedIn" ? "checkin.done" : outcome === "already" ? "checkin.already" : "checkin.notConfirmed";
  return data(
    { message: message as "checkin.done" | "checkin.already" | "checkin.notConfirmed", name, confirmId: null },
    { status: outcome === "notConfirmed" ? 409 : 200 },
  );
}

export default function CheckinDesk() {
  const t = useT();
  const locale = useLocale();
  const { year, q, people, counts, checkinDay } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const revalidator = useRevalidator();
  // The count is live: other desks check people in at the same time.
  useEffect(() => {
    const timer = setInterval(() => {
      if (revalidator.state === "idle" && document.visibilityState === "visible") revalidator.revalidate();
    }, 5000);
    return () => clearInterval(timer);
  }, [revalidator]);

  return (
    <>
      <h1>{t("checkin.title", { year })}</h1>
      <p>{t("checkin.lead")}</p>
      <p className="checkin-count" aria-live="polite">
        <strong>{t("checkin.count", { present: counts.present, expected: counts.expected })}</strong>
      </p>
      {checkinDay ? null : <p className="notice notice--warn">{t("checkin.notTheDay")}</p>}
      {result?.confirmId ? (
        <div className="notice notice--warn" role="alert">
          <p>{t("checkin.outsideDay", { name: result.name })}</p>
          <SafeForm>
            <input type="hidden" name="registrationId" value={result.confirmId} />
            <input type="hidden" name="confirmOutsideDay" value="on" />
            <button type="submit" name="intent" value="checkin" className="button">
              {t("checkin.confirmOutsideDay", { name: result.name })}
            </button>
          </SafeForm>
        </div>
      ) : result ? (
        <p className={result.message === "checkin.notConfirmed" ? "notice notice--warn" : "notice"} role="status">
          {t(result.message, { name: result.name })}
        </p>
      ) : null}
      <Form method="get" className="search-row" role="search">
        <label htmlFor="checkin-q">{t("checkin.search")}</label>
        <input id="checkin-q" name="q" type="search" defaultValue={q} autoComplete="off" />
        <button type="submit" className="button">
          {t("checkin.searchSubmit")}
        </button>
      </Form>
      <QrScanner pathPrefix={`/verwaltung/konferenzen/${year}/einlass/`} />
      {people.length === 0 ? (
        <p>{t("checkin.none")}</p>
      ) : (
        <ul className="checkin-list">
          {people.map((p) => (
            <li key={p.id} className="checkin-list__item">
              <span>
                <strong>
                  <bdi>
                    {p.lastName}, {p.firstName}
                  </bdi>
                </strong>
                {p.latinName ? <> ({p.latinName})</> : null}
                {p.organisation ? (
                  <>
                    {" · "}
                    <bdi>{p.organisation}</bdi>
                  </>
                ) : null}
                {p.checkedInAt ? (
                  <span className="checkin-list__present">
                    {" "}
                    · {t("checkin.present", { time: formatTime(p.checkedInAt, locale) })}
                  </span>
                ) : null}
                {/* Not confirmed: the desk sees why the person is not let in (no check-in button). */}
                {p.status !== "confirmed" ? (
                  <strong>
                    {" "}
                    · {t("checkin.notListed", { state: t(`registration.status.${p.status}` as MessageKey) })}
                  </strong>
                ) : null}
              </span>
              {p.status !== "confirmed" ? null : (
                <SafeForm>
                  <input type="hidden" name="registrationId" value={p.id} />
                  {p.checkedInAt ? (
                    <button
                      type="submit"
                      name="intent"
                      value="undo"
                      className="button button--secondary button--small"
                      aria-label={`${t("checkin.undo")}: ${p.firstName} ${p.lastName}`}
                    >
                      {t("checkin.undo")}
                    </button>
                  ) : (
                    <button
                      type="submit"
                      name="intent"
                      value="checkin"
                      className="button button--small"
                      aria-label={`${t("checkin.mark")}: ${p.firstName} ${p.lastName}`}
                    >
                      {t("checkin.mark")}
                    </button>
                  )}
                </SafeForm>
              )}
            </li>
          ))}
        </ul>
      )}
      <h2>{t("checkin.documents")}</h2>
      <ul>
        <li>
          <a href={`/verwaltung/konferenzen/${year}/namensschilder.pdf`} download>
            {t("checkin.badges")}
          </a>
        </li>
        <li>
          <a href={`/verwaltung/konferenzen/${year}/bescheinigungen.zip`} download>
            {t("checkin.certificates")}
          </a>
        </li>
      </ul>
    </>
  );
}
