import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, type ShouldRevalidateFunction } from "@remix-run/react";
import { SafeForm } from "~/components/form";
import type { MessageKey } from "~/i18n/catalog";
import { pageTitle, useT } from "~/i18n/i18n";
import { getAttendee } from "~/modules/attendance/checkin.server";
import { getConferenceForAdmin } from "~/modules/conferences/admin.server";
import { deleteRegistration } from "~/modules/registrations/manage.server";
import { requireOrganiser } from "~/server/auth.server";
import { readForm } from "~/server/form.server";
import { notFound } from "~/server/http.server";
import { isUuid } from "~/db/id";

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "participants.delete.title", "admin")];

// Art. 17 on request (by phone, letter, e-mail): GET shows whom it is about, the POST deletes.
async function load(request: Request, params: LoaderFunctionArgs["params"]) {
  const user = await requireOrganiser(request);
  const year = Number(params.year);
  const id = params.id;
  if (!Number.isInteger(year) || !isUuid(id)) notFound();
  const found = await getConferenceForAdmin(year);
  if (!found) notFound();
  return { user, conference: found.conference, person: await getAttendee(found.conference.id, id) };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { conference, person } = await load(request, params);
  if (!person) notFound();
  return {
    year: conference.year,
    person: {
      firstName: person.firstName,
      lastName: person.lastName,
      organisation: person.organisation,
      status: person.status,
    },
  };
}

// After the deletion the loader would answer 404: keep the answer on screen.
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionResult, defaultShouldRevalidate }) =>
  (actionResult as { deleted?: boolean } | undefined)?.deleted ? false : defaultShouldRevalidate;

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, conference, person } = await load(request, params);
  await readForm(request, context);
  if (!person || !(await deleteRegistration(person.id, { byOrganiser: { actor: user, conferenceId: conference.id } })))
    notFound();
  return { deleted: true };
}

export default function DeleteParticipant() {
  const t = useT();
  const { year, person } = useLoaderData<typeof loader>();
  const acted = useActionData<typeof action>();
  const back = `/verwaltung/konferenzen/${year}/teilnehmende`;
  if (acted?.deleted) {
    return (
      <div className="narrow">
        <h1>{t("participants.delete.done")}</h1>
        <p className="notice" role="status">
          {t("participants.delete.doneLead")}
        </p>
        <p>
          <Link to={back}>{t("participants.delete.back")}</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="narrow">
      <h1>{t("participants.delete.title")}</h1>
      <p className="card__title">
        {person.firstName} {person.lastName}
      </p>
      {person.organisation ? <p>{person.organisation}</p> : null}
      <p>{t(`registration.status.${person.status}` as MessageKey)}</p>
      <p>{t("participants.delete.lead")}</p>
      <SafeForm className="reg-actions">
        <button type="submit" className="button button--danger">
          {t("participants.delete.submit")}
        </button>
        <Link to={back}>{t("participants.delete.back")}</Link>
      </SafeForm>
    </div>
  );
}
