import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import {
  ErrorSummary,
  Field,
  type FormErrors,
  SafeForm,
  TableWrap,
  SelectField,
  TextareaField,
} from "~/components/form";
import type { MessageKey } from "~/i18n/catalog";
import { pageTitle, useLocale, useT } from "~/i18n/i18n";
import {
  addAgendaItem,
  deleteAgendaItem,
  deleteForum,
  getConferenceForAdmin,
  saveForum,
  updateConference,
} from "~/modules/conferences/admin.server";
import {
  AGENDA_KINDS,
  agendaSchema,
  conferenceSchema,
  deleteSchema,
  forumSchema,
} from "~/modules/conferences/conference.schema";
import { ConferenceForm } from "~/modules/conferences/ui";
import { getAvailability } from "~/modules/registrations/seats.server";
import { requireOrganiser } from "~/server/auth.server";
import { formValues, invalid, parseForm } from "~/server/form.server";
import { notFound } from "~/server/http.server";
import { formatTimeRange, toBerlinLocalInput } from "~/utils/time";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(
    matches,
    data ? (t) => t("admin.conferences.edit", { title: data.conference.title }) : "admin.conferences",
    "admin",
  ),
];

async function load(request: Request, yearParam: string | undefined) {
  const user = await requireOrganiser(request);
  const year = Number(yearParam);
  if (!Number.isInteger(year)) notFound();
  const found = await getConferenceForAdmin(year);
  if (!found) notFound();
  return { ...found, user };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { conference: c, forums, agenda } = await load(request, params.year);
  const availability = await getAvailability(c.id);
  const local = (d: Date | null) => (d ? toBerlinLocalInput(d) : "");
  return {
    conference: { id: c.id, year: c.year, title: c.title, status: c.status },
    values: {
      year: String(c.year),
      title: c.title,
      description: c.description,
      startsAt: local(c.startsAt),
      endsAt: local(c.endsAt),
      venueName: c.venueName,
      venueAddress: c.venueAddress,
      venueAccessibility: c.venueAccessibility,
      capacity: String(c.capacity),
      registrationOpensAt: local(c.registrationOpensAt),
      registrationClosesAt: local(c.registrationClosesAt),
      status: c.status,
      holdHours: String(c.holdHours),
      reminderDaysBefore: String(c.reminderDaysBefore),
    },
    forums: forums.map((f) => ({ ...f, taken: availability.forums.find((a) => a.id === f.id)?.taken ?? 0 })),
    agenda,
    defaultAgendaStart: local(c.startsAt),
  };
}

const schema = z.discriminatedUnion("intent", [conferenceSchema, forumSchema, agendaSchema, deleteSchema]);

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { conference, user } = await load(request, params.year);
  const result = await parseForm(request, context, schema);
  if (!result.ok)
    return data(
      { ok: false as const, intent: String(result.values.intent ?? ""), errors: result.errors, values: result.values },
      { status: 400 },
    );
  const input = result.data;
  switch (input.intent) {
    case "conference": {
      const saved = await updateConference(conference.id, input, new Date(), user);
      if (!saved.ok)
        return invalid({ errors: { year: "conference.errors.yearTaken" }, values: formValues(result.form) });
      throw redirect(`/verwaltung/konferenzen/${saved.year}?gespeichert=1`);
    }
    case "forum":
      await saveForum(conference.id, input);
      break;
    case "deleteForum":
      await deleteForum(conference.id, input.id);
      break;
    case "agenda":
      await addAgendaItem(conference.id, input);
      break;
    case "deleteAgenda":
      await deleteAgendaItem(conference.id, input.id);
      break;
  }
  throw redirect(`/verwaltung/konferenzen/${conference.year}?gespeichert=1`);
}

