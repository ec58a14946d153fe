import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Supergraph } from "@apollo/federation-internals";
import { DocumentNode, GraphQLSchema, Kind, parse, print, validate } from "graphql";

// The operations users run (../shared/domain/operations.graphql, kept in test/contract/).
const document = parse(readFileSync(join(__dirname, "..", "contract", "operations.graphql"), "utf8"));

/** One named operation of operations.graphql, as the text a client sends. */
export function operation(name: string): string {
  const found = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION && d.name?.value === name);
  if (!found) throw new Error(`operations.graphql has no operation named ${name}`);
  return print({ kind: Kind.DOCUMENT, definitions: [found] } as DocumentNode);
}

let api: GraphQLSchema | null = null;

/** Validation errors of an operation against the committed supergraph's client API ([] when it validates). */
export function validateAgainstSupergraph(text: string): string[] {
  api ??= Supergraph.build(readFileSync(join(__dirname, "..", "..", "schema", "supergraph.graphql"), "utf8")).apiSchema().toGraphQLJSSchema();
  return validate(api, parse(text)).map((e) => e.message);
}
