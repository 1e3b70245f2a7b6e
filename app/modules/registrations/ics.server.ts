import ical, { ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import { tzlib_get_ical_block } from "timezones-ical-library";
import { env } from "~/utils/env.server";
import { TIME_ZONE, toBerlinLocalInput } from "~/utils/time";

export type IcsConference = {
  id: string;
  title: string;
  description: string;
  startsAt: Date;
  endsAt: Date;
  venueName: string;
  venueAddress: string;
  year: number;
};

/** "2026-12-16T09:30:00": the instant as wall-clock time in Berlin, without an offset. */
function berlinWallClock(date: Date): string {
  return `${toBerlinLocalInput(date)}:00`;
}

/** "Name <address>" of MAIL_FROM as the calendar's ORGANIZER. */
function organizer(): { name: string; email: string } {
  const m = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(env.MAIL_FROM);
  return m
    ? { name: m[1]!.trim() || "Integrationskonferenz", email: m[2]!.trim() }
    : { name: "Integrationskonferenz", email: env.MAIL_FROM.trim() };
}

/**
 * One calendar entry for the conference (RFC 5545): VTIMEZONE Europe/Berlin, ORGANIZER, LOCATION,
 * a UID stable per conference and participant (so an update or a cancellation replaces the same
 * entry), SEQUENCE for changes. `cancel` produces METHOD:CANCEL with STATUS:CANCELLED.
 */
export function conferenceIcs(input: {
  conference: IcsConference;
  registrationId: string;
  sequence: number;
  cancel?: boolean;
  manageUrl?: string;
}): string {
  const { conference } = input;
  const host = new URL(env.APP_URL).hostname;
  const cal = ical({ name: conference.title, prodId: { company: "Stadt Bottrop", product: "ikon", language: "DE" } });
  cal.method(input.cancel ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.PUBLISH);
  cal.timezone({ name: TIME_ZONE, generator: (tz) => tzlib_get_ical_block(tz)[0] ?? null });
  cal.createEvent({
    id: `ikon-${conference.id}-${input.registrationId}@${host}`,
    sequence: input.sequence,
    // ical-generator writes a JS Date with TZID in the process's zone; a wall-clock string without
    // offset is parsed and printed in that same zone, so Berlin wall-clock time comes out unchanged.
    start: berlinWallClock(conference.startsAt),
    end: berlinWallClock(conference.endsAt),
    timezone: TIME_ZONE,
    summary: conference.title,
    description: [conference.description, input.manageUrl ? `\n${input.manageUrl}` : ""].join("").trim(),
    location: `${conference.venueName}, ${conference.venueAddress}`,
    organizer: organizer(),
    url: `${env.APP_URL}/konferenzen/${conference.year}`,
    status: input.cancel ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  return cal.toString();
}

export function icsAttachment(ics: string, cancel = false) {
  return {
    filename: "integrationskonferenz.ics",
    contentType: `text/calendar; charset=utf-8; method=${cancel ? "CANCEL" : "PUBLISH"}`,
    contentBase64: Buffer.from(ics, "utf8").toString("base64"),
  };
}
