import { monotonicFactory, ulid } from "ulid";
import { BadInputError } from "../../platform/errors";

/** The id prefix of every entity type (DOMAIN §0). Prefixes never contain "_". */
export const ID_PREFIXES = {
  Organization: "org",
  Person: "per",
  Membership: "mem",
  FilingRecord: "fil",
  RatingEvaluation: "rat",
  ServiceActivity: "act",
  Facility: "fac",
  Room: "room",
  Equipment: "eqp",
  Booking: "bkg",
  Academy: "acad",
  Course: "crs",
  CourseOffering: "off",
  CourseSession: "ses",
  Enrollment: "enr",
  Certificate: "cert",
  Instructor: "ins",
  Funder: "fdr",
  FundingProgram: "prog",
  Call: "call",
  Application: "app",
  Review: "rev",
  Grant: "grant",
  Tranche: "tr",
  // records inside a subgraph that clients still address or see by id
  FilingEvent: "fev",
  FederationMembership: "fmem",
  SupervisionAssignment: "sup",
  SupervisionVisit: "svis",
  RatingEvent: "ratev",
  AGradeRecord: "agr",
  VolunteerHourLine: "vline",
  BookingSeries: "ser",
  // every subgraph's audit log (kit/audit) and outbox (kit/events)
  AuditEntry: "aud",
  OutboxEvent: "evt",
} as const;

export type IdType = keyof typeof ID_PREFIXES;

const TYPE_BY_PREFIX = new Map<string, IdType>(
  Object.entries(ID_PREFIXES).map(([type, prefix]) => [prefix, type as IdType]),
);

// A ULID (Crockford base32, 26 chars) or a readable demo slug such as org_lezhulin.
const ID_PATTERN = /^([a-z]+)_([0-9A-HJKMNP-TV-Z]{26}|[a-z0-9][a-z0-9_]{0,33})$/;

/** A new time-sortable id for `type`, e.g. `org_01J…`. */
export function newId(type: IdType): string {
  return `${ID_PREFIXES[type]}_${ulid()}`;
}

/**
 * New ids of `type` that sort in the order they were made, even within one millisecond: rows listed by id keep
 * the order a command wrote them in (a record's volunteer-hour lines, say).
 */
export function orderedIds(type: IdType): () => string {
  const next = monotonicFactory();
  return () => `${ID_PREFIXES[type]}_${next()}`;
}

/** The type an id names by its prefix, or null when it is not a hub id at all. */
export function typeOfId(raw: string): IdType | null {
  const match = ID_PATTERN.exec(raw);
  return match ? TYPE_BY_PREFIX.get(match[1]) ?? null : null;
}

/**
 * Checks that `raw` is an id of `type` before it reaches SQL.
 * `argument` names the input field in the message, so the client knows what to fix.
 */
export function parseId(type: IdType, raw: unknown, argument = "id"): string {
  const prefix = ID_PREFIXES[type];
  const example = `${prefix}_01J…`;
  if (typeof raw !== "string" || raw.length > 40 || !ID_PATTERN.test(raw)) {
    throw new BadInputError(`${argument}: "${String(raw).slice(0, 60)}" is not a valid ${type} id; expected the form ${example}.`, {
      argument,
      expectedType: type,
    });
  }
  const actual = typeOfId(raw);
  if (actual !== type) {
    const what = actual ? `a ${actual} id` : `an id with the unknown prefix "${raw.split("_")[0]}"`;
    throw new BadInputError(`${argument}: "${raw}" is ${what}; expected a ${type} id (${example}).`, {
      argument,
      expectedType: type,
      actualType: actual,
    });
  }
  return raw;
}

/** Parses a list of ids of one type (e.g. representations or filter lists). */
export function parseIds(type: IdType, raws: readonly unknown[], argument = "ids"): string[] {
  return raws.map((raw, i) => parseId(type, raw, `${argument}[${i}]`));
}

// GB/T 2260 six-digit district code, optionally followed by street/community/compound segments.
const AREA_CODE = /^[0-9]{6}(?:[0-9A-Z]{1,14})?$/;

/** Checks an area code (`340111`, `340111X01C01`) before it reaches SQL. */
export function parseAreaCode(raw: unknown, argument = "areaCode"): string {
  if (typeof raw !== "string" || !AREA_CODE.test(raw)) {
    throw new BadInputError(
      `${argument}: "${String(raw).slice(0, 40)}" is not an area code; expected six digits (GB/T 2260, e.g. 340111) optionally followed by street/community segments (e.g. 340111X01C01).`,
      { argument },
    );
  }
  return raw;
}
