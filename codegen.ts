import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Supergraph } from "@apollo/federation-internals";
import type { CodegenConfig } from "@graphql-codegen/cli";
import { GraphQLSchema } from "graphql";

// `npm run codegen`: TypeScript types for the partner page's operations (typescript-operations emits the enums and
// inputs they use; typed-document-node the typed documents). `npm run codegen:check` (in npm test) fails when stale.

export const SUPERGRAPH = join(__dirname, "schema", "supergraph.graphql");
export const PARTNER_OPERATIONS = join(__dirname, "web", "partner", "operations.graphql");
export const GENERATED = join(__dirname, "web", "partner", "operations.generated.ts");

/** What clients can query: the supergraph without its join__ machinery and @inaccessible parts. */
export function apiSchemaOf(supergraphPath: string): GraphQLSchema {
  return Supergraph.build(readFileSync(supergraphPath, "utf8")).apiSchema().toGraphQLJSSchema();
}

const config: CodegenConfig = {
  schema: apiSchemaOf(SUPERGRAPH),
  documents: PARTNER_OPERATIONS,
  generates: {
    [GENERATED]: {
      plugins: ["typescript-operations", "typed-document-node"],
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { Date: "string", DateTime: "string", Decimal: "string", LocalTime: "string", SafeInt: "number" },
      },
    },
  },
  silent: true,
};

export default config;
