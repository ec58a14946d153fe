import { ApolloServerPlugin } from "@apollo/server";
import { ApolloArmor } from "@escape.tech/graphql-armor";
import { DocumentNode, GraphQLError, GraphQLSchema, Lexer, Source, TokenKind, validate, ValidationRule } from "graphql";
import { Claims } from "../platform/identity";
import { costAndDependence } from "./operation-cost";

// Query limits, checked before anything is planned or sent to a subgraph (DESIGN "verifies the JWT · limits").
// Apollo's validation rules are static (they never see the caller), so the limits that depend on who calls are
// checked by a plugin in didResolveOperation, on measures taken once per document; the only static limit is the
// parser's token cap (the loosest tier's), which bounds what parsing and validation may cost before that.

/** The limits of one tier of callers. */
export interface OperationLimits {
  /** Nesting of fields (fragments count as written; introspection's __schema is not counted). */
  depth: number;
  aliases: number;
  directives: number;
  /** Lexical tokens of the whole document. */
  tokens: number;
  /** Objects the operation may return: each object field costs 1, times the page size of the lists above it. */
  cost: number;
  /** Fetches the gateway's query plan makes to any one subgraph. */
  subgraphFetches: number;
}

export type LimitName = keyof OperationLimits;

/** Anonymous and partner callers (the open internet) get `public`; signed-in staff the looser `staff`. */
export interface QueryLimits {
  public: OperationLimits;
  staff: OperationLimits;
}

/** The defaults: every demo, partner-page and explorer operation passes with room to spare (test/e2e/query-limits). */
export const DEFAULT_LIMITS: QueryLimits = {
  public: { depth: 10, aliases: 20, directives: 20, tokens: 2_000, cost: 10_000, subgraphFetches: 6 },
  staff: { depth: 16, aliases: 60, directives: 50, tokens: 6_000, cost: 50_000, subgraphFetches: 16 },
};

/** The environment variable of each limit; each takes "public/staff" or one number for both. */
export const LIMIT_VARIABLES = {
  depth: "HUB_MAX_DEPTH",
  aliases: "HUB_MAX_ALIASES",
  directives: "HUB_MAX_DIRECTIVES",
  tokens: "HUB_MAX_TOKENS",
  cost: "HUB_MAX_COST",
  subgraphFetches: "HUB_MAX_SUBGRAPH_FETCHES",
} as const satisfies Record<LimitName, string>;

/** Signed-in staff: any role but partner. A token with no role at all is treated like the public. */
export function isStaff(claims: Claims | undefined): boolean {
  return !!claims && claims.roles.some((role) => role !== "PARTNER");
}

/** The limits that apply to a caller. */
export function limitsFor(limits: QueryLimits, claims: Claims | undefined): OperationLimits {
  return isStaff(claims) ? limits.staff : limits.public;
}

const WHAT: Record<LimitName, (found: number, max: number, subgraph?: string) => string> = {
  depth: (found, max) => `nests fields ${found} levels deep (at most ${max}); ask for the deep part in a second request`,
  aliases: (found, max) => `uses ${found} aliases (at most ${max}); send fewer aliased fields, or split them over several requests`,
  directives: (found, max) => `uses ${found} directives (at most ${max}); remove repeated @include/@skip`,
  tokens: (found, max) => `is ${found} tokens long (at most ${max}); send a shorter document`,
  cost: (found, max) =>
    `could return up to ${found} objects (at most ${max}; a list counts as its page size: first/last/limit, or its default); ask for smaller pages (first: 10) or fewer nested lists`,
  subgraphFetches: (found, max, subgraph) => `needs ${found} fetches to the ${subgraph} subgraph (at most ${max}); ask for fewer fields that cross from one service to another`,
};

/** The refusal of an operation over a limit: OPERATION_TOO_COMPLEX, naming the limit, its maximum and what was found. */
export function tooComplex(limit: LimitName, found: number, max: number, staff: boolean, subgraph?: string): GraphQLError {
  const who = staff ? "signed-in staff" : "anonymous and partner callers";
  const what = WHAT[limit](found, max, subgraph);
  return new GraphQLError(`The operation ${what}. This limit applies to ${who}.`, {
    extensions: { code: "OPERATION_TOO_COMPLEX", limit, max, found, ...(subgraph ? { subgraph } : {}), http: { status: 400 } },
  });
}

/** What a document measures, independent of the caller and the variables. */
interface Measures {
  depth: number;
  aliases: number;
  directives: number;
  tokens: number;
}

