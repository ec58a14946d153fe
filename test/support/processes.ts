import { ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";

/** A hub process started from dist/ as docker-compose runs it, once it has logged the URL it listens on. */
export interface StartedProcess {
  child: ChildProcess;
  url: string;
  exited: Promise<number | null>;
  /** Every JSON line it logged so far (a cluster's primary and workers write to the same stdout). */
  logged: Record<string, unknown>[];
}

const root = join(__dirname, "..", "..");

/**
 * Starts `dist/<entry>` with only `env` (and PATH) and waits for its "listening" log line; rejects with its stderr
 * when it exits first. `npm test` builds dist/ before jest; run `npm run build` before running one file alone.
 */
export function startProcess(entry: string, env: Record<string, string>): Promise<StartedProcess> {
  const script = join(root, "dist", entry);
  if (!existsSync(script)) throw new Error(`${script} is missing: run npm run build first`);
  const child = spawn(process.execPath, [script], { env: { PATH: process.env.PATH ?? "", LOG_LEVEL: "info", PORT: "0", HOST: "127.0.0.1", ...env }, stdio: ["ignore", "pipe", "pipe"] });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    let stderr = "";
    child.stderr!.on("data", (chunk) => (stderr += chunk));
    exited.then((code) => reject(new Error(`${entry} exited with ${code}: ${stderr}`)));
    const logged: Record<string, unknown>[] = [];
    createInterface({ input: child.stdout! }).on("line", (line) => {
      if (line.startsWith("{")) logged.push(JSON.parse(line) as Record<string, unknown>);
      const url = /"url":"([^"]+)"/.exec(line)?.[1];
      if (url) resolve({ child, url, exited, logged });
    });
  });
}

/** Sends SIGTERM and resolves with the exit code. */
export async function stopProcess(running: StartedProcess): Promise<number | null> {
  running.child.kill("SIGTERM");
  return running.exited;
}
