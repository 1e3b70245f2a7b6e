import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation, useRevalidator } from "@remix-run/react";
import { useCallback, useEffect, useRef } from "react";
import { FileUpload } from "~/components/file-upload";
import { SafeForm } from "~/components/form";
import { useLiveChanges } from "~/components/live-stream";
import type { MessageKey } from "~/i18n/catalog";
import { pageTitle, useLocale, useT } from "~/i18n/i18n";
import { inputSchema, moderateSchema } from "~/modules/discussion/discussion.schema";
import { likesText } from "~/modules/discussion/format";
import { InputFormFields } from "~/modules/discussion/input-form";
import { canModerate, getInput, listExpertInputSlots, updateInput } from "~/modules/discussion/inputs.server";
import { getConferenceDayCode } from "~/modules/conferences/day-code.server";
import { listQuestionsForModeration, mergeQuestion, moderateQuestion } from "~/modules/discussion/questions.server";
import {
  createGoalDraftFromQuestion,
  goalDraftQuestionIds,
  getRecord,
  saveRecord,
} from "~/modules/discussion/records.server";
import { uploadErrorFromUrl, uploadLimitMb } from "~/server/uploads/http.server";
import styles from "~/styles/discussion.css?url";
import { requireUser } from "~/server/auth.server";
import { readForm, validateForm } from "~/server/form.server";
import { forbidden, notFound } from "~/server/http.server";
import { formatDateTime, toBerlinLocalInput } from "~/utils/time";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(
    matches,
    data ? (t) => t("title.moderation", { title: data.input.title }) : "discussion.admin.title",
    "admin",
  ),
  { name: "referrer", content: "same-origin" },
];

async function guard(request: Request, inputId: string | undefined) {
  const user = await requireUser(request);
  const input = await getInput(inputId ?? "");
  // Someone who may not moderate this conference gets 404: the input does not exist for them.
  if (!input || !(await canModerate(user, input.conferenceId))) notFound();
  return { user, input };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, input } = await guard(request, params.inputId);
  const [questions, record, drafts, dayCode, slots] = await Promise.all([
    listQuestionsForModeration(input.id),
    getRecord(input.id),
    goalDraftQuestionIds(input.id),
    getConferenceDayCode(input.conferenceId),
    listExpertInputSlots(input.conferenceId),
  ]);
  return {
    organiser: user.role === "organiser",
    dayCode,
    slides: {
      fileId: input.slidesFileId,
      error: uploadErrorFromUrl(request),
      uploaded: new URL(request.url).searchParams.has("hochgeladen"),
      maxMb: uploadLimitMb(),
    },
    input: {
      id: input.id,
      title: input.title,
      moderation: input.moderation,
      values: {
        title: input.title,
        speakers: input.speakers.map((s) => (s.role ? `${s.name}, ${s.role}` : s.name)).join("\n"),
        abstract: input.abstract,
        agendaItemId: input.agendaItemId ?? "",
        moderation: input.moderation,
        questionsOpenAt: input.questionsOpenAt ? toBerlinLocalInput(input.questionsOpenAt) : "",
        questionsCloseAt: input.questionsCloseAt ? toBerlinLocalInput(input.questionsCloseAt) : "",
      },
    },
    slots: slots.map((s) => ({ id: s.id, title: s.title, startsAt: s.startsAt })),
    questions,
    record: record ? { outcome: record.outcome, publishedAt: record.publishedAt } : null,
    drafts,
  };
}

type ActionResult = {
  ok: boolean;
  intent: string;
  errors?: Partial<Record<string, MessageKey>>;
  values?: Record<string, string>;
};

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, input } = await guard(request, params.inputId);
  const form = await readForm(request, context);
  if (form.get("intent") === "edit") {
    if (user.role !== "organiser") forbidden();
    const parsed = validateForm(form, inputSchema);
    if (!parsed.ok)
      return data<ActionResult>(
        { ok: false, intent: "edit", errors: parsed.errors, values: parsed.values },
        { status: 400 },
      );
    await updateInput(input.id, parsed.data);
    return data<ActionResult>({ ok: true, intent: "edit" });
  }
  const parsed = validateForm(form, moderateSchema);
  if (!parsed.ok)
    return data<ActionResult>(
      { ok: false, intent: parsed.intent ?? "", errors: parsed.errors, values: parsed.values },
      { status: 400 },
    );
  const cmd = parsed.data;
  let ok: boolean;
  switch (cmd.intent) {
    case "record":
      await saveRecord({ inputId: input.id, outcome: cmd.outcome, publish: cmd.publish === "on", userId: user.id });
      ok = true;
      break;
    case "merge":
      ok = await mergeQuestion({ inputId: input.id, questionId: cmd.questionId, targetId: cmd.targetId });
      break;
    case "toGoal":
      ok = (await createGoalDraftFromQuestion({ inputId: input.id, questionId: cmd.questionId, userId: user.id })).ok;
      break;
    default:
      ok = await moderateQuestion({ inputId: input.id, questionId: cmd.questionId, action: cmd.intent });
  }
  return data<ActionResult>({ ok, intent: cmd.intent }, { status: ok ? 200 : 409 });
}

