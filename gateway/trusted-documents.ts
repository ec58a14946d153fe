import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { ApolloServerPlugin } from "@apollo/server";
import { DefinitionNode, DocumentNode, FragmentDefinitionNode, GraphQLError, Kind, parse, print, visit } from "graphql";
import { ConfigError } from "../platform/config";
import { Claims } from "../platform/identity";
import { isStaff } from "./limits";

// Trusted documents: in this mode anonymous and partner callers may run only the operations the hub ships
// (dist/trusted-documents.json, built by scripts/build-trusted-documents.ts from the partner page's and the demo's
// operations); signed-in staff may send any document.

/** One operation of the manifest, in the format of Apollo's persisted query manifests. */
export interface TrustedOperation {
  /** sha256 (hex) of `body`: what a client sends as the APQ extension's sha256Hash. */
  id: string;
  name: string;
  type: "query" | "mutation" | "subscription";
  /** The operation and the fragments it uses, printed by graphql-js. */
  body: string;
}

export interface TrustedDocumentsManifest {
  format: "apollo-persisted-query-manifest";
  version: 1;
  operations: TrustedOperation[];
}

/** The hash a document is known by: sha256 of its text, hex (as APQ). */
export function documentHash(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** The fragments an operation uses, transitively. */
function usedFragments(definition: DefinitionNode, fragments: Map<string, FragmentDefinitionNode>, seen = new Set<string>()): FragmentDefinitionNode[] {
  const found: FragmentDefinitionNode[] = [];
  visit(definition, {
    FragmentSpread(node) {
      const fragment = fragments.get(node.name.value);
      if (!fragment || seen.has(fragment.name.value)) return;
      seen.add(fragment.name.value);
      found.push(fragment, ...usedFragments(fragment, fragments, seen));
    },
  });
  return found;
}

/** Each operation of a .graphql file as the manifest holds it: printed with the fragments it uses. */
export function trustedOperations(text: string): TrustedOperation[] {
  const document = parse(text);
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  return document.definitions.flatMap((definition) => {
    if (definition.kind !== Kind.OPERATION_DEFINITION) return [];
    if (!definition.name) throw new Error("A trusted operation needs a name: name every operation of the file.");
    const body = print({ kind: Kind.DOCUMENT, definitions: [definition, ...usedFragments(definition, fragments)] } as DocumentNode);
    return [{ id: documentHash(body), name: definition.name.value, type: definition.operation, body }];
  });
}

/** The manifest's operations by hash; a ConfigError when the file is missing or malformed. */
export function loadTrustedDocuments(path: string): Map<string, string> {
  if (!existsSync(path)) throw new ConfigError(`Trusted documents are on, but the manifest ${path} is missing: npm run build writes it (or set HUB_TRUSTED_DOCUMENTS=off).`);
  return new Map(readManifest(path).map((operation) => [operation.id, operation.body]));
}

/** The manifest's operations, each checked against its hash; none when the file does not exist (not built). */
export function readManifest(path: string): TrustedOperation[] {
  if (!existsSync(path)) return [];
  const manifest = JSON.parse(readFileSync(path, "utf8")) as TrustedDocumentsManifest;
  if (manifest.format !== "apollo-persisted-query-manifest" || !Array.isArray(manifest.operations)) throw new ConfigError(`${path} is not a trusted documents manifest: rebuild it with npm run build.`);
  for (const operation of manifest.operations) {
    if (documentHash(operation.body) !== operation.id) throw new ConfigError(`${path}: the hash of ${operation.name} does not match its body; rebuild it with npm run build.`);
  }
  return manifest.operations;
}

/** The refusal of a document that is not in the manifest. */
export function notAllowed(): GraphQLError {
  return new GraphQLError(
    "Anonymous and partner callers may run only the hub's registered operations, and this document is not one of them. Send a registered operation (its full text, or its sha256 hash in the persistedQuery extension), or sign in as staff. To register a new operation, see \"Registering partner operations\" in the hub's README.",
    { extensions: { code: "PERSISTED_QUERY_NOT_ALLOWED", http: { status: 403 } } },
  );
}

// Whether a parsed document prints as a manifest entry: kept per document object, which Apollo reuses for the
// same text, so a trusted document sent with other whitespace or comments is printed once.
const printedTrusted = new WeakMap<DocumentNode, boolean>();

/**
 * Refuses, for anonymous and partner callers, any document that is not a manifest operation: compared by the
 * hash of the text as sent (also when it came from the APQ cache), or else of its printed form. The check runs
 * before APQ stores a document, so registering through APQ is no way around it.
 */
export function trustedDocumentsPlugin<C extends { claims: Claims }>(manifest: Map<string, string>): ApolloServerPlugin<C> {
  return {
    async requestDidStart({ contextValue }) {
      if (isStaff(contextValue.claims)) return {};
      return {
        async didResolveOperation({ source, document }) {
          if (manifest.has(documentHash(source))) return;
          let trusted = printedTrusted.get(document);
          if (trusted === undefined) printedTrusted.set(document, (trusted = manifest.has(documentHash(print(document)))));
          if (!trusted) throw notAllowed();
        },
      };
    },
  };
}
