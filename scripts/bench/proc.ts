import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

// What the kernel accounts to each process (Linux /proc): CPU time and peak memory, read by pid from outside.

/** User and system CPU of a process in clock ticks: fields 14 and 15 of /proc/<pid>/stat. */
export function parseStat(text: string): { utime: number; stime: number } {
  // field 2, the command, is in parentheses and may itself hold spaces and ")": count from the last ")"
  const rest = text.slice(text.lastIndexOf(")") + 2).trim().split(/\s+/);
  // rest[0] is field 3 (state), so field n is rest[n - 3]
  const utime = Number(rest[14 - 3]);
  const stime = Number(rest[15 - 3]);
  if (!Number.isFinite(utime) || !Number.isFinite(stime)) throw new Error(`not a /proc/<pid>/stat line: ${text.slice(0, 80)}`);
  return { utime, stime };
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

/** utime + stime of a running process, in clock ticks. */
export function cpuTicks(pid: number): number {
  const { utime, stime } = parseStat(readFileSync(`/proc/${pid}/stat`, "utf8"));
  return utime + stime;
}

/** Peak resident memory of a running process, in KiB. */
export function peakMemoryKib(pid: number): number {
  return parseStatus(readFileSync(`/proc/${pid}/status`, "utf8")).peakKib;
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
