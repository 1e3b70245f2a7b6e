import { describe, expect, it } from "vitest";
import { translator } from "~/i18n/catalog";
import { retentionSettings } from "./retention.server";

describe("privacy page texts", () => {
  it("state the retention periods the job uses", () => {
    const s = retentionSettings();
    const t = translator("de");
    expect(t("privacy.row.special.retention", { days: s.specialCategoryDays })).toContain(
      "28 Tage nach der Konferenz gelöscht",
    );
    expect(t("privacy.row.registration.retention", { days: s.anonymiseDays })).toContain(
      "183 Tage nach der Konferenz anonymisiert",
    );
    // The optional mail about the documentation is a purpose of its own, with its legal basis and end.
    expect(t("privacy.row.documentationNews.basis")).toContain("Art. 6 Abs. 1 lit. a DSGVO");
    expect(t("privacy.row.documentationNews.retention", { days: s.anonymiseDays })).toContain(
      "183 Tage nach der Konferenz",
    );
  });
});
