import { randomUUID } from "node:crypto";
import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import { Resend } from "resend";
import type { OutboxAttachment } from "~/db/schema";

export type OutgoingMail = {
  /** Stable per outbox row, so a retried send can be recognised as the same message. */
  messageId: string;
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  attachments: OutboxAttachment[];
};

export type MailTransport = { name: string; send(mail: OutgoingMail): Promise<void>; close?(): void };

/** Every ikon mail is sent by the machine (RFC 3834): auto-responders and vacation notices stay quiet. */
export const AUTOMATIC_HEADERS = { "Auto-Submitted": "auto-generated" } as const;

function escapeHtml(text: string) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** The HTML part carries the subject as its <title> (read aloud first, shown in tab and window titles). */
export function withTitle(html: string, subject: string): string {
  if (/<title[\s>]/i.test(html)) return html;
  const title = `<title>${escapeHtml(subject)}</title>`;
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + title + html.slice(head.index + head[0].length);
  return `<!DOCTYPE html><html><head><meta charset="utf-8">${title}</head><body>${html}</body></html>`;
}

function nodemailerMessage(mail: OutgoingMail) {
  return {
    messageId: mail.messageId,
    from: mail.from,
    to: mail.to,
    subject: mail.subject,
    headers: { ...AUTOMATIC_HEADERS },
    html: withTitle(mail.html, mail.subject),
    text: mail.text,
    attachments: mail.attachments.map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      content: Buffer.from(a.contentBase64, "base64"),
    })),
  };
}

/** Writes each message as one complete RFC 5322 .eml file: the demo's and the tests' mailbox. */
export function fileTransport(dir: string): MailTransport {
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    name: "file",
    async send(mail) {
      const info = await composer.sendMail(nodemailerMessage(mail));
      await mkdir(dir, { recursive: true });
      const name = `${new Date().toISOString().replace(/[:.]/g, "-")}-${randomUUID().slice(0, 8)}.eml`;
      // Write then rename, so a reader never sees half a message.
      const tmp = path.join(dir, `.${name}.tmp`);
      await writeFile(tmp, info.message as Buffer);
      await rename(tmp, path.join(dir, name));
    },
  };
}

export function smtpTransport(url: string): MailTransport {
  const transporter = nodemailer.createTransport(url, {});
  return {
    name: "smtp",
    async send(mail) {
      await transporter.sendMail(nodemailerMessage(mail));
    },
    close: () => transporter.close(),
  };
}

export function resendTransport(apiKey: string, baseUrl?: string): MailTransport {
  const resend = new Resend(apiKey, baseUrl ? { baseUrl } : undefined);
  return {
    name: "resend",
    async send(mail) {
      const { error } = await resend.emails.send(
        {
          from: mail.from,
          to: mail.to,
          subject: mail.subject,
          headers: { ...AUTOMATIC_HEADERS },
          html: withTitle(mail.html, mail.subject),
          text: mail.text,
          attachments: mail.attachments.map((a) => ({
            filename: a.filename,
            content: a.contentBase64,
            contentType: a.contentType,
          })),
        },
        { idempotencyKey: mail.messageId },
      );
      if (error) throw new Error(`Resend: ${error.message}`);
    },
  };
}

export function createTransport(config: {
  MAIL_TRANSPORT: "file" | "smtp" | "resend";
  DATA_DIR: string;
  SMTP_URL?: string;
  RESEND_API_KEY?: string;
}): MailTransport {
  switch (config.MAIL_TRANSPORT) {
    case "smtp":
      return smtpTransport(config.SMTP_URL!);
    case "resend":
      return resendTransport(config.RESEND_API_KEY!);
    default:
      return fileTransport(path.join(config.DATA_DIR, "mail"));
  }
}
