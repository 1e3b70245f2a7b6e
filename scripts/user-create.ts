// npm run user:create -- --email E --name N --role organiser|coordinator [--password P] [--group SLUG]
import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "~/db/client.server";
import { groups } from "~/db/schema";
import { createUser, findUserByEmail } from "~/modules/auth/accounts.server";
import { main, withDatabase } from "./cli";

const args = z.object({
  email: z.email(),
  name: z.string().trim().min(1),
  role: z.enum(["organiser", "coordinator"]),
  password: z.string().min(8, "Passwort: mindestens 8 Zeichen").max(1024).optional(),
  group: z.string().optional(),
});

await main(async () => {
  const { values } = parseArgs({
    options: {
      email: { type: "string" },
      name: { type: "string" },
      role: { type: "string" },
      password: { type: "string" },
      group: { type: "string" },
    },
  });
  const parsed = args.safeParse(values);
  if (!parsed.success) {
    throw new Error(
      `${parsed.error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("; ")}\n` +
        "Aufruf: npm run user:create -- --email E --name N --role organiser|coordinator [--password P] [--group SLUG]",
    );
  }
  const input = parsed.data;
  await withDatabase(async () => {
    if (await findUserByEmail(input.email)) throw new Error(`Es gibt schon ein Konto für ${input.email}.`);
    let groupId: string | null = null;
    if (input.group) {
      const [group] = await db.select({ id: groups.id }).from(groups).where(eq(groups.slug, input.group));
      if (!group) throw new Error(`Unbekannter Arbeitskreis: ${input.group}`);
      groupId = group.id;
    }
    const user = await createUser({ ...input, groupId });
    console.log(`Konto angelegt: ${user.email} (${user.role}).`);
    if (!input.password) console.log("Ohne Passwort: Anmeldung über den Anmelde-Link auf /login.");
  });
});
