import { z } from "zod";

export const checkinActionSchema = z.object({
  intent: z.enum(["checkin", "undo"]),
  registrationId: z.uuid(),
  /** Set by the confirmation shown when the day is not the conference day. */
  confirmOutsideDay: z.literal("on").optional(),
});
