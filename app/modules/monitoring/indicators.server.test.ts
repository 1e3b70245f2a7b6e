import { describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { fieldsOfAction, users } from "~/db/schema";
import { deleteIndicator, findIndicator, listIndicators, saveIndicator, writeValues } from "./indicators.server";
import type { IndicatorInput } from "./monitoring.schema";

const input = (over: Partial<IndicatorInput> = {}): IndicatorInput => ({
  name: "Arbeitslosenquote",
  area: "beschaeftigung",
  definition: "Arbeitslose in Prozent",
  unit: "%",
  decimals: 1,
  source: "Agentur für Arbeit",
  comparison: "nationality",
  fieldIds: [],
  published: true,
  ...over,
});

describe("indicators", () => {
  it("keep their address when renamed, belong to Handlungsfelder and hold one value per year and group", async () => {
    const [field] = await db.insert(fieldsOfAction).values({ code: "ABX", name: "Arbeit X" }).returning();
    const created = await saveIndicator({ input: input({ fieldIds: [field!.id] }), actor: null });
    expect(created).toMatchObject({ ok: true, slug: "arbeitslosenquote" });
    if (!created.ok) return;
    const twin = await saveIndicator({ input: input(), actor: null });
    expect(twin).toMatchObject({ ok: true, slug: "arbeitslosenquote-2" });

    await db.transaction((tx) =>
      writeValues(tx, created.id, [
        { year: 2020, group: "german", value: 6 },
        { year: 2020, group: "foreign", value: 18 },
        { year: 2021, group: "foreign", value: 17 },
      ]),
    );
    await db.transaction((tx) =>
      writeValues(tx, created.id, [
        { year: 2021, group: "foreign", value: 16.5 },
        { year: 2020, group: "german", value: null },
      ]),
    );
    const renamed = await saveIndicator({
      id: created.id,
      input: input({ name: "Arbeitslose", fieldIds: [field!.id] }),
      actor: null,
    });
    expect(renamed).toMatchObject({ ok: true, slug: "arbeitslosenquote" });

    const found = await findIndicator({ area: "beschaeftigung", slug: "arbeitslosenquote" });
    expect(found?.name).toBe("Arbeitslose");
    expect(found?.fields.map((f) => f.code)).toEqual(["ABX"]);
    expect(found?.values).toEqual([
      { year: 2020, group: "foreign", value: 18 },
      { year: 2021, group: "foreign", value: 16.5 },
    ]);
    // The address needs the right area.
    expect(await findIndicator({ area: "bildung", slug: "arbeitslosenquote" })).toBeNull();
  });

  it("stay off the public list while unpublished, refuse unknown Handlungsfelder, and can be deleted", async () => {
    const hidden = await saveIndicator({ input: input({ name: "Entwurf", published: false }), actor: null });
    if (!hidden.ok) throw new Error("not saved");
    expect((await listIndicators({ publishedOnly: true })).map((i) => i.name)).not.toContain("Entwurf");
    expect(await findIndicator({ area: "beschaeftigung", slug: hidden.slug })).toBeNull();
    expect(await findIndicator({ area: "beschaeftigung", slug: hidden.slug, publishedOnly: false })).not.toBeNull();
    expect(
      await saveIndicator({ input: input({ fieldIds: ["00000000-0000-4000-8000-0000000000ff"] }), actor: null }),
    ).toEqual({ ok: false, reason: "unknown_field" });
    const [user] = await db
      .insert(users)
      .values({ email: "orga-monitoring@example.org", name: "Olga Organisation", role: "organiser" })
      .returning();
    const actor = { id: user!.id, name: user!.name };
    expect(await deleteIndicator({ id: hidden.id, actor })).toBe(true);
    expect(await deleteIndicator({ id: hidden.id, actor })).toBe(false);
  });
});
