import { parseArgs } from "node:util";
import { mintToken, TokenPayload } from "../gateway/auth";
import { ClaimsError, claimsFromPayload } from "../gateway/token-claims";
import { parseRole, ROLES } from "../platform/identity";
import { loadOrCreateDevSecrets } from "./dev-secrets";

// npm run token -- --role <ROLE> [--org <id>] [--area <code>] [--person <id>] [--academy <id>] [--facility <id>] [--program <id>] [--application <id>] [--ttl 12h]
// Prints a dev token for the embedded mode, signed with the secret in DATA_DIR/secrets.json (or HUB_JWT_SECRET).

const usage = `Usage: npm run token -- --role <ROLE> [--org <orgId>] [--area <areaCode>] [--person <personId>] [--academy <id>] [--facility <id>] [--program <id>] [--application <id>] [--ttl 12h]
Every role but PT needs --person; SS/CS need --area, OL/OM --org, AC/INS --academy, VA --facility, PO --program.
The gateway refuses tokens valid for longer than HUB_JWT_MAX_LIFETIME_SECONDS (default 24h).
Roles: ${Object.entries(ROLES)
  .filter(([role]) => role !== "SERVICE")
  .map(([role, code]) => `${role} (${code})`)
  .join(", ")}`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      role: { type: "string", multiple: true },
      org: { type: "string", multiple: true },
      area: { type: "string", multiple: true },
      person: { type: "string" },
      academy: { type: "string", multiple: true },
      facility: { type: "string", multiple: true },
      program: { type: "string", multiple: true },
      application: { type: "string", multiple: true },
      ttl: { type: "string", default: "12h" },
      help: { type: "boolean" },
    },
  });
  if (values.help || !values.role?.length) {
    process.stderr.write(`${usage}\n`);
    process.exit(values.help ? 0 : 2);
  }
  const roles = values.role.map((raw) => {
    const role = parseRole(raw);
    if (!role || role === "SERVICE") {
      process.stderr.write(`Unknown role "${raw}".\n${usage}\n`);
      process.exit(2);
    }
    return role;
  });
  const payload: TokenPayload = { sub: values.person, roles, orgIds: values.org, areaCodes: values.area, academyIds: values.academy, facilityIds: values.facility, programIds: values.program, applicationIds: values.application };
  try {
    claimsFromPayload({ ...payload }); // the gateway's own check: say now what it would refuse
  } catch (error) {
    if (!(error instanceof ClaimsError)) throw error;
    process.stderr.write(`The gateway would refuse this token: ${error.message}.\n(--person gives sub; --org, --area, --academy, --facility, --program give the scopes.)\n`);
    process.exit(2);
  }
  const { jwtSecret } = loadOrCreateDevSecrets(process.env.DATA_DIR ?? "data");
  const token = await mintToken(jwtSecret, payload, values.ttl);
  process.stdout.write(`${token}\n`);
  process.stderr.write(`Send it as the header  Authorization: Bearer <token>  (roles: ${roles.join(", ")}, valid ${values.ttl}).\n`);
}

void main();
