import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import type { FormErrors } from "~/components/form";
import type { MessageKey } from "~/i18n/catalog";
import { pageTitle, useLocale, useT } from "~/i18n/i18n";
import { retentionSettings } from "~/modules/privacy/retention.server";
import { OrganiserRegistrationForm } from "~/modules/registrations/organiser-ui";
import { getParticipant } from "~/modules/registrations/participants.server";
import { organiserEditSchema } from "~/modules/registrations/organiser.schema";
import { getAvailability, LIVE_STATUSES } from "~/modules/registrations/seats.server";
import { updateByOrganiser } from "~/modules/registrations/by-organiser.server";
import { registrationLinks } from "~/modules/registrations/ui";
import { formValues, invalid, parseForm } from "~/server/form.server";
import { notFound } from "~/server/http.server";
import { requireOrganiserConference } from "~/server/organiser.server";
import { formatDateTime } from "~/utils/time";

export const links = registrationLinks;
export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(
    matches,
    data ? (t) => t("title.participantEdit", { year: data.conference.year }) : "admin.conferences",
    "admin",
  ),
];

async function load(request: Request, params: LoaderFunctionArgs["params"]) {
  const found = await requireOrganiserConference(request, params.year);
  const participant = await getParticipant(found.conference.id, params.id ?? "");
  if (!participant) notFound();
  return { ...found, participant };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { conference, participant } = await load(request, params);
  const availability = await getAvailability(conference.id);
  return {
    conference: { year: conference.year, title: conference.title },
    participant,
    live: (LIVE_STATUSES as readonly string[]).includes(participant.status),
    forums: availability.forums,
    specialDays: retentionSettings().specialCategoryDays,
  };
}

const REFUSALS: Record<"duplicate" | "forumFull" | "unknownForum", [field: string, message: MessageKey]> = {
  duplicate: ["email", "participants.hand.errors.duplicate"],
  forumFull: ["forumId", "participants.hand.errors.forumFull"],
  unknownForum: ["forumId", "registration.errors.forum"],
};

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, conference, participant } = await load(request, params);
  const result = await parseForm(request, context, organiserEditSchema);
  if (!result.ok) return invalid(result);
  const outcome = await updateByOrganiser({
    conferenceId: conference.id,
    registrationId: participant.id,
    data: result.data,
    actor: user,
  });
  if (!outcome.ok) {
    if (outcome.reason === "unknown") notFound();
    const [field, message] = REFUSALS[outcome.reason];
    return data({ ok: false as const, errors: { [field]: message }, values: formValues(result.form) }, { status: 400 });
  }
  throw redirect(
    `/verwaltung/konferenzen/${conference.year}/teilnehmende/${participant.id}?${outcome.changed.length ? "gespeichert" : "unveraendert"}=1`,
  );
}

export default function EditParticipant() {
  const t = useT();
  const locale = useLocale();
  const { conference, participant: p, live, forums, specialDays } = useLoaderData<typeof loader>();
  const acted = useActionData<typeof action>();
  const [params] = useSearchParams();
  const base = `/verwaltung/konferenzen/${conference.year}/teilnehmende`;
  const added = params.get("neu");
  const notice = acted
    ? null
    : added === "confirmed" || added === "waitlisted"
      ? t(`participants.hand.done.${added}`, { name: p.name })
      : params.has("gespeichert")
        ? t("form.saved")
        : params.has("unveraendert")
          ? t("participants.hand.unchanged")
          : params.has("abgemeldet")
            ? t("participants.hand.cancelled")
            : null;
  return (
    <div className="prose">
      <p>
        <Link to={base}>{t("participants.backToList")}</Link>
      </p>
      <h1>{t("participants.hand.editTitle", { name: p.name })}</h1>
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      <section aria-labelledby="facts-title" className="card">
        <h2 id="facts-title">{t("participants.hand.facts")}</h2>
        <dl className="reg-dl">
          <dt>{t("participants.status")}</dt>
          <dd>
            {p.status === "waitlisted"
              ? t("participants.hand.waitlistRank", { position: p.position })
              : t(`registration.status.${p.status}` as MessageKey)}
          </dd>
          <dt>{t("participants.hand.registeredAt")}</dt>
          <dd>{formatDateTime(p.createdAt, locale)}</dd>
          {p.confirmedAt ? (
            <>
              <dt>{t("participants.hand.confirmedAt")}</dt>
              <dd>{formatDateTime(p.confirmedAt, locale)}</dd>
            </>
          ) : null}
          {p.checkedInAt ? (
            <>
              <dt>{t("participants.hand.checkedInAt")}</dt>
              <dd>{formatDateTime(p.checkedInAt, locale)}</dd>
            </>
          ) : null}
        </dl>
        {live ? (
          <p>
            <Link to={`${base}/${p.id}/abmelden`}>{t("participants.hand.cancel")}</Link>
          </p>
        ) : (
          <p>{t("participants.hand.ended")}</p>
        )}
        <p>
          <Link to={`${base}/${p.id}/loeschen`}>
            {t("participants.delete.linkNamed", { name: `${p.values.firstName} ${p.values.lastName}` })}
          </Link>
        </p>
      </section>
      <p>{t("participants.hand.editLead")}</p>
      <OrganiserRegistrationForm
        intent="edit"
        values={acted?.values ?? p.values}
        errors={acted?.errors as FormErrors | undefined}
        forums={forums}
        specialDays={specialDays}
        submitLabel={t("participants.hand.save")}
      />
    </div>
  );
}
