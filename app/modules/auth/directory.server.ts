import { and, eq, ne } from "drizzle-orm";
import { db } from "~/db/client.server";
import { sessions, users } from "~/db/schema";
import { recordAudit } from "~/modules/audit/audit.server";
import { normaliseEmail } from "./accounts.server";

/** What the city's identity provider says about a person (already verified by the caller). */
export type DirectoryPerson = {
  /** The provider's stable "sub". */
  subject: string;
  email: string | null;
  /** false only when the provider says the address is unverified. */
  emailVerified: boolean;
  name: string | null;
  /** Whether the configured claim/group makes this person an organiser. */
  isOrganiser: boolean;
};

export type DirectorySignIn =
  { ok: true; userId: string; created: boolean } | { ok: false; reason: "not-authorised" | "no-email" | "conflict" };

/** Reads a dotted claim path ("groups", "realm_access.roles") and tells whether it holds the value. */
export function claimHolds(claims: Record<string, unknown>, path: string, value: string): boolean {
  let current: unknown = claims;
  for (const part of path.split(".")) {
    if (!current || typeof current !== "object" || Array.isArray(current)) return false;
    current = (current as Record<string, unknown>)[part];
  }
  if (Array.isArray(current)) return current.some((v) => v === value);
  if (typeof current === "string") return current === value || current.split(" ").includes(value);
  return current === true && value === "true";
}

/**
 * The account for a person coming from the city's directory, decided anew at every sign-in: the
 * directory is the source of truth for the organiser role. The first sign-in creates the account
 * (or links an existing one with the same verified address); a person no longer in the organiser
 * group loses the role (a coordinator of a working group stays one, anyone else is deactivated and
 * signed out everywhere) and is not signed in as an organiser.
 */
export async function signInFromDirectory(person: DirectoryPerson): Promise<DirectorySignIn> {
  const email = person.email && person.emailVerified ? normaliseEmail(person.email) : null;
  return db.transaction(async (tx) => {
    const columns = {
      id: users.id,
      role: users.role,
      groupId: users.groupId,
      active: users.active,
      oidcSubject: users.oidcSubject,
      name: users.name,
      email: users.email,
    };
    let [user] = await tx.select(columns).from(users).where(eq(users.oidcSubject, person.subject));
    if (!user && email) {
      const [byEmail] = await tx.select(columns).from(users).where(eq(users.email, email));
      // The address belongs to an account another directory identity already uses.
      if (byEmail?.oidcSubject && byEmail.oidcSubject !== person.subject)
        return { ok: false as const, reason: "conflict" as const };
      user = byEmail;
    }

    if (!person.isOrganiser) {
      if (user?.role === "organiser") {
        const keepsGroup = user.groupId !== null;
        await tx
          .update(users)
          .set(
            keepsGroup
              ? { role: "coordinator", oidcSubject: person.subject }
              : { active: false, oidcSubject: person.subject },
          )
          .where(eq(users.id, user.id));
        await tx.delete(sessions).where(eq(sessions.userId, user.id));
        await recordAudit(tx, {
          actor: null,
          action: "user.directory.revoke",
          subjectType: "user",
          subjectId: user.id,
          summary: keepsGroup
            ? "Nicht mehr in der Gruppe im Verzeichnis: jetzt Koordination"
            : "Nicht mehr in der Gruppe im Verzeichnis: Konto deaktiviert",
        });
        if (!keepsGroup) return { ok: false as const, reason: "not-authorised" as const };
        return { ok: true as const, userId: user.id, created: false };
      }
      if (user?.role === "coordinator" && user.active && user.groupId) {
        if (!user.oidcSubject) await tx.update(users).set({ oidcSubject: person.subject }).where(eq(users.id, user.id));
        return { ok: true as const, userId: user.id, created: false };
      }
      return { ok: false as const, reason: "not-authorised" as const };
    }

    if (!user) {
      if (!email) return { ok: false as const, reason: "no-email" as const };
      const [created] = await tx
        .insert(users)
        .values({ email, name: person.name?.trim() || email, role: "organiser", oidcSubject: person.subject })
        .returning({ id: users.id });
      await recordAudit(tx, {
        actor: null,
        action: "user.directory.create",
        subjectType: "user",
        subjectId: created!.id,
        summary: "Erste Anmeldung mit dem Konto der Stadt",
      });
      return { ok: true as const, userId: created!.id, created: true };
    }

    const changes: Partial<typeof users.$inferInsert> = {
      role: "organiser",
      active: true,
      oidcSubject: person.subject,
    };
    if (person.name?.trim()) changes.name = person.name.trim();
    if (email && email !== user.email) {
      // The directory's address changed; take it unless another account has it.
      const [taken] = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.email, email), ne(users.id, user.id)));
      if (!taken) changes.email = email;
    }
    await tx.update(users).set(changes).where(eq(users.id, user.id));
    if (user.role !== "organiser" || !user.active) {
      await recordAudit(tx, {
        actor: null,
        action: "user.directory.grant",
        subjectType: "user",
        subjectId: user.id,
        summary: "In der Gruppe im Verzeichnis",
      });
    }
    return { ok: true as const, userId: user.id, created: false };
  });
}
