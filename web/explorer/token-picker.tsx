import { useEditorContext } from "@graphiql/react";
import { useEffect, useState } from "react";
import { withAuthorization } from "./authorization";

/** One demo identity as the gateway's /dev/roles lists it. */
interface DevRole {
  role: string;
  label: string;
  claims: Record<string, unknown>;
}

const ANONYMOUS = "anonymous";
const CHOICE_KEY = "hub-explorer:role";

/**
 * The dev token picker: a role's token from the gateway's development-only /dev/token goes into the
 * Authorization header of the active tab, and again into each tab that becomes active.
 */
export function TokenPicker() {
  const editors = useEditorContext({ nonNull: true });
  const [roles, setRoles] = useState<DevRole[]>([]);
  const [choice, setChoice] = useState(() => localStorage.getItem(CHOICE_KEY) ?? ANONYMOUS);
  const [token, setToken] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [badHeaders, setBadHeaders] = useState(false);

  useEffect(() => {
    fetch("/dev/roles")
      .then((response) => (response.ok ? response.json() : Promise.reject(new Error(`/dev/roles answered ${response.status}`))))
      .then(setRoles, (error: Error) => setProblem(`No dev tokens: ${error.message}`));
  }, []);

  useEffect(() => {
    localStorage.setItem(CHOICE_KEY, choice);
    setToken(null);
    if (choice === ANONYMOUS) return;
    let current = true;
    fetch(`/dev/token?role=${encodeURIComponent(choice)}`)
      .then((response) => response.json().then((body) => (response.ok ? body.token : Promise.reject(new Error(body.error ?? `status ${response.status}`)))))
      .then(
        (minted: string) => {
          if (!current) return;
          setToken(minted);
          setProblem(null);
        },
        (error: Error) => {
          if (current) setProblem(`No token for ${choice}: ${error.message}`);
        },
      );
    return () => {
      current = false;
    };
  }, [choice]);

  const { headerEditor, activeTabIndex } = editors;
  const pending = choice !== ANONYMOUS && token === null;
  useEffect(() => {
    if (!headerEditor || pending) return;
    const next = withAuthorization(headerEditor.getValue(), token);
    setBadHeaders(next === null);
    if (next !== null && next !== headerEditor.getValue()) headerEditor.setValue(next);
  }, [headerEditor, activeTabIndex, token, pending]);

  const chosen = roles.find((r) => r.role === choice);
  return (
    <label className="hub-token-picker">
      <span>Dev token</span>
      <select value={choice} onChange={(event) => setChoice(event.target.value)} aria-label="Dev token role">
        <option value={ANONYMOUS}>anonymous: the public, masked view</option>
        {roles.map((r) => (
          <option key={r.role} value={r.role}>
            {r.role}: {r.label}
          </option>
        ))}
      </select>
      <span className="hub-token-state" role="status">
        {badHeaders ? "The headers are not a JSON object, so the token is not in them: fix them and switch tabs." : problem ?? (choice === ANONYMOUS ? "no Authorization header" : token ? `Authorization: Bearer … as ${chosen?.claims.sub ?? choice}` : "minting…")}
      </span>
    </label>
  );
}
