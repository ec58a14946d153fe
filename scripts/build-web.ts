import { copyFileSync, existsSync, mkdirSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { build } from "esbuild";
import { WEB_APPS } from "../gateway/dev-routes";

// `npm run build` (after tsc): bundles each web app with everything it imports from node_modules into
// dist/web/<app>/ (index.html, main.js, main.css), which the gateway serves in development. No CDN.

/** The repository root, from scripts/ (ts-jest) or dist/scripts/ (compiled). */
function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, "package.json"))) {
    if (dirname(dir) === dir) throw new Error(`No package.json above ${__dirname}`);
    dir = dirname(dir);
  }
  return dir;
}

/** Bundles every web app into `outDir`/<app>/; returns the files written. */
export async function buildWeb(outDir = join(repoRoot(), "dist", "web")): Promise<string[]> {
  const root = repoRoot();
  const written: string[] = [];
  for (const app of WEB_APPS) {
    const out = join(outDir, app);
    mkdirSync(out, { recursive: true });
    await build({
      entryPoints: { main: join(root, "web", app, "main.tsx") },
      outdir: out,
      bundle: true,
      minify: true,
      format: "iife",
      platform: "browser",
      target: ["es2020"],
      jsx: "automatic",
      tsconfig: join(root, "web", "tsconfig.json"),
      // the explorer's example operations are the kept test/contract/operations.graphql, bundled as text
      loader: { ".graphql": "text" },
      define: { "process.env.NODE_ENV": '"production"' },
      legalComments: "none",
      logLevel: "warning",
    });
    copyFileSync(join(root, "web", app, "index.html"), join(out, "index.html"));
    written.push(...["index.html", "main.js", "main.css"].map((file) => join(out, file)));
  }
  return written;
}

async function main(): Promise<void> {
  const files = await buildWeb();
  const kib = (path: string) => `${Math.round(statSync(path).size / 1024)} KiB`;
  process.stdout.write(`Web bundles: ${files.map((f) => `${relative(process.cwd(), f)} (${kib(f)})`).join(", ")}.\n`);
}

if (require.main === module) {
  main().catch((error: Error) => {
    process.stderr.write(`Building the web bundles failed: ${error.message}\n`);
    process.exit(1);
  });
}
