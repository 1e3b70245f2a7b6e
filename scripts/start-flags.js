// The node flags of `npm start` (e.g. the JS heap limit), so the benchmarks run the server as
// production runs it.
import { readFileSync } from "node:fs";

export const startFlags = () => /node (.*)server\.js/.exec(JSON.parse(readFileSync("package.json", "utf8")).scripts.start)[1].trim().split(/\s+/).filter(Boolean);