// Keyed by the parsed document: Apollo keeps validated documents in its document store and hands the same object
// to every request with the same text, so a document is measured once.
const measured = new WeakMap<DocumentNode, Measures>();

function countTokens(source: string): number {
  const lexer = new Lexer(new Source(source));
  let tokens = 0;
  while (lexer.advance().kind !== TokenKind.EOF) tokens++;
  return tokens;
}

// graphql-armor's depth, alias and directive rules, asked for their count rather than a verdict (no limit, no
// rejection): each reports the count of every operation it visits to onAccept. validate() is synchronous, so the
// document being measured is the one in `current`.
let current: Measures = { depth: 0, aliases: 0, directives: 0, tokens: 0 };
const counting = (name: "depth" | "aliases" | "directives") => ({
  n: Number.POSITIVE_INFINITY,
  propagateOnRejection: false,
  onAccept: [(_context: unknown, { n }: { n: number }) => void (current[name] = Math.max(current[name], n))],
});
const COUNTING_RULES: ValidationRule[] = new ApolloArmor({
  maxDepth: counting("depth"),
  maxAliases: counting("aliases"),
  maxDirectives: counting("directives"),
  costLimit: { enabled: false },
  maxTokens: { enabled: false },
  blockFieldSuggestion: { enabled: false },
}).protect().validationRules;

/** Depth, aliases and directives as graphql-armor counts them (the largest over the document's operations), and tokens. */
export function measure(schema: GraphQLSchema, document: DocumentNode, source: string): Measures {
  const cached = measured.get(document);
  if (cached) return cached;
  current = { depth: 0, aliases: 0, directives: 0, tokens: countTokens(source) };
  validate(schema, document, COUNTING_RULES);
  measured.set(document, current);
  return current;
}

// graphql-js 16 words it "more that N tokens"
// The cost of a document's operation whose page sizes are all written in it, by operation name.
const fixedCosts = new WeakMap<DocumentNode, Map<string | null, number>>();

function costOf(schema: GraphQLSchema, document: DocumentNode, operationName: string | null, variables: Record<string, unknown>): number {
  const known = fixedCosts.get(document)?.get(operationName);
  if (known !== undefined) return known;
  const { cost, byVariables } = costAndDependence(schema, document, operationName, variables);
  if (!byVariables) {
    if (!fixedCosts.has(document)) fixedCosts.set(document, new Map());
    fixedCosts.get(document)!.set(operationName, cost);
  }
  return cost;
}

const TOKEN_CAP = /^Syntax Error: Document contains more tha[nt] (\d+) tokens/;

/** The parser's cap for every caller (Apollo's parseOptions): the loosest tier's token limit. */
export function parserTokenCap(limits: QueryLimits): number {
  return Math.max(limits.public.tokens, limits.staff.tokens);
}

/**
 * Refuses, before the gateway plans or fetches anything, an operation over the caller's limits of depth,
 * aliases, directives, tokens and cost (OPERATION_TOO_COMPLEX with `limit`, `max` and `found`). The parser's own
 * token cap answers GRAPHQL_PARSE_FAILED; that is rewritten to the same code.
 */
export function queryLimitsPlugin<C extends { claims: Claims }>(limits: QueryLimits): ApolloServerPlugin<C> {
  return {
    async requestDidStart({ contextValue }) {
      const staff = isStaff(contextValue.claims);
      const tier = staff ? limits.staff : limits.public;
      return {
        async didResolveOperation({ schema, document, source, operationName, request }) {
          const found = measure(schema, document, source);
          for (const name of ["depth", "aliases", "directives", "tokens"] as const) {
            if (found[name] > tier[name]) throw tooComplex(name, found[name], tier[name], staff);
          }
          const cost = costOf(schema, document, operationName ?? request.operationName ?? null, request.variables ?? {});
          if (cost > tier.cost) throw tooComplex("cost", cost, tier.cost, staff);
        },
        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            const cap = error.extensions.code === "GRAPHQL_PARSE_FAILED" ? TOKEN_CAP.exec(error.message) : null;
            if (!cap) continue;
            const rewritten = tooComplex("tokens", Number(cap[1]) + 1, Number(cap[1]), staff);
            (error as { message: string }).message = rewritten.message.replace(/is \d+ tokens long/, `is over ${cap[1]} tokens long`);
            Object.assign(error.extensions, rewritten.extensions, { found: undefined });
          }
        },
      };
    },
  };
}
