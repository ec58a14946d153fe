import { cpuProfileArgs, ROOT } from "@scripts/bench/processes";
import { CpuProfile, profileReport, summarizeProfile } from "@scripts/bench/profile-top";

// npm run bench -- --cpu-prof and npm run -s bench:profile-top: the flags each process gets, and the arithmetic of
// self and total time over a .cpuprofile's sample tree.

test("--cpu-prof gives each process its own profile folder; without it nothing is added", () => {
  expect(cpuProfileArgs("/tmp/profiles/run", "venues")).toEqual(["--cpu-prof", "--cpu-prof-dir", "/tmp/profiles/run/venues"]);
  expect(cpuProfileArgs(undefined, "venues")).toEqual([]);
});

test("self time is the samples in a function, total time the samples with it on the stack, recursion counted once", () => {
  const frame = (functionName: string, url = "", lineNumber = 0) => ({ functionName, url, lineNumber });
  const hub = `file://${ROOT}/dist/subgraphs/kit/loaders.js`;
  const typeorm = `file://${ROOT}/node_modules/typeorm/query-builder/SelectQueryBuilder.js`;
  // root → handle → query → handle (recursion) → query; root → (idle); root → (garbage collector)
  const profile: CpuProfile = {
    nodes: [
      { id: 1, callFrame: frame("(root)"), children: [2, 6, 7] },
      { id: 2, callFrame: frame("handle", hub, 9), children: [3] },
      { id: 3, callFrame: frame("getMany", typeorm, 99), children: [4] },
      { id: 4, callFrame: frame("handle", hub, 9), children: [5] },
      { id: 5, callFrame: frame("getMany", typeorm, 99) },
      { id: 6, callFrame: frame("(idle)") },
      { id: 7, callFrame: frame("(garbage collector)") },
    ],
    samples: [2, 3, 5, 5, 6, 6, 6, 7],
    timeDeltas: [1000, 2000, 1000, 1000, 5000, 5000, 5000, 1000],
  };
  const summary = summarizeProfile(profile);
  expect(summary.sampledMs).toBe(21);
  expect(summary.idleMs).toBe(15);
  const handle = summary.functions.find((f) => f.where === "handle dist/subgraphs/kit/loaders.js:10")!;
  const getMany = summary.functions.find((f) => f.where === "getMany typeorm/query-builder/SelectQueryBuilder.js:100")!;
  expect(handle).toEqual({ where: "handle dist/subgraphs/kit/loaders.js:10", selfMs: 1, totalMs: 5 });
  expect(getMany).toEqual({ where: "getMany typeorm/query-builder/SelectQueryBuilder.js:100", selfMs: 4, totalMs: 4 });
  expect(summary.packages.slice(0, 3)).toEqual([
    { name: "(idle)", selfMs: 15 },
    { name: "typeorm", selfMs: 4 },
    { name: "hub", selfMs: 1 },
  ]);

  const report = profileReport(summary, 2);
  expect(report).toContain("sampled 21 ms, idle 15 ms, busy 6 ms");
  expect(report).toMatch(/top 2 by self time:\n\s+4 ms\s+66\.7%\s+getMany typeorm\/query-builder\/SelectQueryBuilder\.js:100\n\s+1 ms\s+16\.7%\s+/);
  expect(report).not.toMatch(/\(idle\)\n/);
});
