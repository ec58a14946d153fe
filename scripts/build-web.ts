import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { build, Plugin } from "esbuild";
import { WEB_APPS, WEB_ASSETS } from "../gateway/dev-routes";
import { writeTrustedDocuments } from "./build-trusted-documents";

// `npm run build` (after tsc): bundles each web app with everything it imports from node_modules into
// dist/web/<app>/ (index.html, main.js, main.css), and the fonts they use into dist/web/assets/ (shared by the
// apps, hashed names), which the gateway serves in development. No CDN.

/** The repository root, from scripts/ (ts-jest) or dist/scripts/ (compiled). */
function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, "package.json"))) {
    if (dirname(dir) === dir) throw new Error(`No package.json above ${__dirname}`);
    dir = dirname(dir);
  }
  return dir;
}

/**
 * Fontsource's @font-face rules list a woff fallback after each woff2; every browser that runs these pages reads
 * woff2, so the fallback is dropped rather than copied (it would double the fonts' size on disk).
 */
const woff2Only: Plugin = {
  name: "woff2-only",
  setup(esbuild) {
    esbuild.onLoad({ filter: /@fontsource[\\/].*\.css$/ }, (args) => ({
      contents: readFileSync(args.path, "utf8").replace(/,\s*url\([^)]*\.woff\) format\('woff'\)/g, ""),
      loader: "css",
    }));
  },
};

/** Bundles every web app into `outDir`/<app>/ and their fonts into `outDir`/assets/; returns the files written. */
export async function buildWeb(outDir = join(repoRoot(), "dist", "web")): Promise<string[]> {
  const root = repoRoot();
  mkdirSync(outDir, { recursive: true });
  await build({
    entryPoints: Object.fromEntries(WEB_APPS.map((app) => [`${app}/main`, join(root, "web", app, "main.tsx")])),
    outdir: outDir,
    bundle: true,
    minify: true,
    format: "iife",
    platform: "browser",
    target: ["es2020"],
    jsx: "automatic",
    tsconfig: join(root, "web", "tsconfig.json"),
    // the explorer's example operations are the kept test/contract/operations.graphql, bundled as text
    loader: { ".graphql": "text", ".woff2": "file" },
    // main.css of each app refers to ../assets/<font>-<hash>.woff2, served at /assets/ beside /<app>/
    assetNames: `${WEB_ASSETS}/[name]-[hash]`,
    plugins: [woff2Only],
    define: { "process.env.NODE_ENV": '"production"' },
    legalComments: "none",
    logLevel: "warning",
  });
  const written: string[] = [];
  for (const app of WEB_APPS) {
    copyFileSync(join(root, "web", app, "index.html"), join(outDir, app, "index.html"));
    written.push(...["index.html", "main.js", "main.css"].map((file) => join(outDir, app, file)));
  }
  return written;
}

async function main(): Promise<void> {
  const outDir = join(repoRoot(), "dist", "web");
  const files = await buildWeb(outDir);
  const kib = (path: string) => `${Math.round(statSync(path).size / 1024)} KiB`;
  const fonts = readdirSync(join(outDir, WEB_ASSETS));
  const fontBytes = fonts.reduce((sum, file) => sum + statSync(join(outDir, WEB_ASSETS, file)).size, 0);
  process.stdout.write(`Web bundles: ${files.map((f) => `${relative(process.cwd(), f)} (${kib(f)})`).join(", ")}; ${fonts.length} font slices (${Math.round(fontBytes / 1024)} KiB).\n`);
  const manifest = join(repoRoot(), "dist", "trusted-documents.json");
  process.stdout.write(`Trusted documents: ${writeTrustedDocuments(repoRoot(), manifest)} operations in ${relative(process.cwd(), manifest)}.\n`);
}

if (require.main === module) {
  main().catch((error: Error) => {
    process.stderr.write(`Building the web bundles failed: ${error.message}\n`);
    process.exit(1);
  });
}
