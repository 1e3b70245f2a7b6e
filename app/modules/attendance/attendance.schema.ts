import { z } from "zod";

export const checkinActionSchema = z.object({
  intent: z.enum(["checkin", "undo"]),
  registrationId: z.uuid(),
});
