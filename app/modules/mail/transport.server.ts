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

function nodemailerMessage(mail: OutgoingMail) {
  return {
    messageId: mail.messageId,
    from: mail.from,
    to: mail.to,
    subject: mail.subject,
    html: mail.html,
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
          html: mail.html,
          text: mail.text,
          attachments: mail.attachments.map((a) => ({ filename: a.filename, content: a.contentBase64, contentType: a.contentType })),
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
