import { createServer, type IncomingMessage } from "node:http";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { simpleParser } from "mailparser";
import { describe, expect, it } from "vitest";
import { fileTransport, resendTransport, withTitle, type OutgoingMail } from "./transport.server";

const mail: OutgoingMail = {
  messageId: "<abc@ikon.test>",
  from: "Konferenz <konferenz@ikon.test>",
  to: "Ayşe Yılmaz <ayse@example.org>",
  subject: "Ihre Anmeldung – Integrationskonferenz",
  html: "<p>Guten Tag</p>",
  text: "Guten Tag",
  attachments: [
    {
      filename: "konferenz.ics",
      contentType: "text/calendar; charset=utf-8",
      contentBase64: Buffer.from("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n").toString("base64"),
    },
  ],
};

describe("file transport", () => {
  it("writes each message as one complete RFC 5322 .eml file with its attachments", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "ikon-mail-"));
    const transport = fileTransport(dir);
    await transport.send(mail);
    await transport.send({ ...mail, messageId: "<def@ikon.test>" });
    const files = readdirSync(dir).filter((f) => f.endsWith(".eml"));
    expect(files).toHaveLength(2);
    const parsed = await simpleParser(readFileSync(path.join(dir, files[0]!)));
    expect(parsed.subject).toBe(mail.subject);
    expect(parsed.messageId).toMatch(/@ikon\.test>$/);
    expect(parsed.text?.trim()).toBe("Guten Tag");
    expect(parsed.attachments[0]).toMatchObject({ filename: "konferenz.ics" });
    expect(parsed.attachments[0]!.content.toString()).toContain("BEGIN:VCALENDAR");
    // Sent by the machine (RFC 3834); the HTML part is titled by the subject.
    expect(parsed.headers.get("auto-submitted")).toBe("auto-generated");
    expect(parsed.html).toContain("<title>Ihre Anmeldung – Integrationskonferenz</title>");
  });

  it("titles HTML parts: inside an existing head, escaped, never twice", () => {
    expect(withTitle('<html lang="de"><head><meta charset="utf-8"></head><body>x</body></html>', "A & <B>")).toBe(
      '<html lang="de"><head><title>A &amp; &lt;B&gt;</title><meta charset="utf-8"></head><body>x</body></html>',
    );
    expect(withTitle("<html><head><title>t</title></head></html>", "s")).toBe(
      "<html><head><title>t</title></head></html>",
    );
  });
});

describe("resend transport", () => {
  async function fakeResend(status: number) {
    const requests: { headers: IncomingMessage["headers"]; body: Record<string, unknown> }[] = [];
    const server = createServer((req, res) => {
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString()));
      req.on("end", () => {
        requests.push({ headers: req.headers, body: JSON.parse(body) as Record<string, unknown> });
        res.writeHead(status, { "content-type": "application/json" });
        res.end(
          JSON.stringify(
            status === 200
              ? { id: "re_123" }
              : { name: "validation_error", message: "Invalid from", statusCode: status },
          ),
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as { port: number };
    return { url: `http://127.0.0.1:${port}`, requests, close: () => new Promise((r) => server.close(r)) };
  }

  it("sends through the Resend API with the outbox id as idempotency key", async () => {
    const api = await fakeResend(200);
    await resendTransport("re_test_key", api.url).send(mail);
    await api.close();
    expect(api.requests).toHaveLength(1);
    expect(api.requests[0]!.headers.authorization).toBe("Bearer re_test_key");
    expect(api.requests[0]!.headers["idempotency-key"]).toBe("<abc@ikon.test>");
    expect(api.requests[0]!.body).toMatchObject({ to: mail.to, subject: mail.subject, text: "Guten Tag" });
    expect(api.requests[0]!.body.headers).toEqual({ "Auto-Submitted": "auto-generated" });
  });

  it("reports a refusal as an error, so the outbox retries", async () => {
    const api = await fakeResend(422);
    await expect(resendTransport("re_test_key", api.url).send(mail)).rejects.toThrow(/Resend/);
    await api.close();
  });
});
