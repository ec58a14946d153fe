import "reflect-metadata";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { composeServices } from "@apollo/composition";
import { parse } from "graphql";
import { buildSubgraphParts } from "../subgraphs/kit/schema";
import { defaultSubgraphUrl, SUBGRAPHS } from "./subgraphs";

/** Builds every subgraph's SDL and composes the supergraph; returns the files and their contents. */
export async function composeHub(): Promise<{ files: Record<string, string>; errors: string[] }> {
  const files: Record<string, string> = {};
  const services = [];
  for (const module of SUBGRAPHS) {
    const { sdl } = await buildSubgraphParts(module.definition);
    files[`${module.name}.graphql`] = sdl;
    services.push({ name: module.name, url: defaultSubgraphUrl(module), typeDefs: parse(sdl) });
  }
  const result = composeServices(services);
  if (result.errors) return { files, errors: result.errors.map((e) => e.message) };
  files["supergraph.graphql"] = result.supergraphSdl;
  return { files, errors: [] };
}

async function main(): Promise<void> {
  const check = process.argv.includes("--check");
  const schemaDir = join(__dirname, "..", "..", "schema");
  const { files, errors } = await composeHub();
  if (errors.length) {
    process.stderr.write(`Composition failed:\n${errors.map((e) => `  - ${e}`).join("\n")}\n`);
    process.exit(1);
  }
  const stale: string[] = [];
  for (const [name, content] of Object.entries(files)) {
    const path = join(schemaDir, name);
    if (check) {
      let committed = "";
      try {
        committed = readFileSync(path, "utf8");
      } catch {
        // missing counts as stale
      }
      if (committed !== content) stale.push(`schema/${name}`);
    } else writeFileSync(path, content);
  }
  if (stale.length) {
    process.stderr.write(`Stale generated schema: ${stale.join(", ")}.\nRun \`npm run compose\` and commit the result.\n`);
    process.exit(1);
  }
  process.stdout.write(check ? "schema/ is up to date.\n" : `Wrote ${Object.keys(files).map((f) => `schema/${f}`).join(", ")}.\n`);
}

if (require.main === module) void main();
