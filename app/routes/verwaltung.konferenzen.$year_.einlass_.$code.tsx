import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { SafeForm } from "~/components/form";
import { pageTitle, useT } from "~/i18n/i18n";
import { checkIn, getAttendee, verifyCheckinCode } from "~/modules/attendance/checkin.server";
import { getConferenceByYear } from "~/modules/attendance/documents.server";
import { requireOrganiser } from "~/server/auth.server";
import { readForm } from "~/server/form.server";
import { notFound } from "~/server/http.server";

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "checkin.codeTitle", "admin")];

// A scanned QR code lands here: GET shows who it is, the POST checks them in.
async function load(request: Request, params: LoaderFunctionArgs["params"]) {
  const user = await requireOrganiser(request);
  const conference = await getConferenceByYear(Number(params.year));
  if (!conference) notFound();
  const id = verifyCheckinCode(params.code ?? "");
  const person = id ? await getAttendee(conference.id, id) : null;
  return { user, conference, person };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { conference, person } = await load(request, params);
  return {
    year: conference.year,
    person: person
      ? {
          firstName: person.firstName,
          lastName: person.lastName,
          organisation: person.organisation,
          checkedIn: Boolean(person.checkedInAt),
          status: person.status,
        }
      : null,
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, conference, person } = await load(request, params);
  const form = await readForm(request, context);
  if (!person) notFound();
  const outcome = await checkIn({
    conferenceId: conference.id,
    registrationId: person.id,
    actor: user,
    confirmOutsideDay: form.get("confirmOutsideDay") === "on",
  });
  // Not the conference day: nothing happened; the page asks for the explicit confirmation.
  if (outcome === "outsideDay") return data({ outsideDay: true }, { status: 409 });
  return redirect(`/verwaltung/konferenzen/${conference.year}/einlass?q=${encodeURIComponent(person.lastName)}`);
}

export default function CheckinCode() {
  const t = useT();
  const { year, person } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const name = person ? `${person.firstName} ${person.lastName}` : "";
  return (
    <>
      <h1>{t("checkin.codeTitle")}</h1>
      {!person ? (
        <p className="notice notice--warn" role="alert">
          {t("checkin.codeInvalid")}
        </p>
      ) : (
        <>
          <p className="card__title">
            {person.firstName} {person.lastName}
          </p>
          {person.organisation ? <p>{person.organisation}</p> : null}
          {person.status !== "confirmed" ? (
            <p className="notice notice--warn">{t("checkin.notConfirmed")}</p>
          ) : person.checkedIn ? (
            <p className="notice">{t("checkin.already", { name: `${person.firstName} ${person.lastName}` })}</p>
          ) : (
            <SafeForm>
              {result?.outsideDay ? (
                <div className="notice notice--warn" role="alert">
                  <p>{t("checkin.outsideDay", { name })}</p>
                  <input type="hidden" name="confirmOutsideDay" value="on" />
                  <button type="submit" className="button">
                    {t("checkin.confirmOutsideDay", { name })}
                  </button>
                </div>
              ) : (
                <button type="submit" className="button">
                  {t("checkin.mark")}
                </button>
              )}
            </SafeForm>
          )}
        </>
      )}
      <p>
        <Link to={`/verwaltung/konferenzen/${year}/einlass`}>{t("checkin.title", { year })}</Link>
      </p>
    </>
  );
}
