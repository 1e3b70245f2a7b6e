import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { SafeForm } from "~/components/form";
import { pageTitle, useT } from "~/i18n/i18n";
import { InputFormFields } from "~/modules/discussion/input-form";
import { inputSchema } from "~/modules/discussion/discussion.schema";
import {
  canModerate,
  createInput,
  grantModerator,
  listExpertInputSlots,
  listModeratedConferences,
  listModerators,
  liveUrl,
  revokeModerator,
} from "~/modules/discussion/inputs.server";
import { generateDayCode, qrDataUrl } from "~/modules/conferences/day-code.server";
import styles from "~/styles/discussion.css?url";
import { requireUser } from "~/server/auth.server";
import { readForm, validateForm } from "~/server/form.server";
import { forbidden, notFound } from "~/server/http.server";
import { toBerlinLocalInput } from "~/utils/time";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction = ({ matches }) => [
  pageTitle(matches, "discussion.admin.title", "admin"),
  { name: "referrer", content: "same-origin" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const list = await listModeratedConferences(user);
  const organiser = user.role === "organiser";
  const conferences = await Promise.all(
    list.map(async (c) => {
      const [slots, moderators] = await Promise.all([
        listExpertInputSlots(c.id),
        organiser ? listModerators(c.id) : Promise.resolve([]),
      ]);
      const url = c.dayCode ? liveUrl(c.dayCode) : null;
      const firstInput = slots[0];
      return {
        ...c,
        url,
        qr: url ? await qrDataUrl(url) : null,
        moderators,
        slots: slots.map((s) => ({ id: s.id, title: s.title, startsAt: s.startsAt })),
        defaults: firstInput
          ? {
              agendaItemId: firstInput.id,
              title: firstInput.title.replace(/^Fachinput:\s*/, ""),
              speakers: firstInput.speakers
                .split(";")
                .map((s) => s.trim())
                .filter(Boolean)
                .join("\n"),
              questionsOpenAt: toBerlinLocalInput(new Date(firstInput.startsAt.getTime() - 15 * 60_000)),
              questionsCloseAt: toBerlinLocalInput(
                new Date((firstInput.endsAt ?? firstInput.startsAt).getTime() + 45 * 60_000),
              ),
            }
          : {},
      };
    }),
  );
  return { organiser, conferences };
}

const conferenceIdSchema = z.object({
  intent: z.enum(["dayCode", "create", "grant", "revoke"]),
  conferenceId: z.uuid(),
});
const revokeSchema = z.object({ userId: z.uuid() });
const grantSchema = z.object({ email: z.string().trim().min(1, "errors.required").max(254) });

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await readForm(request, context);
  const ids = validateForm(form, conferenceIdSchema);
  if (!ids.ok) notFound();
  const { conferenceId, intent } = ids.data;
  if (!(await canModerate(user, conferenceId))) notFound();
  // Creating inputs, day codes and moderators is the organisers' part; moderators moderate.
  if (user.role !== "organiser") forbidden();
  switch (intent) {
    case "dayCode":
      await generateDayCode(conferenceId);
      return data({ intent: "dayCode", conferenceId, ok: true as const });
    case "create": {
      const parsed = validateForm(form, inputSchema);
      if (!parsed.ok)
        return data(
          { intent: "create", conferenceId, ok: false as const, errors: parsed.errors, values: parsed.values },
          { status: 400 },
        );
      const input = await createInput(conferenceId, parsed.data);
      throw redirect(`/verwaltung/fachinputs/${input.id}`);
    }
    case "grant": {
      const parsed = validateForm(form, grantSchema);
      if (!parsed.ok)
        return data(
          { intent: "grant", conferenceId, ok: false as const, errors: parsed.errors, values: parsed.values },
          { status: 400 },
        );
      const result = await grantModerator({ conferenceId, email: parsed.data.email, grantedBy: user.id });
      if (!result.ok)
        return data(
          {
            intent: "grant",
            conferenceId,
            ok: false as const,
            errors: { email: "discussion.mod.unknownUser" as const },
            values: parsed.values,
          },
          { status: 400 },
        );
      return data({ intent: "grant", conferenceId, ok: true as const });
    }
    case "revoke": {
      const revoke = validateForm(form, revokeSchema);
      if (!revoke.ok) notFound();
      await revokeModerator({ conferenceId, userId: revoke.data.userId });
      return data({ intent: "revoke", conferenceId, ok: true as const });
    }
    default:
      notFound();
  }
}

