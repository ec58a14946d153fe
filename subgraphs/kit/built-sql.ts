import { DataSource, ObjectLiteral, SelectQueryBuilder } from "typeorm";

// A query builder turns into SQL text on every call (aliases, property names, escaping): for the loaders' aggregates
// that cost more CPU than running the statement (issue 12 point 7). The text depends only on the query's shape, its
// values being bound as parameters, so it is built once per DataSource and shape.

const built = new WeakMap<DataSource, Map<string, string>>();

/**
 * The raw rows of `query`, its SQL text built once for `shape`: a key that must name everything that changes the text
 * (which optional conditions it has, how many UNION rows …) but not the values (`IN (:...ids)` is expanded when bound).
 */
export function rawRowsOfShape<R>(db: DataSource, shape: string, query: SelectQueryBuilder<ObjectLiteral>): Promise<R[]> {
  let texts = built.get(db);
  if (!texts) built.set(db, (texts = new Map()));
  let sql = texts.get(shape);
  if (sql === undefined) texts.set(shape, (sql = query.getQuery()));
  const [statement, values] = db.driver.escapeQueryWithParameters(sql, query.getParameters());
  return db.query(statement, values);
}
