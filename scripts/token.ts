import { parseArgs } from "node:util";
import { mintToken } from "../gateway/auth";
import { parseRole, ROLES } from "../platform/identity";
import { loadOrCreateDevSecrets } from "./dev-secrets";

// npm run token -- --role <ROLE> [--org <id>] [--area <code>] [--person <id>] [--academy <id>] [--facility <id>] [--program <id>] [--application <id>] [--ttl 12h]
// Prints a dev token for the embedded mode, signed with the secret in DATA_DIR/secrets.json (or HUB_JWT_SECRET).

const usage = `Usage: npm run token -- --role <ROLE> [--org <orgId>] [--area <areaCode>] [--person <personId>] [--academy <id>] [--facility <id>] [--program <id>] [--application <id>] [--ttl 12h]
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
  const { jwtSecret } = loadOrCreateDevSecrets(process.env.DATA_DIR ?? "data");
  const token = await mintToken(
    jwtSecret,
    { sub: values.person, roles, orgIds: values.org, areaCodes: values.area, academyIds: values.academy, facilityIds: values.facility, programIds: values.program, applicationIds: values.application },
    values.ttl,
  );
  process.stdout.write(`${token}\n`);
  process.stderr.write(`Send it as the header  Authorization: Bearer <token>  (roles: ${roles.join(", ")}, valid ${values.ttl}).\n`);
}

void main();
