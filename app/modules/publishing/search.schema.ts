import { z } from "zod";

export const SEARCH_KINDS = ["dokument", "dokumentation", "bericht", "ziel", "monitoring"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export const searchParamsSchema = z.object({
  q: z.string().trim().max(200).catch(""),
  jahr: z.coerce.number().int().min(1950).max(2100).or(z.literal("")).catch(""),
  art: z.enum(SEARCH_KINDS).or(z.literal("")).catch(""),
});