export default function EditConference() {
  const t = useT();
  const locale = useLocale();
  const { conference, values, forums, agenda, defaultAgendaStart } = useLoaderData<typeof loader>();
  const acted = useActionData<typeof action>();
  const [params] = useSearchParams();
  const intent = acted && "intent" in acted ? acted.intent : acted ? "conference" : "";
  const errorsFor = (name: string) =>
    acted && !acted.ok && intent === name ? (acted.errors as FormErrors) : undefined;
  const valuesFor = (name: string) => (acted && !acted.ok && intent === name ? acted.values : undefined);
  const agendaValues = valuesFor("agenda") ?? {};
  const agendaErrors = errorsFor("agenda");
  const newForum = valuesFor("forum") ?? {};
  const forumErrors = errorsFor("forum");
  return (
    <>
      <h1>{t("admin.conferences.edit", { title: conference.title })}</h1>
      {params.has("gespeichert") && !acted ? (
        <p className="notice" role="status">
          {t("form.saved")}
        </p>
      ) : null}
      <p>
        <Link to={`/konferenzen/${conference.year}`}>{t("admin.conferences.public")}</Link>
      </p>
      <p>
        <Link className="button button--secondary" to={`/verwaltung/konferenzen/${conference.year}/teilnehmende`}>
          {t("participants.link")}
        </Link>{" "}
        <Link className="button button--secondary" to={`/verwaltung/konferenzen/${conference.year}/einlass`}>
          {t("checkin.title", { year: conference.year })}
        </Link>{" "}
        <Link className="button button--secondary" to={`/verwaltung/konferenzen/${conference.year}/statistik`}>
          {t("stats.link")}
        </Link>
      </p>
      <ConferenceForm
        values={valuesFor("conference") ?? values}
        errors={errorsFor("conference")}
        submitLabel={t("admin.conference.save")}
      />

      <section aria-labelledby="forums-title">
        <h2 id="forums-title">{t("admin.forums.title")}</h2>
        {forums.map((f) => (
          <div key={f.id} className="card">
            <SafeForm className="stack" aria-label={f.title}>
              <input type="hidden" name="intent" value="forum" />
              <input type="hidden" name="forumId" value={f.id} />
              <Field
                name="title"
                id={`forum-${f.id}-title`}
                label={t("admin.forums.name")}
                required
                defaultValue={f.title}
              />
              <TextareaField
                rows={4}
                name="description"
                id={`forum-${f.id}-description`}
                label={t("admin.forums.description")}
                defaultValue={f.description}
              />
              <Field
                name="capacity"
                id={`forum-${f.id}-capacity`}
                label={t("admin.forums.capacity")}
                type="number"
                min={1}
                required
                defaultValue={String(f.capacity)}
                hint={t("admin.forums.seats", { taken: f.taken, capacity: f.capacity })}
              />
              <Field
                name="position"
                id={`forum-${f.id}-position`}
                label={t("admin.forums.position")}
                type="number"
                min={0}
                defaultValue={String(f.position)}
              />
              <button type="submit" className="button button--secondary">
                {t("admin.forums.save")}
              </button>
            </SafeForm>
            <SafeForm>
              <input type="hidden" name="intent" value="deleteForum" />
              <input type="hidden" name="id" value={f.id} />
              <button type="submit" className="button button--small button--secondary">
                {t("admin.forums.delete")}: {f.title}
              </button>
            </SafeForm>
          </div>
        ))}
        <h3>{t("admin.forums.add")}</h3>
        <ErrorSummary
          errors={forumErrors}
          labels={{ title: t("admin.forums.name"), capacity: t("admin.forums.capacity") }}
        />
        <SafeForm className="stack card" noValidate>
          <input type="hidden" name="intent" value="forum" />
          <input type="hidden" name="forumId" value="" />
          <Field
            name="title"
            id="new-forum-title"
            label={t("admin.forums.name")}
            required
            defaultValue={newForum.title}
            error={forumErrors?.title}
          />
          <TextareaField
            rows={4}
            name="description"
            id="new-forum-description"
            label={t("admin.forums.description")}
            defaultValue={newForum.description}
            error={forumErrors?.description}
          />
          <Field
            name="capacity"
            id="new-forum-capacity"
            label={t("admin.forums.capacity")}
            type="number"
            min={1}
            required
            defaultValue={newForum.capacity}
            error={forumErrors?.capacity}
          />
          <Field
            name="position"
            id="new-forum-position"
            label={t("admin.forums.position")}
            type="number"
            min={0}
            defaultValue={newForum.position ?? String(forums.length + 1)}
          />
          <button type="submit" className="button button--secondary">
            {t("admin.forums.add")}
          </button>
        </SafeForm>
      </section>

      <section aria-labelledby="agenda-admin-title">
        <h2 id="agenda-admin-title">{t("admin.agenda.title")}</h2>
        {agenda.length === 0 ? (
          <p>{t("admin.agenda.empty")}</p>
        ) : (
          <TableWrap label={t("admin.agenda.title")}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("admin.agenda.startsAt")}</th>
                  <th scope="col">{t("admin.agenda.name")}</th>
                  <th scope="col">{t("admin.agenda.kind")}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t("admin.agenda.delete")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {agenda.map((a) => (
                  <tr key={a.id}>
                    <td>{formatTimeRange(a.startsAt, a.endsAt, locale)}</td>
                    <td>
                      {a.title}
                      {a.speakers ? (
                        <>
                          <br />
                          <small>{a.speakers}</small>
                        </>
                      ) : null}
                    </td>
                    <td>{t(`agenda.kind.${a.kind}` as MessageKey)}</td>
                    <td>
                      <SafeForm>
                        <input type="hidden" name="intent" value="deleteAgenda" />
                        <input type="hidden" name="id" value={a.id} />
                        <button type="submit" className="button button--small button--secondary">
                          {t("admin.agenda.delete")}
                          <span className="visually-hidden">: {a.title}</span>
                        </button>
                      </SafeForm>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
        <h3>{t("admin.agenda.add")}</h3>
        <ErrorSummary
          errors={agendaErrors}
          labels={{
            startsAt: t("admin.agenda.startsAt"),
            endsAt: t("admin.agenda.endsAt"),
            title: t("admin.agenda.name"),
            kind: t("admin.agenda.kind"),
          }}
        />
        <SafeForm className="stack card" noValidate>
          <input type="hidden" name="intent" value="agenda" />
          <Field
            name="startsAt"
            id="agenda-startsAt"
            label={t("admin.agenda.startsAt")}
            type="datetime-local"
            required
            defaultValue={agendaValues.startsAt ?? defaultAgendaStart}
            error={agendaErrors?.startsAt}
          />
          <Field
            name="endsAt"
            id="agenda-endsAt"
            label={t("admin.agenda.endsAt")}
            type="datetime-local"
            defaultValue={agendaValues.endsAt}
            error={agendaErrors?.endsAt}
          />
          <Field
            name="title"
            id="agenda-title"
            label={t("admin.agenda.name")}
            required
            defaultValue={agendaValues.title}
            error={agendaErrors?.title}
          />
          <SelectField
            name="kind"
            label={t("admin.agenda.kind")}
            required
            defaultValue={agendaValues.kind}
            error={agendaErrors?.kind}
            options={AGENDA_KINDS.map((k) => ({ value: k, label: t(`agenda.kind.${k}` as MessageKey) }))}
          />
          <Field
            name="speakers"
            id="agenda-speakers"
            label={t("admin.agenda.speakers")}
            defaultValue={agendaValues.speakers}
          />
          <SelectField
            name="forumId"
            label={t("admin.agenda.forum")}
            defaultValue={agendaValues.forumId ?? ""}
            options={[
              { value: "", label: t("admin.agenda.noForum") },
              ...forums.map((f) => ({ value: f.id, label: f.title })),
            ]}
          />
          <button type="submit" className="button button--secondary">
            {t("admin.agenda.add")}
          </button>
        </SafeForm>
      </section>
    </>
  );
}
