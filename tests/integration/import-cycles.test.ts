import { describe, expect, it } from "vitest";
import { appEdges, edgesOf, findCycles, unitOf } from "../../scripts/import-cycles";

describe("import cycles between folders", () => {
  it("treats each domain as one unit and every other app folder as one", () => {
    expect(unitOf("modules/goals/voting.server.ts")).toBe("modules/goals");
    expect(unitOf("server/form.server.ts")).toBe("server");
    expect(unitOf("root.tsx")).toBeNull();
  });

  it("finds an edge through ~/ and through a relative path, none inside a unit", () => {
    const source = `import { a } from "~/modules/conferences/admin.server";\nimport type { B } from "../registrations/x";\nimport { c } from "./y";\n`;
    expect(edgesOf("modules/goals/z.ts", source).map((e) => e.to)).toEqual([
      "modules/conferences",
      "modules/registrations",
    ]);
  });

  it("reports two folders that import each other, not a chain", () => {
    const e = (from: string, to: string) => ({ from, to, file: `${from}/f.ts` });
    expect(findCycles([e("routes", "server"), e("server", "modules/a"), e("modules/a", "db")])).toEqual([]);
    expect(
      findCycles([
        e("modules/a", "modules/b"),
        e("modules/b", "modules/c"),
        e("modules/c", "modules/a"),
        e("routes", "modules/a"),
      ]),
    ).toEqual([["modules/a", "modules/b", "modules/c"]]);
  });

  it("the app has none", () => {
    expect(findCycles(appEdges())).toEqual([]);
  });
});
