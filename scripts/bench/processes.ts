import { ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";

// The hub as deployed: each subgraph and the gateway its own process from dist/, as docker compose starts them.

/** The repository root, from dist/scripts/bench/ (or from scripts/bench/ when jest runs the sources). */
export const ROOT = __filename.endsWith(".ts") ? join(__dirname, "..", "..") : join(__dirname, "..", "..", "..");

export interface HubProcess {
  name: string;
  pid: number;
  url: string;
  child: ChildProcess;
  exited: Promise<number | null>;
  /** The last lines it wrote (LOG_LEVEL=warn: warnings and errors only), for a failure's message. */
  tail: string[];
}

/** A port free on loopback now (the OS picks it); the processes need theirs before they start to know each other's. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Node's flags that make a process write a V8 CPU profile of its whole life into `<folder>/<name>/` when it exits
 * (SIGTERM drains and exits 0, so the profile gets written); [] without a folder.
 */
export function cpuProfileArgs(folder: string | undefined, name: string): string[] {
  return folder ? ["--cpu-prof", "--cpu-prof-dir", join(folder, name)] : [];
}

/** Whether the process on `origin` (http://127.0.0.1:<port>) can serve: by default its /ready answers 200. */
export type ReadyProbe = (origin: string) => Promise<boolean>;

const answersReady: ReadyProbe = async (origin) => (await fetch(`${origin}/ready`)).status === 200;

export interface StartOptions {
  /** How to tell it can serve (default: GET /ready answers 200). */
  ready?: ReadyProbe;
  /** Write the process's CPU profile under this folder (`--cpu-prof`). */
  profileFolder?: string;
}

/** Starts `node dist/<entry>` with `env` only (plus PATH) and resolves once `ready` says it can serve. */
export async function startHubProcess(name: string, entry: string, port: number, env: Record<string, string>, { ready = answersReady, profileFolder }: StartOptions = {}): Promise<HubProcess> {
  const script = join(ROOT, "dist", entry);
  if (!existsSync(script)) throw new Error(`${script} is missing: npm run bench builds it first (npm run -s build)`);
  const child = spawn(process.execPath, [...cpuProfileArgs(profileFolder, name), script], {
    env: { PATH: process.env.PATH ?? "", ...env, PORT: String(port), HOST: "127.0.0.1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const tail: string[] = [];
  const keep = (chunk: Buffer) => {
    tail.push(...chunk.toString("utf8").split("\n").filter(Boolean));
    tail.splice(0, Math.max(0, tail.length - 40));
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const running: HubProcess = { name, pid: child.pid!, url: `http://127.0.0.1:${port}/graphql`, child, exited, tail };
  let gone: number | null | undefined;
  void exited.then((code) => (gone = code));
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (gone !== undefined) throw new Error(`${name} (${entry}) exited with ${gone} before it was ready:\n${tail.join("\n")}`);
    try {
      if (await ready(`http://127.0.0.1:${port}`)) return running;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill("SIGTERM");
  throw new Error(`${name} was not ready within 120 s:\n${tail.join("\n")}`);
}

/** SIGTERM to each (they drain and exit 0), SIGKILL to any still running after `graceMs`; resolves when all are gone. */
export async function stopAll(processes: readonly HubProcess[], graceMs = 15_000): Promise<void> {
  await Promise.all(
    processes.map(async (p) => {
      if (p.child.exitCode !== null || p.child.signalCode !== null) return;
      p.child.kill("SIGTERM");
      const timer = setTimeout(() => p.child.kill("SIGKILL"), graceMs);
      await p.exited;
      clearTimeout(timer);
    }),
  );
}
