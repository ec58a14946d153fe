import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

// What the kernel accounts to each process (Linux /proc): CPU time and peak memory, read by pid from outside.

/** From /proc/<pid>/stat: its parent (field 4), its own user and system CPU (14, 15) and its reaped children's (16, 17), in clock ticks. */
export function parseStat(text: string): { ppid: number; utime: number; stime: number; cutime: number; cstime: number } {
  // field 2, the command, is in parentheses and may itself hold spaces and ")": count from the last ")"
  const rest = text.slice(text.lastIndexOf(")") + 2).trim().split(/\s+/);
  // rest[0] is field 3 (state), so field n is rest[n - 3]
  const [ppid, utime, stime, cutime, cstime] = [4, 14, 15, 16, 17].map((n) => Number(rest[n - 3]));
  if (![ppid, utime, stime, cutime, cstime].every(Number.isFinite)) throw new Error(`not a /proc/<pid>/stat line: ${text.slice(0, 80)}`);
  return { ppid, utime, stime, cutime, cstime };
}

/** Peak and current resident memory (KiB) from /proc/<pid>/status: VmHWM and VmRSS. */
export function parseStatus(text: string): { peakKib: number; rssKib: number } {
  const field = (name: string) => {
    const match = new RegExp(`^${name}:\\s+(\\d+)\\s+kB`, "m").exec(text);
    if (!match) throw new Error(`/proc/<pid>/status has no ${name}`);
    return Number(match[1]);
  };
  return { peakKib: field("VmHWM"), rssKib: field("VmRSS") };
}

/** A file of /proc/<pid>/, or null once the process is gone (a worker may exit between the listing and the read). */
function procFile(pid: number, name: string): string | null {
  try {
    return readFileSync(`/proc/${pid}/${name}`, "utf8");
  } catch {
    return null;
  }
}

/**
 * `root` and its descendants (HUB_WORKERS: a primary and its cluster workers), by each process's parent in
 * /proc/<pid>/stat: /proc/<pid>/task/<tid>/children needs a kernel option that not every kernel has.
 */
export function processTree(root: number): number[] {
  const childrenOf = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = procFile(Number(entry), "stat");
    if (stat === null) continue;
    const { ppid } = parseStat(stat);
    childrenOf.set(ppid, [...(childrenOf.get(ppid) ?? []), Number(entry)]);
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) tree.push(...(childrenOf.get(tree[i]) ?? []));
  return tree;
}

/**
 * CPU of a process and its descendants, in clock ticks: each one's utime + stime, plus what its children that
 * ended and were reaped had used (cutime + cstime), so a worker that dies mid-measurement keeps its share.
 */
export function cpuTicks(pid: number): number {
  let ticks = 0;
  for (const member of processTree(pid)) {
    const stat = procFile(member, "stat");
    if (stat === null) continue;
    const { utime, stime, cutime, cstime } = parseStat(stat);
    ticks += utime + stime + cutime + cstime;
  }
  return ticks;
}

/** Peak resident memory of a process and its descendants, in KiB: the sum of each one's peak (an upper bound of the group's). */
export function peakMemoryKib(pid: number): number {
  let kib = 0;
  for (const member of processTree(pid)) {
    const status = procFile(member, "status");
    if (status !== null) kib += parseStatus(status).peakKib;
  }
  return kib;
}

/** Clock ticks per second (getconf CLK_TCK; 100 on nearly every Linux). */
export function ticksPerSecond(): number {
  try {
    const ticks = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim());
    return Number.isInteger(ticks) && ticks > 0 ? ticks : 100;
  } catch {
    return 100;
  }
}
