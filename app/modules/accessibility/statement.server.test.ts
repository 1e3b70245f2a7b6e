import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { outbox, users } from "~/db/schema";
import { createUser } from "~/modules/auth/accounts.server";
import { listAudit } from "~/modules/audit/audit.server";
import { feedbackSchema, parseDay, statementSchema } from "./statement.schema";
import { getStatement, saveStatement, sendFeedback } from "./statement.server";

const valid = {
  conformity: "partial",
  knownBarriers: "PDF von 2019 ohne Tags",
  alternatives: "",
  preparedOn: "24.11.2026",
  reviewedOn: "2026-11-25",
  contactEmail: "",
  dgsVideoUrl: "",
  dgsCaptionsUrl: "",
};

describe("accessibility statement", () => {
  it("parses German and ISO dates, refuses impossible ones", () => {
    expect(parseDay("1.2.2027")).toBe("2027-02-01");
    expect(parseDay("2027-02-01")).toBe("2027-02-01");
    expect(parseDay("31.02.2027")).toBeUndefined();
    expect(parseDay("morgen")).toBeUndefined();
  });

  it("validates the organiser form with catalogue keys", () => {
    const bad = statementSchema.safeParse({ ...valid, reviewedOn: "01.01.2020", dgsVideoUrl: "javascript:alert(1)" });
    expect(bad.success).toBe(false);
    const messages = bad.error!.issues.map((i) => `${i.path.join(".")}:${i.message}`);
    expect(messages).toContain("dgsVideoUrl:a11y.errors.url");
    expect(statementSchema.safeParse({ ...valid, reviewedOn: "01.01.2020" }).error!.issues[0]).toMatchObject({
      path: ["reviewedOn"],
      message: "a11y.errors.reviewBeforePrepared",
    });
    expect(statementSchema.safeParse({ ...valid, dgsVideoUrl: "//evil.example/x.mp4" }).success).toBe(false);
    expect(statementSchema.safeParse({ ...valid, dgsVideoUrl: "/media/dgs.mp4" }).error!.issues[0]).toMatchObject({
      path: ["dgsCaptionsUrl"],
      message: "a11y.errors.captionsRequired",
    });
    expect(
      statementSchema.safeParse({ ...valid, dgsVideoUrl: "/media/dgs.mp4", dgsCaptionsUrl: "/media/dgs.vtt" }).success,
    ).toBe(true);
    expect(statementSchema.safeParse({ ...valid, dgsVideoUrl: "https://video.bottrop.de/dgs.mp4" }).success).toBe(true);
    // Credentials in front of the host hide where the link really goes (C2).
    for (const dgsVideoUrl of [
      "https://video.bottrop.de@evil.example/dgs.mp4",
      "https://user:pw@evil.example/dgs.mp4",
      "vbscript:msgbox(1)",
      "data:video/mp4;base64,AAAA",
      "http://video.bottrop.de/dgs.mp4",
    ]) {
      expect(statementSchema.safeParse({ ...valid, dgsVideoUrl }).success, dgsVideoUrl).toBe(false);
    }
    expect(feedbackSchema.safeParse({ message: "kurz" }).error!.issues[0]!.message).toBe(
      "a11y.feedback.errors.message",
    );
  });

  it("shows defaults until saved, then the organiser's version with an audit entry", async () => {
    expect((await getStatement()).conformity).toBe("partial");
    const orga = await createUser({ email: "bf-orga@example.org", name: "Olga Organisation", role: "organiser" });
    await saveStatement(statementSchema.parse({ ...valid, conformity: "full" }), orga);
    await saveStatement(statementSchema.parse({ ...valid, reviewedOn: "26.11.2026" }), orga);
    const saved = await getStatement();
    expect(saved).toMatchObject({
      conformity: "partial",
      preparedOn: "2026-11-24",
      reviewedOn: "2026-11-26",
      knownBarriers: "PDF von 2019 ohne Tags",
    });
    expect((await listAudit()).filter((e) => e.action === "accessibility.statement.update")).toHaveLength(2);
    // The domain function refuses a dangerous address even when a caller skipped the form's schema.
    const parsed = statementSchema.parse(valid);
    await expect(saveStatement({ ...parsed, dgsVideoUrl: "javascript:alert(1)" }, orga)).rejects.toThrow(/refused/);
    await expect(
      saveStatement({ ...parsed, dgsVideoUrl: "/media/dgs.mp4", dgsCaptionsUrl: "https://evil.example/x.vtt" }, orga),
    ).rejects.toThrow(/refused/);
    expect((await getStatement()).dgsVideoUrl).toBe("");
  });

  it("mails feedback to every active organiser and the contact address through the outbox", async () => {
    const a = await createUser({ email: "bf-a@example.org", name: "A", role: "organiser" });
    const b = await createUser({ email: "bf-b@example.org", name: "B", role: "organiser" });
    await createUser({ email: "bf-koord@example.org", name: "K", role: "coordinator" });
    await db.update(users).set({ active: false }).where(eq(users.id, b.id));
    await saveStatement(statementSchema.parse({ ...valid, contactEmail: "Barrierefreiheit@Bottrop.example" }), a);
    const n = await sendFeedback({
      message: "Der Kalender-Link ist mit dem Screenreader nicht zu finden.",
      page: "/meine-anmeldung",
      name: "",
      email: "leser@example.org",
    });
    const mails = await db.select().from(outbox).where(eq(outbox.topic, "accessibility-feedback"));
    const to = mails.map((m) => m.to).sort();
    expect(to).toContain("bf-a@example.org");
    expect(to).toContain("barrierefreiheit@bottrop.example");
    expect(to).not.toContain("bf-b@example.org");
    expect(to).not.toContain("bf-koord@example.org");
    expect(n).toBe(mails.length);
    expect(mails[0]!.text).toContain("Der Kalender-Link ist mit dem Screenreader nicht zu finden.");
    expect(mails[0]!.text).toContain("leser@example.org");
    expect(mails[0]!.subject).toBe("Barrierefreiheit: neue Rückmeldung");
  });
});
