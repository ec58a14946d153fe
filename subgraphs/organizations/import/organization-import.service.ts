import { writeTransaction } from "../../kit/transaction";
import { In, IsNull } from "typeorm";
import { businessDate, now } from "../../kit/clock";
import { HubContext } from "../../kit/context";
import { BadInputError, ForbiddenError, NotFoundError } from "../../../platform/errors";
import { newId, parseAreaCode } from "../../kit/ids";
import { changedColumns, checkSheet, IMPORT_COLUMNS, MAX_IMPORT_ROWS, RowCheck, SheetRow } from "./organization-import.rules";
import { Area, AreaLevel, isStaffFor, Membership } from "../directory";
import { OrganizationImportRowInput } from "./organization-import.input";
import { OrganizationImportAction, OrganizationImportReport, OrganizationImportRowResult } from "./organization-import.type";
import { ImportTarget, loadImportFacts, loadImportTargets } from "./organization-import.facts";
import { ImportActor, ImportWrite, writeImport } from "./organization-import.writes";

const WHO_MAY = "street staff (STREET_STAFF) whose area covers the street, or federation admins (FEDERATION_ADMIN)";
const AUTHORITY_LEVELS = [AreaLevel.STREET, AreaLevel.TOWNSHIP, AreaLevel.FUNCTIONAL_ZONE];

function sheetRows(rows: readonly OrganizationImportRowInput[]): SheetRow[] {
  return rows.map((row, i) => {
    const sheetRow: SheetRow = { sheetRow: row.sheetRow ?? i + 2 };
    for (const column of IMPORT_COLUMNS) sheetRow[column] = row[column] ?? null;
    return sheetRow;
  });
}

/** importFiledOrganizations: a street office's sheet of filed organizations, checked row by row, written all or nothing. */
export class OrganizationImportService {
  async import(ctx: HubContext, rawStreetCode: unknown, input: readonly OrganizationImportRowInput[], dryRun: boolean): Promise<OrganizationImportReport> {
    const { street, actor } = await this.authorize(ctx, rawStreetCode);
    if (!input.length) throw new BadInputError("rows: the sheet has no rows; give at least one.", { argument: "rows" });
    if (input.length > MAX_IMPORT_ROWS) {
      throw new BadInputError(`rows: ${input.length} rows; import at most ${MAX_IMPORT_ROWS} at a time (split the sheet).`, { argument: "rows", max: MAX_IMPORT_ROWS });
    }
    const rows = sheetRows(input);
    const checks = checkSheet(rows, await loadImportFacts(ctx, street, rows, actor.today));
    const targets = await loadImportTargets(ctx, checks.flatMap((c) => (c.target ? [c.target.organizationId] : [])));
    await this.separateDuties(ctx, checks);

    const planned = checks.map((check): ImportWrite | null => {
      if (!check.values) return null;
      if (!check.target) return { sheetRow: check.sheetRow, kind: "CREATE", values: check.values, organizationId: newId("Organization") };
      const target = targets.get(check.target.organizationId) as ImportTarget;
      return { sheetRow: check.sheetRow, kind: "UPDATE", values: check.values, target, changed: changedColumns(check.values, target.current) };
    });
    const writes = planned.filter((w): w is ImportWrite => w !== null);
    const problemCount = checks.reduce((sum, c) => sum + c.problems.length, 0);
    const written = !dryRun && problemCount === 0;
    if (written) await writeTransaction(ctx.db, (tx) => writeImport(tx, writes, actor, street.code, ctx.requestId));

    const results = checks.map((check, i): OrganizationImportRowResult => {
      const write = planned[i];
      const createdId = write?.kind === "CREATE" && written ? write.organizationId : null;
      return {
        sheetRow: check.sheetRow,
        action: check.action === "UPDATE" ? OrganizationImportAction.UPDATE : OrganizationImportAction.CREATE,
        filingNo: rows[i].filingNo?.trim() || null,
        name: rows[i].name?.trim() || null,
        organizationId: check.target?.organizationId ?? createdId,
        changedColumns: write?.kind === "UPDATE" ? write.changed : [],
        problems: check.problems,
      };
    });
    return {
      street,
      dryRun,
      written,
      created: checks.filter((c) => c.action === "CREATE").length,
      updated: checks.filter((c) => c.action === "UPDATE").length,
      problemCount,
      rows: results,
    };
  }

  /** STREET_STAFF covering the street, or FEDERATION_ADMIN; the street must be a filing authority (§1.2). */
  private async authorize(ctx: HubContext, rawStreetCode: unknown): Promise<{ street: Area; actor: ImportActor }> {
    const code = parseAreaCode(rawStreetCode, "streetCode");
    if (!ctx.viewer.has("STREET_STAFF") && !ctx.viewer.has("FEDERATION_ADMIN")) throw new ForbiddenError(`Importing filed organizations is for ${WHO_MAY}.`);
    const street = await ctx.db.getRepository(Area).findOneBy({ code });
    if (!street) throw new NotFoundError("Area", code);
    const staff = isStaffFor(ctx.viewer, street, ["STREET_STAFF"]);
    if (!staff && !ctx.viewer.has("FEDERATION_ADMIN")) throw new ForbiddenError(`Importing filed organizations of ${street.name} (${code}) is for ${WHO_MAY}.`);
    if (!AUTHORITY_LEVELS.includes(street.level)) {
      throw new BadInputError(`streetCode: ${street.name} (${code}) is a ${street.level}; give the code of the street, township or functional zone that files the organizations, e.g. 340111X01.`, {
        argument: "streetCode",
      });
    }
    // the separation-of-duty check below looks up the importer's memberships: without a person it could not run
    if (!ctx.viewer.personId) throw new ForbiddenError("Importing filed organizations is recorded under the importer's name; sign in as a person (a token with sub).");
    const at = now();
    return { street, actor: { personId: ctx.viewer.personId, role: staff ? "STREET_STAFF" : "FEDERATION_ADMIN", at, today: businessDate(at) } };
  }

  /** §9.2 separation of duty: staff do not decide on filings of organizations they belong to. */
  private async separateDuties(ctx: HubContext, checks: RowCheck[]): Promise<void> {
    const orgIds = checks.flatMap((c) => (c.target ? [c.target.organizationId] : []));
    if (!orgIds.length) return;
    const mine = await ctx.db.getRepository(Membership).findBy({ personId: ctx.viewer.personId!, organizationId: In(orgIds), leftOn: IsNull() });
    for (const check of checks) {
      if (!check.target || !mine.some((m) => m.organizationId === check.target!.organizationId)) continue;
      check.problems.push({ column: "filingNo", value: null, message: `You are a member of ${check.target.organizationName}; another staff member must import changes to its filing.` });
      check.values = null;
    }
  }
}
