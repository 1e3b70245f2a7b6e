import { createElement } from "react";
import { RegistrationEmail } from "#emails/registration";
import { isLocale, translator, type Locale, type MessageKey } from "~/i18n/catalog";
import { checkinUrl } from "~/modules/attendance/checkin.server";
import { qrPng } from "~/modules/attendance/qr.server";
import { registerMailTemplate, renderMail, type MailMessage } from "~/modules/mail/outbox.server";
import { formatDate, formatDateTime, formatTime } from "~/utils/time";
import { conferenceIcs, icsAttachment } from "./ics.server";
import { confirmUrl, manageUrl } from "./links.server";
import { waitlistRank, type Conference, type Registration, type Tx } from "./seats.server";

// The mails about one registration, in the person's language.

export type MailKind =
  "held" | "waitlisted" | "existing" | "confirmed" | "promoted" | "cancelled" | "expired" | "reminder";

export async function registrationMail(
  kind: MailKind,
  reg: Pick<Registration, "id" | "email" | "firstName" | "lastName" | "locale" | "holdExpiresAt" | "calendarSequence">,
  conf: Conference,
  extra: { manageToken?: string; confirmToken?: string; position?: number | string } = {},
): Promise<MailMessage> {
  const locale: Locale = isLocale(reg.locale) ? reg.locale : "de";
  const t = translator(locale);
  const vars = {
    title: conf.title,
    date: formatDate(conf.startsAt, locale),
    time: formatTime(conf.startsAt, locale),
    venue: conf.venueName,
    address: conf.venueAddress,
    deadline: reg.holdExpiresAt ? formatDateTime(reg.holdExpiresAt, locale) : "",
    position: extra.position ?? 0,
  };
  const subject = t(`registration.mail.${kind}.subject` as MessageKey, vars);
  const body = t(`registration.mail.${kind}.body` as MessageKey, vars);
  const greeting = t("mail.greeting", { name: `${reg.firstName} ${reg.lastName}` });
  const manage = extra.manageToken
    ? { label: t("registration.mail.manageLabel"), url: manageUrl(extra.manageToken, locale) }
    : undefined;
  const button = extra.confirmToken
    ? { label: t("registration.mail.held.button"), url: confirmUrl(extra.confirmToken, locale) }
    : undefined;
  // Queued as data: the outbox worker renders the mail (react-email costs more than the rest of a
  // registration, and the request should not wait for it).
  const props: RegistrationEmailProps = {
    lang: locale,
    preview: subject,
    footer: t("mail.footer"),
    greeting,
    paragraphs: [body],
    button,
    manage,
  };
  const withIcs = kind === "confirmed" || kind === "reminder" || kind === "cancelled";
  const cancel = kind === "cancelled";
  const attachments = withIcs
    ? [
        icsAttachment(
          conferenceIcs({
            conference: conf,
            registrationId: reg.id,
            sequence: reg.calendarSequence,
            cancel,
            manageUrl: manage?.url,
          }),
          cancel,
        ),
      ]
    : [];
  // The check-in QR code (no personal data in it) travels with the confirmation and the reminder.
  if (kind === "confirmed" || kind === "reminder") {
    attachments.push({
      filename: "einlass-qr-code.png",
      contentType: "image/png",
      contentBase64: (await qrPng(checkinUrl(conf.year, reg.id))).toString("base64"),
    });
  }
  return {
    to: reg.email,
    subject,
    html: "",
    text: "",
    template: { name: TEMPLATE, props },
    attachments,
    topic: `registration:${reg.id}`,
  };
}

type RegistrationEmailProps = Parameters<typeof RegistrationEmail>[0];
const TEMPLATE = "registration";
registerMailTemplate(TEMPLATE, (props) =>
  renderMail(createElement(RegistrationEmail, props as RegistrationEmailProps)),
);

export const POSITION_SLOT = "\u2063PLATZ\u2063";

/** Puts the place in line into a waitlist mail rendered before the transaction knew it. */
export async function withPosition(
  tx: Tx,
  mail: MailMessage,
  reg: Pick<Registration, "conferenceId" | "waitlistPosition">,
): Promise<MailMessage> {
  const rank = String(await waitlistRank(tx, reg));
  const fill = (text: string) => text.split(POSITION_SLOT).join(rank);
  const template = mail.template && {
    ...mail.template,
    props: JSON.parse(fill(JSON.stringify(mail.template.props))) as Record<string, unknown>,
  };
  return {
    ...mail,
    subject: fill(mail.subject),
    html: fill(mail.html),
    text: fill(mail.text),
    ...(template ? { template } : {}),
  };
}
