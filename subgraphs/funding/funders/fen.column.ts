import { ColumnOptions } from "typeorm";

/**
 * An amount in integer fen: `bigint` so budgets above ¥21.4M fit; MySQL returns bigint as a string,
 * so it is read back as a number (amounts stay within SafeInt).
 */
export function fenColumn(options: { nullable?: boolean } = {}): ColumnOptions {
  return {
    type: "bigint",
    nullable: options.nullable ?? false,
    transformer: {
      to: (value: number | null | undefined) => value,
      from: (value: string | number | null) => (value === null || value === undefined ? null : Number(value)),
    },
  };
}
