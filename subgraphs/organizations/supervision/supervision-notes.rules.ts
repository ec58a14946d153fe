/** How much of a visit's notes a caller reads (DOMAIN §9.2 "Supervision visits and notes"). */
export type NotesAccess = "FULL" | "SUMMARY" | "NONE";

/** Longest summary shown to federation admins and staff. */
export const SUMMARY_CHARS = 40;

/** §9.2: FA and staff read a summary: the first sentence, cut at SUMMARY_CHARS characters. */
export function summarizeNotes(notes: string, maxChars = SUMMARY_CHARS): string {
  const trimmed = notes.trim();
  const end = trimmed.search(/[。！？!?\n]/u);
  const sentence = end < 0 ? trimmed : trimmed.slice(0, trimmed[end] === "\n" ? end : end + 1).trim();
  const chars = Array.from(sentence);
  const summary = chars.length > maxChars ? chars.slice(0, maxChars).join("") : sentence;
  return summary.length < trimmed.length ? `${summary}…` : summary;
}

/** Notes as this caller may read them. */
export function notesFor(notes: string | null, access: NotesAccess): string | null {
  if (notes === null || access === "NONE") return null;
  return access === "FULL" ? notes : summarizeNotes(notes);
}

/** The `last` most recent visits of a date-ordered list, oldest first. */
export function lastVisits<T>(visits: readonly T[], last: number): T[] {
  return visits.slice(Math.max(0, visits.length - last));
}
