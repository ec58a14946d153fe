import { acceptedHeaders } from "./org-sheets/columns";
import { CliIo, cliOptions, DEFAULT_GATEWAY, gatewayTarget, processIo } from "./org-sheets/cli";
import { GatewayError } from "./org-sheets/gateway-client";
import { formatImportReport, importSheet } from "./org-sheets/import-sheet";
import { SheetError } from "./org-sheets/read-sheet";

const usage = `Usage: npm run orgs:import -- --file <sheet.csv|sheet.xlsx> --street <code> [--dry-run] [--gateway ${DEFAULT_GATEWAY}] [--token <jwt>]

Imports a street office's sheet of filed organizations (备案) through the gateway: each row creates one, or updates
the one holding its filing number. Every row is checked; when any row has a problem nothing is imported and the
report says what to fix (row, column, problem). --dry-run only checks. Without --token it signs in as a clerk of
the street with a dev token (the embedded mode's secret in data/secrets.json). The first row holds the headers:

Accepted headers (Chinese | English | others):
${acceptedHeaders()}

Values: forms 队 社 站 中心 组 协会 联合会 (or TEAM …); categories such as 困难帮扶类 (or HARDSHIP_ASSISTANCE),
several separated by 、; dates YYYY-MM-DD; home area: code of a community or compound of the street.
Exit status: 0 imported (or a clean dry run), 1 problems or refused, 2 usage or unreadable sheet.`;

/** npm run orgs:import: returns the exit status. */
export async function runOrgsImport(argv: string[], io: CliIo = processIo): Promise<number> {
  const values = cliOptions(argv, {
        file: { type: "string" },
        street: { type: "string" },
        "dry-run": { type: "boolean", default: false },
        gateway: { type: "string" },
        token: { type: "string" },
        help: { type: "boolean" },
      } as const, usage, io);
  if (typeof values === "number") return values;
  if (!values.file || !values.street) {
    io.err(`Give --file and --street.\n\n${usage}\n`);
    return 2;
  }
  try {
    const target = await gatewayTarget(values, values.street);
    const result = await importSheet({ file: values.file, street: values.street, dryRun: values["dry-run"], target });
    io.out(formatImportReport(result));
    return result.report.problemCount ? 1 : 0;
  } catch (error) {
    if (error instanceof SheetError) {
      io.err(`${error.message}\n`);
      return 2;
    }
    if (error instanceof GatewayError) {
      io.err(error.code === "UNREACHABLE" ? `${error.message}\n` : `The hub refused the import (${error.code}): ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

if (require.main === module) void runOrgsImport(process.argv.slice(2)).then((status) => process.exit(status));
