import { eq } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { auditLog, outbox } from "~/db/schema";
import {
  backoffMs,
  claimDueMail,
  enqueueMail,
  listDeadMail,
  markFailed,
  registerMailTemplate,
  retryDeadMail,
} from "./outbox.server";
import { smtpTransport } from "./transport.server";
import { startOutboxWorker } from "./worker.server";

/** A real SMTP server in this process that refuses the first `refuse` messages, then accepts. */
function mailServer(refuse: number) {
  const received: { to: string; messageId: string; subject: string }[] = [];
  let refused = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", async () => {
        if (refused < refuse) {
          refused++;
          const error = new Error("Mailbox temporarily unavailable") as Error & { responseCode: number };
          error.responseCode = 451;
          return callback(error);
        }
        const mail = await simpleParser(Buffer.concat(chunks));
        received.push({
          to: mail.to ? [mail.to].flat()[0]!.text : "",
          messageId: mail.messageId ?? "",
          subject: mail.subject ?? "",
        });
        callback();
      });
    },
  });
  return { server, received, refusedCount: () => refused };
}

async function listen(server: SMTPServer): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve((server.server.address() as { port: number }).port)),
  );
}

describe("transactional outbox", () => {
  it("queues nothing when the causing transaction rolls back", async () => {
    await expect(
      db.transaction(async (tx) => {
        await enqueueMail(tx, { to: "rollback@example.org", subject: "S", html: "<p>x</p>", text: "x" });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await db.select().from(outbox).where(eq(outbox.to, "rollback@example.org"))).toHaveLength(0);
  });

  it("refuses a header injection in address or subject", async () => {
    await expect(
      enqueueMail(db, { to: "a@example.org\r\nBcc: x@evil.example", subject: "S", html: "", text: "" }),
    ).rejects.toThrow();
    await expect(
      enqueueMail(db, { to: "a@example.org", subject: "Hallo\nBcc: x@evil.example", html: "", text: "" }),
    ).rejects.toThrow();
  });

  it("backs off exponentially and turns a mail into a dead letter after N tries, which organisers can retry", async () => {
    expect([1, 2, 3, 4].map(backoffMs)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(backoffMs(20)).toBe(3_600_000);
    const id = await enqueueMail(db, { to: "dead@example.org", subject: "S", html: "", text: "t" });
    let now = new Date(Date.now() + 1000);
    for (let attempt = 1; attempt <= 3; attempt++) {
      const claimed = (await claimDueMail(now)).filter((m) => m.id === id);
      expect(claimed).toHaveLength(1);
      await markFailed(claimed[0]!, new Error("550 no such user"), 3, now);
      now = new Date(now.getTime() + backoffMs(attempt) + 1);
    }
    expect((await listDeadMail()).map((m) => m.id)).toContain(id);
    expect((await claimDueMail(new Date(now.getTime() + 86_400_000))).map((m) => m.id)).not.toContain(id);
    expect(await retryDeadMail(id)).toBe(true);
    const [row] = await db.select().from(outbox).where(eq(outbox.id, id));
    expect(row).toMatchObject({ status: "pending", attempts: 0 });
    // The retry's audit entry is written with it (same transaction), and only for a dead mail.
    expect(await db.select().from(auditLog).where(eq(auditLog.subjectId, id))).toMatchObject([
      { action: "mail.retry", subjectType: "outbox" },
    ]);
    expect(await retryDeadMail(id)).toBe(false);
    expect(await db.select().from(auditLog).where(eq(auditLog.subjectId, id))).toHaveLength(1);
  });

  it("claims a due mail only once, also when two workers poll at the same time", async () => {
    const id = await enqueueMail(db, { to: "once@example.org", subject: "S", html: "", text: "t" });
    const now = new Date(Date.now() + 1000);
    const [a, b] = await Promise.all([claimDueMail(now), claimDueMail(now)]);
    expect([...a, ...b].filter((m) => m.id === id)).toHaveLength(1);
  });
});

describe("worker with a real SMTP server", () => {
  const smtp = mailServer(2);
  let port = 0;
  beforeAll(async () => {
    port = await listen(smtp.server);
  });
  afterAll(() => new Promise<void>((resolve) => smtp.server.close(() => resolve())));

  it("keeps mail while the server refuses and delivers each exactly once after it recovers", async () => {
    await db.delete(outbox);
    const ids = [];
    for (const to of ["p1@example.org", "p2@example.org", "p3@example.org"]) {
      ids.push(await enqueueMail(db, { to, subject: `Bestätigung für ${to}`, html: "<p>Hallo</p>", text: "Hallo" }));
    }
    const worker = startOutboxWorker({
      transport: smtpTransport(`smtp://127.0.0.1:${port}`),
      from: "Konferenz <konferenz@ikon.test>",
      messageIdDomain: "ikon.test",
      pollMs: 60_000,
      maxAttempts: 5,
    });
    await worker.drain();
    // Two refusals: those mails wait for their retry, nothing is lost.
    expect(smtp.refusedCount()).toBe(2);
    const pending = await db.select().from(outbox).where(eq(outbox.status, "pending"));
    expect(pending).toHaveLength(2);
    // Time passes: make the retries due now and let the worker run again.
    await db
      .update(outbox)
      .set({ nextAttemptAt: new Date(Date.now() - 1000) })
      .where(eq(outbox.status, "pending"));
    await worker.drain();
    await worker.drain();
    await worker.stop();

    expect(smtp.received.map((m) => m.to).sort()).toEqual(["p1@example.org", "p2@example.org", "p3@example.org"]);
    expect(new Set(smtp.received.map((m) => m.messageId)).size).toBe(3);
    for (const id of ids) expect(smtp.received.map((m) => m.messageId)).toContain(`<${id}@ikon.test>`);
    const rows = await db.select().from(outbox);
    expect(rows.every((r) => r.status === "sent")).toBe(true);
  });
});

describe("mails queued as data", () => {
  it("are rendered by the worker when it sends them, not when they are queued", async () => {
    await db.delete(outbox);
    let renders = 0;
    registerMailTemplate("test-greeting", async (props) => {
      renders++;
      return { html: `<p>Hallo ${String(props.name)}</p>`, text: `Hallo ${String(props.name)}` };
    });
    await enqueueMail(db, {
      to: "data@example.org",
      subject: "Daten",
      html: "",
      text: "",
      template: { name: "test-greeting", props: { name: "Aylin" } },
    });
    expect(renders).toBe(0);
    const [row] = await db.select().from(outbox);
    expect(row).toMatchObject({ html: "", text: "", template: "test-greeting", props: { name: "Aylin" } });

    const sent: { html: string; text: string }[] = [];
    const worker = startOutboxWorker({
      transport: { name: "test", send: async (mail) => void sent.push({ html: mail.html, text: mail.text }) },
      from: "Konferenz <konferenz@ikon.test>",
      messageIdDomain: "ikon.test",
      pollMs: 60_000,
      maxAttempts: 5,
    });
    await worker.drain();
    await worker.stop();
    expect(renders).toBe(1);
    expect(sent).toEqual([{ html: "<p>Hallo Aylin</p>", text: "Hallo Aylin" }]);
  });
});
