import { ClassType, Directive, Field, Int, ObjectType } from "type-graphql";
import { EntityTarget, ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { ColumnMetadata } from "typeorm/metadata/ColumnMetadata";
import { rawRowsOfShape } from "./built-sql";
import { entitiesOfRows, plainColumns } from "./rows";
import { BadInputError } from "../../platform/errors";

/** The largest page a client may ask for (DESIGN: `first` at most 100). */
export const MAX_PAGE_SIZE = 100;

/** Relay page info; `@shareable` because every subgraph defines it identically. */
@ObjectType()
@Directive("@shareable")
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

/** What a connection resolver returns; the GraphQL classes below describe the same shape. */
export interface Page<T> {
  nodes: T[];
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  totalCount: number;
}

/**
 * Declares `<Name>Connection` and `<Name>Edge` for a node type: `class X extends Connection(Node, "X") {}`.
 * `shareable`: the edge is `@shareable`, for a connection every subgraph serves (mark the connection class too).
 */
export function Connection<T extends object>(Node: ClassType<T>, name: string, options: { shareable?: boolean } = {}) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field(() => String)
    cursor: string;

    @Field(() => Node)
    node: T;
  }
  if (options.shareable) Directive("@shareable")(Edge);

  @ObjectType()
  abstract class ConnectionBase implements Page<T> {
    @Field(() => [Node])
    nodes: T[];

    @Field(() => [Edge])
    edges: Edge[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    @Field(() => Int)
    totalCount: number;
  }
  return ConnectionBase;
}

/** An opaque cursor for a row id. */
export function encodeCursor(id: string): string {
  return Buffer.from(`id:${id}`, "utf8").toString("base64url");
}

/** The row id inside a cursor, or a BAD_USER_INPUT error naming the argument. */
export function decodeCursor(cursor: string, argument = "after"): string {
  const decoded = Buffer.from(cursor, "base64url").toString("utf8");
  if (!decoded.startsWith("id:") || decoded.length > 64) {
    throw new BadInputError(`${argument}: "${cursor.slice(0, 40)}" is not a cursor from this list; pass pageInfo.endCursor of the previous page.`);
  }
  return decoded.slice(3);
}

/** Checks `first`: a page holds 1…100 items. */
export function pageSize(first: number | null | undefined, fallback = 20): number {
  const size = first ?? fallback;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw new BadInputError(`first: ${first} is out of range; ask for 1 to ${MAX_PAGE_SIZE} items and page on with "after".`, {
      argument: "first",
      max: MAX_PAGE_SIZE,
    });
  }
  return size;
}

/** Builds a page from rows fetched with one extra row (which tells whether another page follows). */
export function toPage<T extends { id: string }>(rows: T[], size: number, totalCount: number): Page<T> {
  const nodes = rows.slice(0, size);
  const edges = nodes.map((node) => ({ cursor: encodeCursor(node.id), node }));
  return {
    nodes,
    edges,
    totalCount,
    pageInfo: { hasNextPage: rows.length > size, endCursor: edges.length ? edges[edges.length - 1].cursor : null },
  };
}

/**
 * Keyset pagination over `alias.id` (ids are ULIDs, so id order is creation order):
 * two statements per page whatever the page size: one COUNT, one SELECT.
 * `shape`, when given, names everything that makes `query`'s SQL text differ between calls (which filters it has, not
 * their values): the two statements' text is then built once (kit/built-sql) and the rows hydrated as plain rows.
 * Parameters that a where callback sets while the SQL is built are not seen then: give no shape for such a query.
 */
export async function paginate<T extends ObjectLiteral & { id: string }>(
  query: SelectQueryBuilder<T>,
  alias: string,
  args: { first?: number | null; after?: string | null },
  fallbackSize = 20,
  shape?: string,
): Promise<Page<T>> {
  const size = pageSize(args.first, fallbackSize);
  const columns = shape ? plainColumns(query.dataSource, query.expressionMap.mainAlias!.target) : null;
  if (shape && columns) return pageOfShape(query, alias, size, args.after ? decodeCursor(args.after) : null, `${shape}:${size}`, columns);
  const totalCount = await query.clone().getCount();
  const pageQuery = query.clone().orderBy(`${alias}.id`, "ASC").take(size + 1);
  if (args.after) pageQuery.andWhere(`${alias}.id > :afterId`, { afterId: decodeCursor(args.after) });
  return toPage(await pageQuery.getMany(), size, totalCount);
}

/** `paginate` for a query of a known shape: the same two statements, their SQL text built once. */
async function pageOfShape<T extends ObjectLiteral & { id: string }>(
  query: SelectQueryBuilder<T>,
  alias: string,
  size: number,
  afterId: string | null,
  shape: string,
  columns: readonly ColumnMetadata[],
): Promise<Page<T>> {
  const db = query.dataSource;
  const [{ total }] = await rawRowsOfShape<{ total: number | string }>(db, `${shape}:count`, query.clone().select(`COUNT(DISTINCT(${alias}.id))`, "total").orderBy());
  const pageQuery = query.clone().select([]);
  for (const column of columns) pageQuery.addSelect(`${alias}.${column.propertyPath}`, column.databaseName);
  pageQuery.orderBy(`${alias}.id`, "ASC").limit(size + 1);
  if (afterId !== null) pageQuery.andWhere(`${alias}.id > :afterId`, { afterId });
  const raw = await rawRowsOfShape<Record<string, unknown>>(db, `${shape}:${afterId === null ? "first" : "after"}`, pageQuery);
  // MySQL returns COUNT as a string
  return toPage(entitiesOfRows(db, query.expressionMap.mainAlias!.target as EntityTarget<T>, raw), size, Number(total));
}

/** A validated `first`/`after` pair, checked before anything is loaded. */
export interface PageWindow {
  size: number;
  afterId: string | null;
}

/** Checks `first` and `after` of a to-many field. */
export function pageWindow(args: { first?: number | null; after?: string | null }, fallbackSize: number): PageWindow {
  return { size: pageSize(args.first, fallbackSize), afterId: args.after ? decodeCursor(args.after) : null };
}

/**
 * A page of rows a loader already fetched in id order (a batched to-many field): keyset on the id like
 * `paginate`, so a cursor stays valid when rows before it change.
 */
export function pageInMemory<T extends { id: string }>(rows: readonly T[], { size, afterId }: PageWindow): Page<T> {
  const start = afterId === null ? 0 : rows.findIndex((row) => row.id > afterId);
  const rest = start < 0 ? [] : rows.slice(start, start + size + 1);
  return toPage(rest, size, rows.length);
}
