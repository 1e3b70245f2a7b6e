import { describe, expect, it } from "vitest";
import { catalog, translator } from "./catalog";
import { interpolate } from "./locales";

describe("plurals through the catalogue", () => {
  it("chooses the form by the language's plural rules, '#' is the number, placeholders inside work", () => {
    const template = "{n, plural, =0 {keine} one {# Punkt von {who}} other {# Punkte von {who}}}";
    expect(interpolate(template, { n: 0, who: "A" }, "de")).toBe("keine");
    expect(interpolate(template, { n: 1, who: "A" }, "de")).toBe("1 Punkt von A");
    expect(interpolate(template, { n: 2, who: "B" }, "de")).toBe("2 Punkte von B");
    const arabic = "{n, plural, zero {صفر} one {واحد} two {اثنان} few {# قليل} many {# كثير} other {# آخر}}";
    expect([0, 1, 2, 3, 11, 100].map((n) => interpolate(arabic, { n }, "ar"))).toEqual([
      "صفر",
      "واحد",
      "اثنان",
      "3 قليل",
      "11 كثير",
      "100 آخر",
    ]);
  });

  it("the messages the walk-through found read right in German and English", () => {
    const de = translator("de");
    const en = translator("en");
    expect(de("goals.results.points", { points: 1, voters: 1 })).toBe("1 Punkt von 1 Person");
    expect(de("goals.results.points", { points: 7, voters: 3 })).toBe("7 Punkte von 3 Personen");
    expect(de("goals.admin.proposalList", { count: 1 })).toBe("1 Vorschlag");
    expect(de("goals.page.allChanges", { count: 1 })).toBe("Die Änderung anzeigen");
    expect(de("discussion.likes", { count: 0 })).toBe("Noch keine Zustimmung");
    expect(de("discussion.likes", { count: 1 })).toBe("1 Zustimmung");
    expect(en("goals.results.points", { points: 1, voters: 2 })).toBe("1 point from 2 people");
  });

  it("no German or English message keeps a number-placeholder before a plural noun without a plural block", () => {
    // "{count} Vorschläge" reads "1 Vorschläge": every count before a plural noun goes through a plural block.
    const offenders = Object.entries(catalog.de).filter(([, text]) =>
      /\{(count|points|voters|over|spent|max)\} (Vorschläge|Punkte|Personen|Likes|Fragen|Dokumente|Fotos|Änderungen)\b/.test(
        text,
      ),
    );
    expect(offenders).toEqual([]);
  });
});