export default function DiscussionAdmin() {
  const t = useT();
  const { organiser, conferences } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="mod">
      <h1>{t("discussion.admin.title")}</h1>
      <p>{t("discussion.admin.lead")}</p>
      {conferences.length === 0 ? <p>{t("discussion.admin.none")}</p> : null}
      {conferences.map((c) => {
        const mine = actionData && actionData.conferenceId === c.id ? actionData : undefined;
        const failed = mine && !mine.ok ? mine : undefined;
        return (
          <section key={c.id} aria-labelledby={`conf-${c.id}`} className="card">
            <h2 id={`conf-${c.id}`} className="card__title">
              {c.title}
            </h2>
            {mine?.ok ? (
              <p className="notice" role="status">
                {t("discussion.admin.saved")}
              </p>
            ) : null}

            <h3>{t("discussion.inputs")}</h3>
            {c.inputs.length === 0 ? (
              <p>{t("discussion.admin.noInputs")}</p>
            ) : (
              <ul>
                {c.inputs.map((i) => (
                  <li key={i.id}>
                    <Link to={`/verwaltung/fachinputs/${i.id}`}>{i.title}</Link> (
                    {i.moderation === "pre" ? t("discussion.mod.mode.pre") : t("discussion.mod.mode.post")})
                  </li>
                ))}
              </ul>
            )}

            <h3>{t("discussion.admin.dayCode")}</h3>
            {c.dayCode && c.qr ? (
              <div className="mod-qr">
                <img src={c.qr} alt={t("discussion.admin.dayCode.qr", { code: c.dayCode })} width={160} height={160} />
                <div>
                  <p className="mod-code">{c.dayCode}</p>
                  <p>
                    {t("discussion.admin.dayCode.link")}: <a href={`/live/${c.dayCode}`}>{c.url}</a>
                  </p>
                </div>
              </div>
            ) : (
              <p>{t("discussion.admin.dayCode.none")}</p>
            )}
            {organiser ? (
              <SafeForm>
                <input type="hidden" name="intent" value="dayCode" />
                <input type="hidden" name="conferenceId" value={c.id} />
                <p className="field__hint">{t("discussion.admin.dayCode.hint")}</p>
                <button type="submit" className="button button--secondary">
                  {c.dayCode ? t("discussion.admin.dayCode.renew") : t("discussion.admin.dayCode.generate")}
                </button>
              </SafeForm>
            ) : null}

            {organiser ? (
              <>
                <details open={failed?.intent === "create"}>
                  <summary>
                    <strong>{t("discussion.admin.create")}</strong>
                  </summary>
                  <SafeForm className="stack">
                    <input type="hidden" name="intent" value="create" />
                    <input type="hidden" name="conferenceId" value={c.id} />
                    <InputFormFields
                      idPrefix={`new-${c.id}`}
                      slots={c.slots}
                      values={failed?.intent === "create" ? failed.values : c.defaults}
                      errors={failed?.intent === "create" ? failed.errors : undefined}
                    />
                    <button type="submit" className="button">
                      {t("discussion.admin.create")}
                    </button>
                  </SafeForm>
                </details>

                <h3>{t("discussion.mod.moderators")}</h3>
                <p>{t("discussion.mod.moderatorsLead")}</p>
                {c.moderators.length === 0 ? (
                  <p>{t("discussion.mod.moderatorsNone")}</p>
                ) : (
                  <ul>
                    {c.moderators.map((m) => (
                      <li key={m.userId}>
                        {m.name} ({m.email}){" "}
                        <SafeForm className="inline-form">
                          <input type="hidden" name="intent" value="revoke" />
                          <input type="hidden" name="conferenceId" value={c.id} />
                          <input type="hidden" name="userId" value={m.userId} />
                          <button type="submit" className="button button--small button--secondary">
                            {t("discussion.mod.revoke")}
                            <span className="visually-hidden">: {m.name}</span>
                          </button>
                        </SafeForm>
                      </li>
                    ))}
                  </ul>
                )}
                <SafeForm className="stack">
                  <input type="hidden" name="intent" value="grant" />
                  <input type="hidden" name="conferenceId" value={c.id} />
                  <div className={failed?.intent === "grant" ? "field field--error" : "field"}>
                    <label htmlFor={`grant-${c.id}`}>
                      {t("discussion.mod.grantEmail")} <span className="field__req">({t("form.required")})</span>
                    </label>
                    {failed?.intent === "grant" && failed.errors.email ? (
                      <p className="field__error" id={`grant-${c.id}-error`}>
                        {t(failed.errors.email)}
                      </p>
                    ) : null}
                    <input
                      id={`grant-${c.id}`}
                      name="email"
                      type="email"
                      required
                      autoComplete="off"
                      defaultValue={failed?.intent === "grant" ? failed.values.email : ""}
                      aria-describedby={failed?.intent === "grant" ? `grant-${c.id}-error` : undefined}
                      aria-invalid={failed?.intent === "grant" ? true : undefined}
                    />
                  </div>
                  <button type="submit" className="button button--secondary">
                    {t("discussion.mod.grant")}
                  </button>
                </SafeForm>
              </>
            ) : null}
          </section>
        );
      })}
    </div>
  );
}
