// npm run db:seed — loads the demo content into an empty database (also a PostgreSQL one).
import { seedDemoIfEmpty } from "~/modules/demo/seed.server";
import { main, withDatabase } from "./cli";

await main(() =>
  withDatabase(async () => {
    const demo = await seedDemoIfEmpty({ now: new Date() });
    console.log(
      demo
        ? `Demo geladen. Anmeldung: ${demo.organiserEmail} / ${demo.organiserPassword}`
        : "Die Datenbank ist nicht leer: nichts geladen.",
    );
  }),
);
