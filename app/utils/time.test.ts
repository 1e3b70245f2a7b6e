import { describe, expect, it } from "vitest";
import { berlinTime, formatDateTime, formatTime, formatTimeRange } from "./time";

describe("times as people read them", () => {
  const start = berlinTime(2027, 3, 10, 9, 30);
  const end = berlinTime(2027, 3, 10, 16, 0);

  it("the 24-hour clock in every language (no 'PM' on English pages)", () => {
    expect(formatTime(end, "en")).toBe("16:00");
    expect(formatTime(end, "de")).toBe("16:00");
    expect(formatDateTime(end, "en")).not.toMatch(/AM|PM/);
    expect(formatDateTime(end, "en")).toContain("16:00");
  });

  it("German spans end in 'Uhr', others do not", () => {
    expect(formatTimeRange(start, end, "de")).toBe("09:30–16:00 Uhr");
    expect(formatTimeRange(start, null, "de")).toBe("09:30 Uhr");
    expect(formatTimeRange(start, end, "en")).toBe("09:30–16:00");
  });
});
