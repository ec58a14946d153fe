import { ulid } from "ulid";
import { BadInputError } from "../../../platform/errors";

// Supervision and rating rows whose types have no prefix in kit/ids (DOMAIN §0 lists none for them).
export const LOCAL_ID_PREFIXES = {
  SupervisionAssignment: "sup",
  SupervisionVisit: "svis",
  AGradeRecord: "agr",
  RatingEvent: "ratev",
} as const;

type LocalType = keyof typeof LOCAL_ID_PREFIXES;

/** A new time-sortable id such as `svis_01J…`. */
export function newLocalId(type: LocalType): string {
  return `${LOCAL_ID_PREFIXES[type]}_${ulid()}`;
}

/** Checks a client-sent id of a local type before it reaches SQL (a ULID or a readable demo slug). */
export function parseLocalId(type: LocalType, raw: unknown, argument: string): string {
  const prefix = LOCAL_ID_PREFIXES[type];
  const pattern = new RegExp(`^${prefix}_(?:[0-9A-HJKMNP-TV-Z]{26}|[a-z0-9][a-z0-9_]{0,33})$`);
  if (typeof raw !== "string" || raw.length > 40 || !pattern.test(raw)) {
    throw new BadInputError(`${argument}: "${String(raw).slice(0, 60)}" is not a ${type} id; expected the form ${prefix}_01J….`, {
      argument,
      expectedType: type,
    });
  }
  return raw;
}
