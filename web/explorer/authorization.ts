/**
 * The headers editor's JSON with its Authorization header set to the token, or removed when there is none.
 * Returns null when the text is not a JSON object, so the picker never overwrites what someone is typing.
 */
export function withAuthorization(headersText: string, token: string | null): string | null {
  let headers: Record<string, unknown> = {};
  if (headersText.trim()) {
    try {
      const parsed: unknown = JSON.parse(headersText);
      if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return null;
      headers = parsed as Record<string, unknown>;
    } catch {
      return null;
    }
  }
  const others = Object.fromEntries(Object.entries(headers).filter(([name]) => name.toLowerCase() !== "authorization"));
  const next = token ? { ...others, Authorization: `Bearer ${token}` } : others;
  return Object.keys(next).length ? JSON.stringify(next, null, 2) : "";
}
