// Writes the organisers' and coordinators' hostile content of the XSS suite through the domain
// functions the forms use (run with the server stopped: `npx tsx tests/security/xss-seed.ts`).
// Prints one line `XSS-SEED {json}` with the ids the test needs.
import { writeFile } from "node:fs/promises";
import { and, desc, eq, ne } from "drizzle-orm";
import sharp from "sharp";
import { db } from "~/db/client.server";
import { conferences, discussionInputs, documentationPhotos, forums, goalProposals, groups, users } from "~/db/schema";
import { saveStatement } from "~/modules/accessibility/statement.server";
import { createUser } from "~/modules/auth/accounts.server";
import { addAgendaItem, getConferenceForAdmin, saveForum, updateConference } from "~/modules/conferences/admin.server";
import { updateInput } from "~/modules/discussion/inputs.server";
import { saveRecord } from "~/modules/discussion/records.server";
import { agreeGoal, updateGoalStatus } from "~/modules/goals/goals.server";
import { setProposalCluster } from "~/modules/goals/proposals.server";
import { updateGroup } from "~/modules/groups/groups.server";
import { addReportFile, ensureReport, saveReportText, transition } from "~/modules/groups/reports.server";
import {
  addMaterial,
  addPhotos,
  ensureDocumentation,
  saveSettings,
  saveSpeech,
  setPublished,
  updatePhotos,
} from "~/modules/publishing/documentation.server";
import { createLibraryEntry } from "~/modules/publishing/library.server";
import { inspectUpload, tempName } from "~/modules/uploads/inspect.server";
import { uploadsTmpDir } from "~/modules/uploads/storage.server";
import { env } from "~/utils/env.server";
import { main, withDatabase } from "../../scripts/cli";
import { makePdf } from "../support/files";
import { FORMULAS, PAYLOADS, fileNameOf, valueOf as v } from "./xss-fields";

async function upload(originalName: string, content: Buffer) {
  const path = tempName(uploadsTmpDir());
  await writeFile(path, content);
  return inspectUpload({ field: "datei", originalName, path });
}

