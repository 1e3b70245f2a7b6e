import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { agendaItems, auditLog, conferences, forums } from "~/db/schema";
import { createUser } from "~/modules/auth/accounts.server";
import {
  addAgendaItem,
  deleteAgendaItem,
  deleteForum,
  getAgendaItem,
  getConferenceForAdmin,
  saveForum,
  updateAgendaItem,
} from "./admin.server";
import { previewConferenceDescription, renderConferenceDescription } from "./description.server";

async function setup(year: number) {
  const [conference] = await db
    .insert(conferences)
    .values({
      year,
      title: `Konferenz ${year}`,
      startsAt: new Date(`${year}-11-12T09:00:00Z`),
      endsAt: new Date(`${year}-11-12T15:00:00Z`),
      venueName: "Rathaus",
      venueAddress: "Markt 1",
      capacity: 50,
    })
    .returning();
  const other = await db
    .insert(conferences)
    .values({
      year: year + 1,
      title: "Andere",
      startsAt: new Date(`${year + 1}-11-12T09:00:00Z`),
      endsAt: new Date(`${year + 1}-11-12T15:00:00Z`),
      venueName: "Rathaus",
      venueAddress: "Markt 1",
      capacity: 50,
    })
    .returning();
  const user = await createUser({ email: `orga-${year}@example.org`, name: "Anna Beispiel", role: "organiser" });
  return { conference: conference!, other: other[0]!, actor: { id: user.id } };
}

const item = {
  startsAt: new Date("2031-11-12T09:00:00Z"),
  endsAt: null,
  title: "Begrüßung",
  kind: "welcome" as const,
  speakers: "Bürgermeisterin",
  forumId: "",
};

describe("agenda items and forums", () => {
  it("adds, changes and deletes an agenda item of this conference, each with an audit entry", async () => {
    const { conference, other, actor } = await setup(2031);
    await saveForum(
      conference.id,
      { forumId: "", title: "Forum Bildung", description: "", capacity: 20, position: 1 },
      new Date(),
      actor,
    );
    const [forum] = await db.select().from(forums).where(eq(forums.conferenceId, conference.id));
    const id = await addAgendaItem(conference.id, item, actor);
    expect(
      await updateAgendaItem(
        conference.id,
        id,
        { ...item, title: "Forum am Vormittag", kind: "forum", speakers: "", forumId: forum!.id },
        actor,
      ),
    ).toBe(true);
    expect(await getAgendaItem(conference.id, id)).toMatchObject({
      title: "Forum am Vormittag",
      kind: "forum",
      speakers: "",
      forumId: forum!.id,
    });
    // Another conference's item, or another conference's forum, is not touched.
    expect(await updateAgendaItem(other.id, id, item, actor)).toBe(false);
    expect(await getAgendaItem(other.id, id)).toBeNull();
    expect(await deleteAgendaItem(other.id, id, actor)).toBe(false);
    expect(await deleteAgendaItem(conference.id, id, actor)).toBe(true);
    expect(await deleteAgendaItem(conference.id, id, actor)).toBe(false);
    expect(await db.select().from(agendaItems).where(eq(agendaItems.id, id))).toHaveLength(0);
    const entries = await db.select().from(auditLog).where(eq(auditLog.subjectId, id));
    expect(entries.map((e) => e.action).sort()).toEqual(["agenda.create", "agenda.delete", "agenda.update"]);
    expect(entries.every((e) => e.actorName === "Anna Beispiel")).toBe(true);
  });

  it("keeps a foreign forum out of an agenda item", async () => {
    const { conference, other, actor } = await setup(2041);
    await saveForum(
      other.id,
      { forumId: "", title: "Fremd", description: "", capacity: 5, position: 1 },
      new Date(),
      actor,
    );
    const [foreign] = await db.select().from(forums).where(eq(forums.conferenceId, other.id));
    const id = await addAgendaItem(conference.id, { ...item, forumId: foreign!.id }, actor);
    expect((await getAgendaItem(conference.id, id))!.forumId).toBeNull();
  });

  it("changes and deletes a forum, its agenda items keep going without it", async () => {
    const { conference, other, actor } = await setup(2051);
    await saveForum(
      conference.id,
      { forumId: "", title: "Forum A", description: "", capacity: 20, position: 1 },
      new Date(),
      actor,
    );
    const {
      forums: [forum],
    } = (await getConferenceForAdmin(2051))!;
    expect(
      await saveForum(
        conference.id,
        { forumId: forum!.id, title: "Forum B", description: "x", capacity: 30, position: 2 },
        new Date(),
        actor,
      ),
    ).toBe(true);
    expect(
      await saveForum(
        other.id,
        { forumId: forum!.id, title: "Fremd", description: "", capacity: 1, position: 1 },
        new Date(),
        actor,
      ),
    ).toBe(false);
    const id = await addAgendaItem(conference.id, { ...item, forumId: forum!.id }, actor);
    expect(await deleteForum(other.id, forum!.id, actor)).toBe(false);
    expect(await deleteForum(conference.id, forum!.id, actor)).toBe(true);
    expect(await getAgendaItem(conference.id, id)).toMatchObject({ forumId: null, title: "Begrüßung" });
    const actions = (await db.select().from(auditLog).where(eq(auditLog.subjectId, forum!.id))).map((e) => e.action);
    expect(actions.sort()).toEqual(["forum.create", "forum.delete", "forum.update"]);
  });
});

describe("the conference description as Markdown", () => {
  it("renders paragraphs, lists and safe links below the page's h1, and refuses an over-long preview", () => {
    const html = renderConferenceDescription(
      "Erster Absatz.\n\nZweiter Absatz.\n\n# Programm\n\n- Arbeit\n- [Konzept](https://www.bottrop.de/)\n\n[klick](javascript:alert(1)) <script>x</script>",
    );
    expect(html).toContain("<p>Erster Absatz.</p>");
    expect(html).toContain("<p>Zweiter Absatz.</p>");
    expect(html).toContain("<h3>Programm</h3>");
    expect(html).toContain("<li>Arbeit</li>");
    expect(html).toContain('href="https://www.bottrop.de/"');
    expect(html).not.toContain("javascript:");
    expect(html).not.toContain("<script>");
    expect(previewConferenceDescription("x".repeat(5001))).toEqual({ error: "errors.tooLong" });
    expect(previewConferenceDescription("- a")).toMatchObject({
      html: expect.stringMatching(/^<ul>\s*<li>a<\/li>\s*<\/ul>\s*$/),
    });
  });
});
