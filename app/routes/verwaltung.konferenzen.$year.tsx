import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useLocation, useSearchParams } from "@remix-run/react";
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
  getConferenceForAdmin,
  saveForum,
  updateAgendaItem,
  updateConference,
} from "~/modules/conferences/admin.server";
import { previewConferenceDescription } from "~/modules/conferences/description.server";
import { AGENDA_KINDS, agendaSchema, conferenceSchema, forumSchema } from "~/modules/conferences/conference.schema";
import { ConferenceForm, PREVIEW_INTENT } from "~/modules/conferences/ui";
import { getAvailability } from "~/modules/registrations/seats.server";
import { requireOrganiser } from "~/server/auth.server";
import { formValues, invalid, readForm, validateForm } from "~/server/form.server";
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
    agenda: agenda.map((a) => ({
      ...a,
      forumTitle: forums.find((f) => f.id === a.forumId)?.title ?? null,
      values: {
        agendaId: a.id,
        startsAt: local(a.startsAt),
        endsAt: local(a.endsAt),
        title: a.title,
        kind: a.kind,
        speakers: a.speakers,
        forumId: a.forumId ?? "",
      },
    })),
    defaultAgendaStart: local(c.startsAt),
  };
}

const schema = z.discriminatedUnion("intent", [conferenceSchema, forumSchema, agendaSchema]);

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { conference, user } = await load(request, params.year);
  const form = await readForm(request, context);
  if (form.get("intent") === PREVIEW_INTENT) {
    // "Vorschau" of the description: nothing is saved, the whole form comes back as typed.
    const preview = previewConferenceDescription(String(form.get("description") ?? ""));
    const values: Record<string, string> = { ...formValues(form), intent: "conference" };
    if ("error" in preview)
      return data(
        { ok: false as const, intent: "conference", errors: { description: preview.error }, values },
        { status: 400 },
      );
    return { ok: false as const, intent: "conference", errors: {}, values, previewHtml: preview.html };
  }
  const result = validateForm(form, schema);
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
      if (!(await saveForum(conference.id, input, new Date(), user))) notFound();
      break;
    case "agenda": {
      const { intent: _i, agendaId, ...item } = input;
      if (agendaId) {
        if (!(await updateAgendaItem(conference.id, agendaId, item, user))) notFound();
      } else await addAgendaItem(conference.id, item, user);
      break;
    }
  }
  // Post-redirect-get: the add forms come back empty (with JS they are keyed by the location, see below).
  throw redirect(`/verwaltung/konferenzen/${conference.year}?gespeichert=1`);
}

export default function EditConference() {
  const t = useT();
  const locale = useLocale();
  const { conference, values, forums, agenda, defaultAgendaStart } = useLoaderData<typeof loader>();
  const acted = useActionData<typeof action>();
  const [params] = useSearchParams();
  // A new location (the redirect after a successful save) remounts the add forms, so they are empty again;
  // after a refused save the location stays and the input is kept.
  const { key: formKey } = useLocation();
  const intent = acted && "intent" in acted ? acted.intent : acted ? "conference" : "";
  const errorsFor = (name: string) =>
    acted && !acted.ok && intent === name ? (acted.errors as FormErrors) : undefined;
  const valuesFor = (name: string) => (acted && !acted.ok && intent === name ? acted.values : undefined);
  const failedAgenda = valuesFor("agenda");
  const editId = failedAgenda ? String(failedAgenda.agendaId ?? "") : (params.get("bearbeiten") ?? "");
  const editing = editId ? agenda.find((a) => a.id === editId) : undefined;
  const agendaValues: Record<string, string | undefined> = failedAgenda ?? editing?.values ?? {};
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
      {params.get("geloescht") === "programmpunkt" && !acted ? (
        <p className="notice" role="status">
          {t("admin.agenda.deleted")}
        </p>
      ) : null}
      {params.get("geloescht") === "forum" && !acted ? (
        <p className="notice" role="status">
          {t("admin.forums.deleted")}
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
        previewHtml={acted && "previewHtml" in acted ? acted.previewHtml : undefined}
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
            <p>
              <Link
                className="button button--small button--secondary"
                to={`/verwaltung/konferenzen/${conference.year}/foren/${f.id}/loeschen`}
              >
                {t("admin.forums.delete")}: {f.title}
              </Link>
            </p>
          </div>
        ))}
        <h3>{t("admin.forums.add")}</h3>
        <ErrorSummary
          errors={forumErrors}
          labels={{ title: t("admin.forums.name"), capacity: t("admin.forums.capacity") }}
        />
        <SafeForm key={`forum-${formKey}`} className="stack card" noValidate>
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
                  <th scope="col">{t("admin.agenda.forum")}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t("admin.agenda.actions")}</span>
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
                    <td>{a.forumTitle ?? "–"}</td>
                    <td>
                      <Link
                        className="button button--small button--secondary"
                        to={`?bearbeiten=${a.id}#agenda-form-title`}
                      >
                        {t("admin.agenda.edit")}
                        <span className="visually-hidden">: {a.title}</span>
                      </Link>{" "}
                      <Link
                        className="button button--small button--secondary"
                        to={`/verwaltung/konferenzen/${conference.year}/programm/${a.id}/loeschen`}
                      >
                        {t("admin.agenda.delete")}
                        <span className="visually-hidden">: {a.title}</span>
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
        <h3 id="agenda-form-title">{editing ? t("admin.agenda.editTitle") : t("admin.agenda.add")}</h3>
        <ErrorSummary
          errors={agendaErrors}
          labels={{
            startsAt: t("admin.agenda.startsAt"),
            endsAt: t("admin.agenda.endsAt"),
            title: t("admin.agenda.name"),
            kind: t("admin.agenda.kind"),
          }}
        />
        <SafeForm
          key={`agenda-${editing?.id ?? "new"}-${formKey}`}
          className="stack card"
          noValidate
          aria-labelledby="agenda-form-title"
        >
          <input type="hidden" name="intent" value="agenda" />
          <input type="hidden" name="agendaId" value={editing?.id ?? ""} />
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
          <div className="reg-actions">
            <button type="submit" className="button button--secondary">
              {editing ? t("admin.agenda.save") : t("admin.agenda.add")}
            </button>
            {editing ? <Link to={`/verwaltung/konferenzen/${conference.year}`}>{t("admin.agenda.cancel")}</Link> : null}
          </div>
        </SafeForm>
      </section>
    </>
  );
}
