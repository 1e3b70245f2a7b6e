import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
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
  await readForm(request, context);
  if (!person) notFound();
  await checkIn({ conferenceId: conference.id, registrationId: person.id, actor: user });
  return redirect(`/verwaltung/konferenzen/${conference.year}/einlass?q=${encodeURIComponent(person.lastName)}`);
}

export default function CheckinCode() {
  const t = useT();
  const { year, person } = useLoaderData<typeof loader>();
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
              <button type="submit" className="button">
                {t("checkin.mark")}
              </button>
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
