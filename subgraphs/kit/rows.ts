import { DataSource, EntityManager, EntityMetadata, EntityTarget, FindOperator, FindOptionsOrder, FindOptionsWhere, ObjectLiteral } from "typeorm";
import { ColumnMetadata } from "typeorm/metadata/ColumnMetadata";

// The loaders' hot path: one SELECT of plain columns, written once per entity and run as SQL, hydrated the way
// TypeORM's find would (same prototype, same driver conversions), without building a query per call. The
// subgraphs' profiles under the bench put find's query building and hydration first among their own code (issue 12
// point 7); a find of 20 rows by key cost 0.4–0.6 ms of CPU, this 0.2 ms.

/** Where rows are read from: the request's DataSource, or a transaction's manager. */
export type Reader = DataSource | EntityManager;

interface Shape {
  /** `SELECT <columns> FROM <table>`. */
  select: string;
  columns: ColumnMetadata[];
  byProperty: Map<string, ColumnMetadata>;
}

const shapes = new WeakMap<EntityMetadata, Shape | null>();

const dataSourceOf = (db: Reader): DataSource => (db instanceof DataSource ? db : db.connection);

/** The entity's select, or null when it is not one table of plain columns (relations, embeddeds, inheritance): TypeORM's find serves those. */
function shapeOf(db: DataSource, metadata: EntityMetadata): Shape | null {
  let shape = shapes.get(metadata);
  if (shape !== undefined) return shape;
  const plain = !metadata.relations.length && !metadata.embeddeds.length && !metadata.childEntityMetadatas.length && !metadata.parentEntityMetadata && !metadata.discriminatorColumn && !metadata.deleteDateColumn && metadata.tableType === "regular";
  if (plain) {
    const columns = metadata.columns.filter((column) => column.isSelect && !column.isVirtual && !column.isVirtualProperty);
    const names = columns.map((column) => db.driver.escape(column.databaseName)).join(", ");
    shape = { select: `SELECT ${names} FROM ${db.driver.escape(metadata.tableName)}`, columns, byProperty: new Map(columns.map((c) => [c.propertyName, c])) };
  } else shape = null;
  shapes.set(metadata, shape);
  return shape;
}

/** Named parameters, turned into the driver's placeholders and values by the driver (Dates for SQLite …), as TypeORM's find does. */
class Parameters {
  readonly values: Record<string, unknown> = {};
  private count = 0;

  add(value: unknown, spread = false): string {
    const name = `p${this.count++}`;
    this.values[name] = value;
    return spread ? `:...${name}` : `:${name}`;
  }
}

const COMPARISONS: Partial<Record<string, string>> = { moreThan: ">", moreThanOrEqual: ">=", lessThan: "<", lessThanOrEqual: "<=" };

const isPlainValue = (value: unknown): value is string | number | Date => typeof value === "string" || typeof value === "number" || value instanceof Date;

/**
 * A column condition as SQL with `?` placeholders, or null when it is beyond a plain value, `In([…])`,
 * `IsNull()`, a comparison (`MoreThan`, `LessThan` …) or an `And` of those.
 */
function condition(db: DataSource, column: ColumnMetadata, value: unknown, parameters: Parameters): string | null {
  const name = db.driver.escape(column.databaseName);
  if (isPlainValue(value)) return `${name} = ${parameters.add(value)}`;
  if (!(value instanceof FindOperator)) return null;
  const operand = value.value as unknown;
  if (value.type === "isNull") return `${name} IS NULL`;
  if (value.type === "in") {
    if (!Array.isArray(operand) || !operand.length || !operand.every(isPlainValue)) return null;
    return `${name} IN (${parameters.add(operand, true)})`;
  }
  const comparison = COMPARISONS[value.type];
  if (comparison && isPlainValue(operand)) return `${name} ${comparison} ${parameters.add(operand)}`;
  if (value.type === "and" && Array.isArray(operand) && operand.length) {
    const parts = operand.map((part: unknown) => condition(db, column, part, parameters));
    return parts.every((part) => part !== null) ? `(${parts.join(" AND ")})` : null;
  }
  return null;
}

/**
 * The rows of `entity` matching `where` (each column a value or one of the operators above) in `order`, as entities;
 * null when the entity or the options are beyond this plain path (the caller then uses TypeORM's find).
 */
export async function selectPlainRows<E extends ObjectLiteral>(db: Reader, entity: EntityTarget<E>, where: FindOptionsWhere<E>, order?: FindOptionsOrder<E>): Promise<E[] | null> {
  const dataSource = dataSourceOf(db);
  const metadata = dataSource.getMetadata(entity);
  const shape = shapeOf(dataSource, metadata);
  if (!shape) return null;
  const parameters = new Parameters();
  const conditions: string[] = [];
  for (const [property, value] of Object.entries(where)) {
    const column = shape.byProperty.get(property);
    const sql = column ? condition(dataSource, column, value, parameters) : null;
    if (sql === null) return null;
    conditions.push(sql);
  }
  const orderBy: string[] = [];
  for (const [property, direction] of Object.entries(order ?? {})) {
    const column = shape.byProperty.get(property);
    if (!column || (direction !== "ASC" && direction !== "DESC")) return null;
    orderBy.push(`${dataSource.driver.escape(column.databaseName)} ${direction}`);
  }
  const sql = `${shape.select}${conditions.length ? ` WHERE ${conditions.join(" AND ")}` : ""}${orderBy.length ? ` ORDER BY ${orderBy.join(", ")}` : ""}`;
  const [query, values] = dataSource.driver.escapeQueryWithParameters(sql, parameters.values);
  const raw: Record<string, unknown>[] = await db.query(query, values);
  return raw.map((row) => hydrate(dataSource, metadata, shape, row));
}

/** The columns of `entity` that plain rows carry (by their database names), or null when it is beyond this plain path. */
export function plainColumns(db: DataSource, entity: EntityTarget<ObjectLiteral>): readonly ColumnMetadata[] | null {
  return shapeOf(db, db.getMetadata(entity))?.columns ?? null;
}

/** Raw rows keyed by database column name (as `plainColumns` selects them) as entities of `entity`, a plain one. */
export function entitiesOfRows<E extends ObjectLiteral>(db: DataSource, entity: EntityTarget<E>, raw: Record<string, unknown>[]): E[] {
  const metadata = db.getMetadata(entity);
  const shape = shapeOf(db, metadata);
  if (!shape) throw new Error(`entitiesOfRows: ${metadata.name} is not a plain entity`);
  return raw.map((row) => hydrate(db, metadata, shape, row));
}

function hydrate<E extends ObjectLiteral>(db: DataSource, metadata: EntityMetadata, shape: Shape, row: Record<string, unknown>): E {
  const entity = metadata.create(undefined, { fromDeserializer: true }) as E;
  for (const column of shape.columns) {
    const value = row[column.databaseName];
    if (value !== undefined) column.setEntityValue(entity, db.driver.prepareHydratedValue(value, column));
  }
  return entity;
}