type Question = ReturnType<typeof useLoaderData<typeof loader>>["questions"][number];

export default function ModerateInput() {
  const t = useT();
  const locale = useLocale();
  const { organiser, dayCode, slides, input, slots, questions, record, drafts } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const revalidator = useRevalidator();
  const navigation = useNavigation();
  // New questions from the room show up without a reload (the same stream as the room view).
  // A change that comes while the moderator's own action is under way waits for it: revalidating
  // then would restart its loading and lose the action's answer ("Erledigt.").
  const missed = useRef(false);
  const busy = navigation.state !== "idle" || revalidator.state !== "idle";
  const refresh = useCallback(() => {
    if (busy) missed.current = true;
    else revalidator.revalidate();
  }, [busy, revalidator]);
  useEffect(() => {
    if (busy || !missed.current) return;
    missed.current = false;
    revalidator.revalidate();
  }, [busy, revalidator]);
  useLiveChanges(dayCode ? `/live/${dayCode}/${input.id}/stream` : "", refresh);

  const live = questions.filter((q) => !q.mergedIntoId);
  const groups: { key: "pending" | "approved" | "answered" | "hidden"; title: MessageKey }[] = [
    { key: "pending", title: "discussion.mod.pending" },
    { key: "approved", title: "discussion.mod.approved" },
    { key: "answered", title: "discussion.mod.answered" },
    { key: "hidden", title: "discussion.mod.hidden" },
  ];
  const merged = questions.filter((q) => q.mergedIntoId);
  // A duplicate goes into a question the room already sees.
  const mergeTargets = live.filter((q) => q.status === "approved" || q.status === "answered");
  return (
    <div className="mod">
      <p>
        <Link to="/verwaltung/fachinputs">{t("discussion.admin.title")}</Link>
      </p>
      <h1>{input.title}</h1>
      <p>{input.moderation === "pre" ? t("discussion.mod.mode.pre") : t("discussion.mod.mode.post")}</p>
      {dayCode ? (
        <ul>
          <li>
            <a href={`/live/${dayCode}/${input.id}/saal`} target="_blank" rel="noreferrer">
              {t("discussion.room.link")}
            </a>
          </li>
          <li>
            <a href={`/live/${dayCode}/${input.id}`}>{t("discussion.mod.questionPage")}</a>
          </li>
          <li>
            <a href={`/verwaltung/fachinputs/${input.id}/fragen.csv`} download>
              {t("discussion.mod.export")}
            </a>
          </li>
        </ul>
      ) : (
        <p className="notice notice--warn">{t("discussion.mod.noCode")}</p>
      )}
      {actionData ? (
        <p className={actionData.ok ? "notice" : "notice notice--warn"} role={actionData.ok ? "status" : "alert"}>
          {actionData.ok
            ? t("discussion.mod.done")
            : actionData.errors
              ? t(Object.values(actionData.errors)[0] ?? "errors.invalid")
              : t("discussion.mod.failed")}
        </p>
      ) : null}

      {groups.map((g) => {
        const list = live.filter((q) => q.status === g.key);
        return (
          <section key={g.key} aria-labelledby={`group-${g.key}`}>
            <h2 id={`group-${g.key}`}>
              {t(g.title)} ({list.length})
            </h2>
            {list.length === 0 ? (
              <p>{t("discussion.mod.empty")}</p>
            ) : (
              <ul className="mod-list">
                {list.map((q) => (
                  <ModQuestion
                    key={q.id}
                    q={q}
                    targets={mergeTargets.filter((x) => x.id !== q.id)}
                    hasDraft={drafts.includes(q.id)}
                  />
                ))}
              </ul>
            )}
          </section>
        );
      })}
      {merged.length ? (
        <section aria-labelledby="group-merged">
          <h2 id="group-merged">
            {t("discussion.mod.merged")} ({merged.length})
          </h2>
          <ul className="mod-list">
            {merged.map((q) => (
              <li key={q.id} className="question">
                <p className="question__text">{q.text}</p>
                <p className="question__meta">
                  {t("discussion.mod.mergedInto", { text: questions.find((x) => x.id === q.mergedIntoId)?.text ?? "" })}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="record-title" className="card">
        <h2 id="record-title" className="card__title">
          {t("discussion.record.title")}
        </h2>
        <p>{t("discussion.record.lead")}</p>
        <p>
          {record?.publishedAt
            ? t("discussion.record.published", { date: formatDateTime(record.publishedAt, locale) })
            : t("discussion.record.notPublished")}
        </p>
        <SafeForm className="stack">
          <input type="hidden" name="intent" value="record" />
          <div className="field">
            <label htmlFor="record-outcome">
              {t("discussion.record.outcome")} <span className="field__req">({t("form.optional")})</span>
            </label>
            <textarea id="record-outcome" name="outcome" rows={6} defaultValue={record?.outcome ?? ""} />
          </div>
          <div>
            <input type="checkbox" id="record-publish" name="publish" defaultChecked={Boolean(record?.publishedAt)} />{" "}
            <label htmlFor="record-publish">{t("discussion.record.publish")}</label>
          </div>
          <button type="submit" className="button">
            {t("discussion.record.save")}
          </button>
        </SafeForm>
      </section>

      {organiser ? (
        <section aria-labelledby="slides-title" id="anhaenge">
          <h2 id="slides-title">{t("discussion.slides")}</h2>
          {slides.uploaded ? (
            <p className="notice" role="status">
              {t("discussion.slides.uploaded")}
            </p>
          ) : null}
          <p>
            {slides.fileId ? (
              <a href={`/dateien/${slides.fileId}`}>{t("discussion.slides.download")}</a>
            ) : (
              t("discussion.slides.none")
            )}
          </p>
          <p className="field__hint">{t("discussion.slides.hint")}</p>
          <FileUpload
            action={`/verwaltung/fachinputs/${input.id}/folien`}
            label={slides.fileId ? t("discussion.slides.replace") : t("discussion.slides.upload")}
            error={slides.error}
            maxMb={slides.maxMb}
          />
        </section>
      ) : null}

      {organiser ? (
        <details open={actionData?.intent === "edit" && !actionData.ok}>
          <summary>
            <strong>{t("discussion.admin.edit")}</strong>
          </summary>
          <SafeForm className="stack">
            <input type="hidden" name="intent" value="edit" />
            <InputFormFields
              idPrefix="edit"
              slots={slots}
              values={actionData?.intent === "edit" && actionData.values ? actionData.values : input.values}
              errors={actionData?.intent === "edit" ? actionData.errors : undefined}
            />
            <button type="submit" className="button">
              {t("discussion.admin.save")}
            </button>
          </SafeForm>
        </details>
      ) : null}
    </div>
  );
}

function ModQuestion({ q, targets, hasDraft }: { q: Question; targets: Question[]; hasDraft: boolean }) {
  const t = useT();
  const context = <span className="visually-hidden">: {q.text.length > 60 ? `${q.text.slice(0, 60)}…` : q.text}</span>;
  const button = (intent: string, label: MessageKey, secondary = true) => (
    <SafeForm>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="questionId" value={q.id} />
      <button type="submit" className={secondary ? "button button--small button--secondary" : "button button--small"}>
        {t(label)}
        {context}
      </button>
    </SafeForm>
  );
  return (
    <li className={q.pinned ? "question question--pinned" : "question"}>
      {q.pinned ? <p className="question__badge">{t("discussion.pinned")}</p> : null}
      <p className="question__text">{q.text}</p>
      <p className="question__meta">
        <span>{q.authorName ? t("discussion.by", { name: q.authorName }) : t("discussion.anonymous")}</span>
        <span className="question__likes">{likesText(t, q.likeCount)}</span>
      </p>
      <div className="mod-actions">
        {q.status === "pending" ? button("approve", "discussion.mod.approve", false) : null}
        {q.status === "approved" && !q.pinned ? button("pin", "discussion.mod.pin") : null}
        {q.pinned ? button("unpin", "discussion.mod.unpin") : null}
        {q.status === "approved" ? button("answer", "discussion.mod.answer") : null}
        {q.status === "answered" || q.status === "hidden"
          ? button("reopen", q.status === "hidden" ? "discussion.mod.approve" : "discussion.mod.reopen")
          : null}
        {q.status !== "hidden" ? button("hide", "discussion.mod.hide") : null}
        {q.status === "approved" ? (
          hasDraft ? (
            <span>{t("discussion.mod.goalDraft")}</span>
          ) : (
            button("toGoal", "discussion.mod.toGoal")
          )
        ) : null}
        {targets.length && q.status !== "hidden" ? (
          <SafeForm className="mod-merge">
            <input type="hidden" name="intent" value="merge" />
            <input type="hidden" name="questionId" value={q.id} />
            <label htmlFor={`merge-${q.id}`}>{t("discussion.mod.mergeInto")}</label>
            <select id={`merge-${q.id}`} name="targetId" required defaultValue="">
              <option value="" disabled>
                –
              </option>
              {targets.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.text.length > 70 ? `${x.text.slice(0, 70)}…` : x.text}
                </option>
              ))}
            </select>
            <button type="submit" className="button button--small button--secondary">
              {t("discussion.mod.merge")}
              {context}
            </button>
          </SafeForm>
        ) : null}
      </div>
    </li>
  );
}
