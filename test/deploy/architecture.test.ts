import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

// The folders tell the architecture (DESIGN.md "Layout"); these rules are checked on the import graph.
const root = join(__dirname, "..", "..");

/** Every .ts file under `dir`. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "node_modules" ? [] : sources(path);
    return path.endsWith(".ts") ? [path] : [];
  });
}

/** What a file imports: repository files (resolved) and packages (by name). */
function importsOf(file: string): { files: string[]; packages: string[] } {
  const text = readFileSync(file, "utf8");
  const files: string[] = [];
  const packages: string[] = [];
  for (const match of text.matchAll(/^(?:import|export)[^;]*?from\s+"([^"]+)"|^import\s+"([^"]+)"/gm)) {
    const spec = match[1] ?? match[2];
    if (spec.startsWith(".")) {
      const base = resolve(dirname(file), spec);
      const found = [`${base}.ts`, join(base, "index.ts"), base].find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
      if (found) files.push(found);
    } else packages.push(spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0]);
  }
  return { files, packages };
}

/** The files and packages `entry` reaches through its imports, transitively. */
function reach(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    const found = importsOf(file);
    found.packages.forEach((name) => packages.add(name));
    queue.push(...found.files.filter((f) => f.endsWith(".ts")));
  }
  return { files, packages };
}

const rel = (file: string) => relative(root, file);

test("the gateway imports nothing from subgraphs/, and so loads neither TypeORM nor type-graphql", () => {
  const { files, packages } = reach(join(root, "gateway", "main.ts"));
  expect([...files].map(rel).filter((file) => file.startsWith("subgraphs/"))).toEqual([]);
  expect([...packages].filter((name) => ["typeorm", "type-graphql", "better-sqlite3", "mysql2"].includes(name))).toEqual([]);
});

test("platform/ imports nothing from the gateway or the subgraphs", () => {
  const offenders = sources(join(root, "platform")).flatMap((file) =>
    importsOf(file)
      .files.map(rel)
      .filter((target) => !target.startsWith("platform/"))
      .map((target) => `${rel(file)} → ${target}`),
  );
  expect(offenders).toEqual([]);
});

test("a subgraph imports only its own folder, the kit and platform/", () => {
  const offenders: string[] = [];
  for (const name of readdirSync(join(root, "subgraphs"))) {
    if (name === "kit") continue;
    for (const file of sources(join(root, "subgraphs", name))) {
      for (const target of importsOf(file).files.map(rel)) {
        if (!target.startsWith(`subgraphs/${name}/`) && !target.startsWith("subgraphs/kit/") && !target.startsWith("platform/")) offenders.push(`${rel(file)} → ${target}`);
      }
    }
  }
  expect(offenders).toEqual([]);
});

test("the kit imports nothing from a subgraph or the gateway", () => {
  const offenders = sources(join(root, "subgraphs", "kit")).flatMap((file) =>
    importsOf(file)
      .files.map(rel)
      .filter((target) => !target.startsWith("subgraphs/kit/") && !target.startsWith("platform/"))
      .map((target) => `${rel(file)} → ${target}`),
  );
  expect(offenders).toEqual([]);
});

test("inside a subgraph, features use each other only through their index.ts, and every feature has one", () => {
  const offenders: string[] = [];
  for (const name of readdirSync(join(root, "subgraphs"))) {
    if (name === "kit" || !statSync(join(root, "subgraphs", name)).isDirectory()) continue;
    const subgraph = join(root, "subgraphs", name);
    const features = readdirSync(subgraph).filter((entry) => entry !== "migrations" && statSync(join(subgraph, entry)).isDirectory());
    for (const feature of features) {
      if (!existsSync(join(subgraph, feature, "index.ts"))) offenders.push(`subgraphs/${name}/${feature}/ has no index.ts`);
      for (const file of sources(join(subgraph, feature))) {
        for (const target of importsOf(file).files) {
          const [targetFeature, ...rest] = relative(subgraph, target).split("/");
          const intoAnother = features.includes(targetFeature) && targetFeature !== feature;
          if (intoAnother && rest.join("/") !== "index.ts") offenders.push(`${rel(file)} → ${rel(target)}`);
        }
      }
    }
  }
  expect(offenders).toEqual([]);
});

test("subgraph.ts only lists its features: it imports their index files, the kit and its migrations", () => {
  const offenders: string[] = [];
  for (const name of readdirSync(join(root, "subgraphs"))) {
    const file = join(root, "subgraphs", name, "subgraph.ts");
    if (!existsSync(file)) continue;
    for (const target of importsOf(file).files.map(rel)) {
      const allowed = target.startsWith("subgraphs/kit/") || target.startsWith(`subgraphs/${name}/migrations/`) || /^subgraphs\/[^/]+\/[^/]+\/index\.ts$/.test(target);
      if (!allowed) offenders.push(`${rel(file)} → ${target}`);
    }
  }
  expect(offenders).toEqual([]);
});

test("scripts reach a subgraph's code only through its subgraph.ts or a feature's index.ts", () => {
  const offenders = sources(join(root, "scripts")).flatMap((file) =>
    importsOf(file)
      .files.map(rel)
      .filter((target) => target.startsWith("subgraphs/") && !target.startsWith("subgraphs/kit/"))
      .filter((target) => !/^subgraphs\/[^/]+\/subgraph\.ts$/.test(target) && !/^subgraphs\/[^/]+\/[^/]+\/index\.ts$/.test(target))
      .map((target) => `${rel(file)} → ${target}`),
  );
  expect(offenders).toEqual([]);
});