await main(async () => {
  await withDatabase(async () => {
    const [conf] = await db.select().from(conferences).orderBy(desc(conferences.year)).limit(1);
    if (!conf) throw new Error("no demo conference");
    const found = (await getConferenceForAdmin(conf.year))!;

    // A hostile organiser name: shown in report histories and the audit log.
    const organiser = await createUser({ email: "xss-orga@ikon.example", name: v("user-name"), role: "organiser" });
    const orgaActor = { id: organiser.id, name: organiser.name, role: "organiser" as const, groupId: null };
    const [coordinator] = await db.select().from(users).where(eq(users.email, "ebel@ikon.example"));
    const [ebel] = await db.select().from(groups).where(eq(groups.slug, "ebel"));

    // Conference, forum, agenda
    const { id: _id, createdAt: _c, updatedAt: _u, dayCode: _d, ...rest } = found.conference;
    await updateConference(conf.id, {
      ...rest,
      intent: "conference",
      title: v("conf-title"),
      description: v("conf-desc"),
      venueName: v("conf-venue"),
      venueAddress: v("conf-address"),
      venueAccessibility: v("conf-access"),
    });
    const forum = found.forums[0]!;
    await saveForum(conf.id, {
      forumId: forum.id,
      title: v("forum-title"),
      description: PAYLOADS[0],
      capacity: forum.capacity,
      position: forum.position,
    });
    await addAgendaItem(conf.id, {
      startsAt: conf.startsAt,
      endsAt: null,
      title: v("agenda-title"),
      kind: "discussion",
      speakers: v("agenda-speakers"),
      forumId: "",
    });

    // The Fachinput and its record
    const [input] = await db.select().from(discussionInputs).where(eq(discussionInputs.conferenceId, conf.id));
    if (!input) throw new Error("no demo Fachinput");
    await updateInput(input.id, {
      title: v("input-title"),
      speakers: [{ name: v("input-speaker"), role: PAYLOADS[0] }],
      abstract: v("input-abstract"),
      agendaItemId: input.agendaItemId,
      moderation: input.moderation,
      questionsOpenAt: input.questionsOpenAt,
      questionsCloseAt: input.questionsCloseAt,
    });
    await saveRecord({ inputId: input.id, outcome: v("record-outcome"), publish: true, userId: organiser.id });

    // Working group, its report this year (Entwurf → eingereicht → Änderungen erbeten → … → veröffentlicht)
    if (!ebel || !coordinator) throw new Error("no demo group Ebel");
    await updateGroup(ebel.id, {
      name: v("group-name"),
      kind: ebel.kind,
      slug: ebel.slug,
      description: v("group-desc"),
      fieldsOfAction: ebel.fieldsOfAction,
      contactName: v("group-contact"),
      contactEmail: "ebel@ikon.example",
    });
    const coordActor = { id: coordinator.id, role: "coordinator" as const, groupId: ebel.id };
    const reportId = await ensureReport(ebel.id, conf.id, coordinator.id);
    const text = {
      activities: v("report-activities"),
      progress: "Fortschritt",
      obstacles: v("report-obstacles"),
      networking: "",
      previousGoals: "",
      proposals: "",
    };
    await saveReportText({ reportId, actor: coordActor, text });
    await addReportFile({
      reportId,
      actor: coordActor,
      upload: await upload(fileNameOf("file-report"), await makePdf("Bericht")),
    });
    const step = (
      actor: typeof orgaActor | typeof coordActor,
      action: "submit" | "request_changes" | "approve" | "publish",
      comment?: string,
    ) => transition({ reportId, actor, action, comment, appUrl: env.APP_URL, locale: "de" });
    await step(coordActor, "submit");
    await step(orgaActor, "request_changes", v("report-comment"));
    await step(coordActor, "submit");
    await step(orgaActor, "approve");
    await step(orgaActor, "publish");

    // Goals: an agreed goal with a published status, and one whose title is a formula
    const goalId = await agreeGoal({
      conferenceId: conf.id,
      title: v("goal-title"),
      description: PAYLOADS[2],
      ownerGroupId: ebel.id,
      partners: PAYLOADS[1],
      measure: v("goal-measure"),
      indicator: PAYLOADS[0],
      targetYear: conf.year + 1,
    });
    await updateGoalStatus({ goalId, actor: orgaActor, status: "in_umsetzung", sachstand: v("goal-sachstand") });
    await agreeGoal({ conferenceId: conf.id, title: FORMULAS.goal, ownerGroupId: ebel.id, targetYear: conf.year + 1 });
    const proposals = await db
      .select({ id: goalProposals.id })
      .from(goalProposals)
      .where(and(eq(goalProposals.conferenceId, conf.id), ne(goalProposals.status, "rejected")));
    await setProposalCluster({
      conferenceId: conf.id,
      ids: proposals.slice(0, 1).map((p) => p.id),
      cluster: v("prop-cluster"),
    });

    // Library entry (its file comes through the real upload form in the test)
    const entry = await createLibraryEntry(
      {
        title: v("lib-title"),
        year: conf.year,
        type: "flyer",
        area: null,
        description: v("lib-desc"),
        parentId: null,
        position: 0,
        url: null,
        published: true,
        slug: "xss-eintrag",
      },
      { id: organiser.id, name: organiser.name },
    );

    // This year's documentation: intro, a speech with raw HTML (sanitised), a material, a photo
    const doc = await ensureDocumentation(conf.id);
    await saveSettings(doc.id, {
      intro: v("doc-intro"),
      includeReports: true,
      includeDiscussion: true,
      includeGoals: true,
    });
    await saveSpeech({
      documentationId: doc.id,
      title: v("speech-title"),
      speaker: v("speech-speaker"),
      markdown: `Rede ${PAYLOADS.join(" ")}\n\n<img src=x onerror=alert(1)> [js](javascript:alert(1)) [data](data:text/html,<script>alert(1)</script>) [vb](vbscript:msgbox(1)) <svg onload=alert(1)></svg>\n\n<script>alert(1)</script>\n\n<p onclick="alert(1)">Klick</p>`,
    });
    await addMaterial({
      documentationId: doc.id,
      conferenceId: conf.id,
      upload: await upload(fileNameOf("file-material"), await makePdf("Material")),
      title: "",
      uploadedBy: organiser.id,
    });
    const photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 80, b: 40 } } })
      .jpeg()
      .toBuffer();
    await addPhotos({
      documentationId: doc.id,
      conferenceId: conf.id,
      uploads: [await upload("foto.jpg", photo)],
      uploadedBy: organiser.id,
    });
    const [photoRow] = await db
      .select()
      .from(documentationPhotos)
      .where(eq(documentationPhotos.documentationId, doc.id));
    await updatePhotos({
      documentationId: doc.id,
      photos: [{ id: photoRow!.id, altText: v("photo-alt"), caption: v("photo-caption"), cleared: true }],
      actor: orgaActor,
    });
    await setPublished({ documentationId: doc.id, publish: true, publishEarly: true, actor: orgaActor });

    // Accessibility statement
    await saveStatement(
      {
        conformity: "partial",
        knownBarriers: v("a11y-barriers"),
        alternatives: PAYLOADS[1],
        preparedOn: "2026-11-24",
        reviewedOn: "2026-11-25",
        contactEmail: "",
        dgsVideoUrl: "",
        dgsCaptionsUrl: "",
      },
      organiser,
    );

    const [after] = await db
      .select({ dayCode: conferences.dayCode })
      .from(conferences)
      .where(eq(conferences.id, conf.id));
    const [forumAfter] = await db.select({ id: forums.id }).from(forums).where(eq(forums.id, forum.id));
    console.log(
      `XSS-SEED ${JSON.stringify({ year: conf.year, code: after!.dayCode, input: input.id, group: ebel.id, report: reportId, goal: goalId, entry: entry.slug, entryId: entry.id, forum: forumAfter!.id })}`,
    );
  });
});
