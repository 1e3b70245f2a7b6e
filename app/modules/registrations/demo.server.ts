import { randomUUID } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import { db } from "~/db/client.server";
import { forums, registrationConsents, registrations } from "~/db/schema";
import { generateToken, hashToken } from "~/modules/auth/tokens.server";
import { CONSENT_VERSIONS, type OrganisationType } from "./registration.schema";
import { manageToken } from "./links.server";

const PEOPLE: [string, string, string, OrganisationType, string][] = [
  ["Aylin", "Kaya", "Stadtteilzentrum Ebel 27", "independent_provider", "Sozialarbeiterin"],
  ["Jonas", "Weber", "Stadt Bottrop, Fachbereich Schule", "administration", "Sachbearbeiter"],
  ["Fatma", "Yılmaz", "Deutsch-Türkischer Kulturverein", "migrant_organisation", "Vorsitzende"],
  ["Markus", "Schulte", "Gesamtschule Welheim", "school_daycare", "Lehrer"],
  ["Olena", "Kovalenko", "Ehrenamtliche Sprachpatenschaften", "volunteer", ""],
  ["Samir", "Haddad", "Integrationsrat der Stadt Bottrop", "politics", "Mitglied"],
];

/** A few registrations for the demo conference (no mails): confirmed ones, one held, one cancelled. */
export async function seedRegistrationsDemo({ conferenceId, now }: { conferenceId: string; now: Date }) {
  const forumRows = await db
    .select({ id: forums.id })
    .from(forums)
    .where(eq(forums.conferenceId, conferenceId))
    .orderBy(asc(forums.position));
  const rows = PEOPLE.map(([firstName, lastName, organisation, organisationType, jobTitle], i) => {
    const id = randomUUID();
    const salt = generateToken();
    const status = i < 4 ? ("confirmed" as const) : i === 4 ? ("held" as const) : ("cancelled" as const);
    const special = i === 0 || i === 3;
    return {
      id,
      conferenceId,
      email: `${firstName.toLowerCase().replace(/[^a-z]/g, "")}.${lastName.toLowerCase().replace(/[^a-z]/g, "")}@beispiel.example`,
      firstName,
      lastName,
      organisation,
      organisationType,
      jobTitle,
      forumId: forumRows.length ? forumRows[i % forumRows.length]!.id : null,
      status,
      accessibilityNeeds: i === 3 ? ["wheelchair"] : [],
      dietaryNeeds: i === 0 ? "vegetarisch" : "",
      specialConsentAt: special ? now : null,
      photoConsent: i % 2 === 0,
      privacyVersion: CONSENT_VERSIONS.privacy,
      privacyConsentAt: now,
      manageSalt: salt,
      manageTokenHash: hashToken(manageToken(id, salt)),
      confirmTokenHash: status === "held" ? hashToken(generateToken()) : null,
      holdExpiresAt: status === "held" ? new Date(now.getTime() + 48 * 3_600_000) : null,
      confirmedAt: status === "confirmed" ? now : null,
      cancelledAt: status === "cancelled" ? now : null,
      createdAt: new Date(now.getTime() - (PEOPLE.length - i) * 3_600_000),
    };
  });
  await db.insert(registrations).values(rows);
  await db.insert(registrationConsents).values(
    rows.flatMap((r) => [
      {
        registrationId: r.id,
        purpose: "privacy" as const,
        granted: true,
        textVersion: CONSENT_VERSIONS.privacy,
        createdAt: now,
      },
      {
        registrationId: r.id,
        purpose: "photo" as const,
        granted: r.photoConsent,
        textVersion: CONSENT_VERSIONS.photo,
        createdAt: now,
      },
      ...(r.specialConsentAt
        ? [
            {
              registrationId: r.id,
              purpose: "special_categories" as const,
              granted: true,
              textVersion: CONSENT_VERSIONS.special_categories,
              createdAt: now,
            },
          ]
        : []),
    ]),
  );
}
