import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import type { FormErrors } from "~/components/form";
import type { MessageKey } from "~/i18n/catalog";
import { pageTitle, useT } from "~/i18n/i18n";
import { retentionSettings } from "~/modules/privacy/retention.server";
import { OrganiserRegistrationForm } from "~/modules/registrations/organiser-ui";
import { organiserAddSchema } from "~/modules/registrations/organiser.schema";
import { getAvailability } from "~/modules/registrations/seats.server";
import { organiserMayRegister, registerByOrganiser } from "~/modules/registrations/by-organiser.server";
import { registrationLinks } from "~/modules/registrations/ui";
import { formValues, invalid, parseForm } from "~/server/form.server";
import { requireOrganiserConference } from "~/server/organiser.server";

export const links = registrationLinks;
export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "participants.add", "admin")];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { conference } = await requireOrganiserConference(request, params.year);
  const availability = await getAvailability(conference.id);
  return {
    conference: { year: conference.year, title: conference.title },
    open: organiserMayRegister(conference),
    forums: availability.forums,
    specialDays: retentionSettings().specialCategoryDays,
  };
}

/** Refusals of the domain, as the German message next to the field concerned. */
const REFUSALS: Record<"duplicate" | "forumFull" | "unknownForum" | "closed", [field: string, message: MessageKey]> = {
  duplicate: ["email", "participants.hand.errors.duplicate"],
  forumFull: ["forumId", "participants.hand.errors.forumFull"],
  unknownForum: ["forumId", "registration.errors.forum"],
  closed: ["_form", "participants.hand.closed"],
};

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, conference } = await requireOrganiserConference(request, params.year);
  const result = await parseForm(request, context, organiserAddSchema);
  if (!result.ok) return invalid(result);
  const outcome = await registerByOrganiser({ conferenceId: conference.id, data: result.data, actor: user });
  if (!outcome.ok) {
    const [field, message] = REFUSALS[outcome.reason];
    return data(
      { ok: false as const, errors: { [field]: message }, values: formValues(result.form) },
      { status: outcome.reason === "closed" ? 409 : 400 },
    );
  }
  throw redirect(
    `/verwaltung/konferenzen/${conference.year}/teilnehmende/${outcome.registrationId}?neu=${outcome.outcome}`,
  );
}

export default function AddParticipant() {
  const t = useT();
  const { conference, open, forums, specialDays } = useLoaderData<typeof loader>();
  const acted = useActionData<typeof action>();
  const back = `/verwaltung/konferenzen/${conference.year}/teilnehmende`;
  return (
    <div className="prose">
      <p>
        <Link to={back}>{t("participants.backToList")}</Link>
      </p>
      <h1>{t("participants.add")}</h1>
      <p className="lead">{conference.title}</p>
      {open ? (
        <>
          <p>{t("participants.hand.addLead")}</p>
          <OrganiserRegistrationForm
            intent="add"
            values={acted?.values ?? {}}
            errors={acted?.errors as FormErrors | undefined}
            forums={forums}
            specialDays={specialDays}
            submitLabel={t("participants.hand.submit")}
          />
        </>
      ) : (
        <p className="notice notice--warn">{t("participants.hand.closed")}</p>
      )}
    </div>
  );
}
