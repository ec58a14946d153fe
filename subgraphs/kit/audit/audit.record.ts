import { FieldNode, FragmentDefinitionNode, GraphQLFormattedError, Kind, SelectionSetNode } from "graphql";
import { Viewer } from "../../../platform/identity";
import { newId, typeOfId } from "../ids";
import { AuditEntry, AuditOutcome } from "./audit-entry.entity";

// Pure pieces of the audit log: what one mutation's root fields leave as entries. No DB, no Apollo.

/** A root field of the operation: its response key (alias or name) and its schema name. */
export interface RootField {
  key: string;
  field: string;
}

/** What execution learned about one root field: its coerced arguments and what its resolver returned. */
export interface ResolvedField {
  args: Record<string, unknown>;
  result: unknown;
}

/** At most this many target ids per entry: a series of bookings names its first ones, not hundreds. */
export const MAX_TARGET_IDS = 50;

/** Argument keys that carry ids: `id`, `ids`, `roomId`, `organizationIds`… */
const ID_KEY = /^ids?$|Ids?$/;
const MAX_DEPTH = 4;

/** The root fields an operation selects, through inline fragments and fragment spreads; `__typename` is no mutation. */
export function rootFieldsOf(selectionSet: SelectionSetNode, fragments: Record<string, FragmentDefinitionNode>): RootField[] {
  const fields: RootField[] = [];
  const visit = (set: SelectionSetNode, seen: Set<string>) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value !== "__typename") fields.push(rootField(selection));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet, seen);
      else if (!seen.has(selection.name.value) && fragments[selection.name.value]) {
        visit(fragments[selection.name.value].selectionSet, new Set([...seen, selection.name.value]));
      }
    }
  };
  visit(selectionSet, new Set());
  return fields.filter((f, i) => fields.findIndex((other) => other.key === f.key) === i);
}

function rootField(node: FieldNode): RootField {
  return { key: node.alias?.value ?? node.name.value, field: node.name.value };
}

/**
 * The hub ids a root field aimed at: id-named arguments at any depth of its input (`input.roomId`), and the `id` of
 * its result or of the objects the result holds (`payload.booking.id`). Only values that are hub ids count, so no
 * free text ever lands here, whatever a client puts in an id-named argument.
 */
export function targetIdsOf({ args, result }: ResolvedField): string[] {
  const ids = new Set<string>();
  const add = (value: unknown) => {
    if (typeof value === "string" && ids.size < MAX_TARGET_IDS && typeOfId(value) !== null) ids.add(value);
  };
  const fromArguments = (value: unknown, depth: number) => {
    if (depth > MAX_DEPTH || value === null || typeof value !== "object") return;
    for (const [key, inner] of Object.entries(value)) {
      if (ID_KEY.test(key)) (Array.isArray(inner) ? inner : [inner]).forEach(add);
      else if (Array.isArray(inner)) inner.forEach((item) => fromArguments(item, depth + 1));
      else fromArguments(inner, depth + 1);
    }
  };
  const idOf = (value: unknown) => {
    if (value !== null && typeof value === "object" && "id" in value) add((value as { id: unknown }).id);
  };
  fromArguments(args, 0);
  if (result !== null && typeof result === "object") {
    idOf(result);
    for (const inner of Object.values(result)) (Array.isArray(inner) ? inner : [inner]).forEach(idOf);
  }
  return [...ids];
}

/** A client-facing error code as an outcome; anything outside the hub's ErrorCode set counts as an internal error. */
export function outcomeOf(code: unknown): AuditOutcome {
  const known = Object.values(AuditOutcome) as string[];
  return typeof code === "string" && code !== AuditOutcome.OK && known.includes(code) ? (code as AuditOutcome) : AuditOutcome.INTERNAL_SERVER_ERROR;
}

/**
 * The operation name the client gave the gateway: the gateway names each subgraph fetch
 * `<operation>__<subgraph>__<n>`, and that suffix is no part of what the client ran.
 */
export function clientOperationName(name: string | null | undefined, subgraph: string): string | null {
  if (!name) return null;
  const suffix = new RegExp(`__${subgraph}__\\d+$`);
  return name.replace(suffix, "").slice(0, 100) || null;
}

/** Everything one mutation request leaves in the log, one entry per root field that ran or was refused. */
export interface MutationOutcome {
  subgraph: string;
  viewer: Viewer;
  requestId: string;
  operationName: string | null | undefined;
  fields: RootField[];
  /** Root fields whose resolver ran, by response key. */
  resolved: Map<string, ResolvedField>;
  /** The errors of the response, as the client sees them (after formatError). */
  errors: readonly GraphQLFormattedError[];
  at: Date;
}

/**
 * One entry per root field: its outcome is the code of the error at its own path (the resolver threw), else OK.
 * When the request failed before any field ran (variables that do not coerce), every field gets that error's code.
 * A field that never ran for another reason (an earlier non-null field failed) did nothing and leaves no entry.
 */
export function auditEntries(outcome: MutationOutcome): AuditEntry[] {
  const requestError = outcome.errors.find((error) => !error.path?.length);
  const entries: AuditEntry[] = [];
  for (const { key, field } of outcome.fields) {
    const resolved = outcome.resolved.get(key);
    const ownError = outcome.errors.find((error) => error.path?.length === 1 && error.path[0] === key);
    if (!resolved && !requestError) continue;
    const error = ownError ?? (resolved ? undefined : requestError);
    entries.push(
      Object.assign(new AuditEntry(), {
        id: newId("AuditEntry"),
        at: outcome.at,
        requestId: outcome.requestId.slice(0, 64),
        operationName: clientOperationName(outcome.operationName, outcome.subgraph),
        field: field.slice(0, 100),
        // the columns' widths: a longer value would make MySQL refuse the row and lose the entry
        personId: outcome.viewer.personId?.slice(0, 40) ?? null,
        roles: [...outcome.viewer.roles],
        service: outcome.viewer.service?.slice(0, 40) ?? null,
        targetIds: resolved ? targetIdsOf(resolved) : [],
        outcome: error ? outcomeOf(error.extensions?.code) : AuditOutcome.OK,
      }),
    );
  }
  return entries;
}
