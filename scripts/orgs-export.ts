import { extname } from "node:path";
import { SheetLanguage } from "./org-sheets/columns";
import { CliIo, cliOptions, DEFAULT_GATEWAY, gatewayTarget, processIo } from "./org-sheets/cli";
import { exportSheet } from "./org-sheets/export-sheet";
import { GatewayError } from "./org-sheets/gateway-client";
import { SheetFormat } from "./org-sheets/write-sheet";

const usage = `Usage: npm run orgs:export -- --street <code> [--format xlsx|csv] [--out <path>] [--lang zh|en] [--gateway ${DEFAULT_GATEWAY}] [--token <jwt>]

Exports the organizations filed with a street (FILED) to a sheet with the columns npm run orgs:import reads back.
The format follows --format, else the extension of --out (default xlsx, file filed-organizations-<street>.<format>).
--lang picks Chinese (default) or English headers and terms. The leader's name and phone are shown only to callers
who may see them (street staff of the street; the default dev token is one); others get masked names, no phones.`;

/** npm run orgs:export: returns the exit status. */
export async function runOrgsExport(argv: string[], io: CliIo = processIo): Promise<number> {
  const values = cliOptions(argv, {
        street: { type: "string" },
        format: { type: "string" },
        out: { type: "string" },
        lang: { type: "string", default: "zh" },
        gateway: { type: "string" },
        token: { type: "string" },
        help: { type: "boolean" },
      } as const, usage, io);
  if (typeof values === "number") return values;
  if (!values.street) {
    io.err(`Give --street.\n\n${usage}\n`);
    return 2;
  }
  const format = (values.format ?? extname(values.out ?? "").slice(1).toLowerCase()) || "xlsx";
  if (format !== "csv" && format !== "xlsx") {
    io.err(`--format: "${format}" is neither csv nor xlsx.\n`);
    return 2;
  }
  if (values.lang !== "zh" && values.lang !== "en") {
    io.err(`--lang: "${values.lang}" is neither zh nor en.\n`);
    return 2;
  }
  const out = values.out ?? `filed-organizations-${values.street}.${format}`;
  try {
    const target = await gatewayTarget(values, values.street);
    const result = await exportSheet({ street: values.street, format: format as SheetFormat, out, language: values.lang as SheetLanguage, target });
    const masked = result.count && !result.phonesShown ? " Leaders' phones are not shown to this caller." : "";
    io.out(`${result.street.name} (${result.street.code}): ${result.count} filed organization(s) written to ${result.path}.${masked}\n`);
    return 0;
  } catch (error) {
    if (error instanceof GatewayError) {
      io.err(error.code === "UNREACHABLE" ? `${error.message}\n` : `The hub refused the export (${error.code}): ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

if (require.main === module) void runOrgsExport(process.argv.slice(2)).then((status) => process.exit(status));
