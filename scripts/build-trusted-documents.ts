import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { TrustedDocumentsManifest, trustedOperations } from "../gateway/trusted-documents";

// The trusted documents the hub ships: every operation of these files, hashed. `npm run build` writes them to
// dist/trusted-documents.json (scripts/build-web.ts calls this); a partner's new operation is registered by adding
// it to web/partner/operations.graphql (README "Registering partner operations").

/** The files whose operations anonymous and partner callers may run, from the repository root. */
export const TRUSTED_SOURCES = [
  "web/partner/operations.graphql", // the partner page's
  "test/contract/operations.graphql", // the demo's: the kept copy of ../shared/domain/operations.graphql (test/deploy/api-contract)
];

/** The manifest of every operation of TRUSTED_SOURCES; throws on a name used twice. */
export function trustedDocumentsManifest(root: string): TrustedDocumentsManifest {
  const operations = TRUSTED_SOURCES.flatMap((file) => trustedOperations(readFileSync(join(root, file), "utf8")));
  const names = new Set<string>();
  for (const { name } of operations) {
    if (names.has(name)) throw new Error(`The trusted operation ${name} is defined twice in ${TRUSTED_SOURCES.join(", ")}: rename one.`);
    names.add(name);
  }
  return { format: "apollo-persisted-query-manifest", version: 1, operations };
}

/** Writes the manifest to `outPath` (dist/trusted-documents.json at build); returns how many operations it holds. */
export function writeTrustedDocuments(root: string, outPath: string): number {
  const manifest = trustedDocumentsManifest(root);
  mkdirSync(dirname(outPath), { recursive: true });
  writeFileSync(outPath, `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest.operations.length;
}
