import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { ROOT } from "./processes";

// npm run -s bench:profile-top -- <file.cpuprofile> [--top N]: where a process's CPU went, without Chrome.

/** The parts of V8's .cpuprofile (what `node --cpu-prof` writes) read here. */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  /** Microseconds since the previous sample, one per sample. */
  timeDeltas: number[];
}

export interface FunctionTime {
  /** `name url:line` (line 1-based; the url relative to the repository, node_modules/ shortened to its package). */
  where: string;
  selfMs: number;
  totalMs: number;
}

export interface ProfileSummary {
  sampledMs: number;
  idleMs: number;
  functions: FunctionTime[];
  /** Self time per package (`hub` for this repository's code, `node` for Node's own, `(gc)`, `(program)` …). */
  packages: { name: string; selfMs: number }[];
}

const shortUrl = (url: string) =>
  url
    .replace(/^file:\/\//, "")
    .replace(`${ROOT}/`, "")
    .replace(/^.*node_modules\//, "");

function packageOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith("(") ? functionName : "(native)";
  if (url.startsWith("node:")) return "node";
  const inModules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  return inModules ? inModules[1] : "hub";
}

/**
 * Self time of a function: the samples taken in it. Total time: the samples with it anywhere on the stack,
 * each sample once however deep the recursion.
 */
export function summarizeProfile(profile: CpuProfile): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const keyOf = (id: number) => {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    return url ? `${functionName || "(anonymous)"} ${shortUrl(url)}:${lineNumber + 1}` : functionName;
  };
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const packages = new Map<string, number>();
  const onStack = new Map<string, number>();
  // inclusive time of each node, added to its function only where that function is not already lower on the stack
  const visit = (id: number): number => {
    const node = byId.get(id)!;
    const key = keyOf(id);
    onStack.set(key, (onStack.get(key) ?? 0) + 1);
    let inclusive = selfUs.get(id) ?? 0;
    for (const child of node.children ?? []) inclusive += visit(child);
    onStack.set(key, onStack.get(key)! - 1);
    if (!onStack.get(key)) total.set(key, (total.get(key) ?? 0) + inclusive);
    const own = selfUs.get(id) ?? 0;
    self.set(key, (self.get(key) ?? 0) + own);
    const pkg = packageOf(node.callFrame.url, node.callFrame.functionName);
    packages.set(pkg, (packages.get(pkg) ?? 0) + own);
    return inclusive;
  };
  const childIds = new Set(profile.nodes.flatMap((node) => node.children ?? []));
  for (const node of profile.nodes) if (!childIds.has(node.id)) visit(node.id);
  const ms = (us: number) => us / 1000;
  const sampledMs = ms(profile.timeDeltas.reduce((sum, delta) => sum + delta, 0));
  return {
    sampledMs,
    idleMs: ms(self.get("(idle)") ?? 0),
    functions: [...total.keys()].map((where) => ({ where, selfMs: ms(self.get(where) ?? 0), totalMs: ms(total.get(where)!) })),
    packages: [...packages].map(([name, us]) => ({ name, selfMs: ms(us) })).sort((a, b) => b.selfMs - a.selfMs),
  };
}

/** The top `count` functions by self and by total time, and self time per package, as text. */
export function profileReport(summary: ProfileSummary, count: number): string {
  const busy = summary.sampledMs - summary.idleMs;
  const pct = (value: number) => `${((100 * value) / busy).toFixed(1).padStart(5)}%`;
  const row = (value: number, label: string) => `${value.toFixed(0).padStart(9)} ms ${pct(value)}  ${label}`;
  // the root and idle are not work; "(program)" and "(garbage collector)" are, and stay listed
  const work = summary.functions.filter((f) => f.where !== "(root)" && f.where !== "(idle)");
  const top = (pick: (f: FunctionTime) => number) => [...work].sort((a, b) => pick(b) - pick(a)).slice(0, count);
  return [
    `sampled ${summary.sampledMs.toFixed(0)} ms, idle ${summary.idleMs.toFixed(0)} ms, busy ${busy.toFixed(0)} ms (percentages of busy)`,
    "",
    "self time by package:",
    ...summary.packages.filter((p) => p.name !== "(idle)" && p.name !== "(root)").slice(0, count).map((p) => row(p.selfMs, p.name)),
    "",
    `top ${count} by self time:`,
    ...top((f) => f.selfMs).map((f) => row(f.selfMs, f.where)),
    "",
    `top ${count} by total time (self + callees):`,
    ...top((f) => f.totalMs).map((f) => row(f.totalMs, f.where)),
    "",
  ].join("\n");
}

function main(argv: string[]): number {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { top: { type: "string", default: "25" } } });
  const count = Number(values.top);
  if (positionals.length !== 1 || !Number.isInteger(count) || count < 1) {
    process.stderr.write("Usage: npm run -s bench:profile-top -- <file.cpuprofile> [--top N]\n");
    return 2;
  }
  const profile = JSON.parse(readFileSync(positionals[0], "utf8")) as CpuProfile;
  process.stdout.write(profileReport(summarizeProfile(profile), count));
  return 0;
}

if (require.main === module) process.exit(main(process.argv.slice(2)));
