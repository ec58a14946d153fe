export type { ImportColumn } from "./organization-import.rules";

import { Feature } from "../../kit/feature";
import { OrganizationImportResolver, OrganizationImportRowResolver } from "./organization-import.resolver";

/**
 * The street office's sheet import of filed organizations (issue 5 §9): it checks every row, then writes the
 * directory, filing and membership rows of the other features in one transaction; it owns no table.
 */
export const importFeature: Feature = {
  name: "import",
  resolvers: [OrganizationImportResolver, OrganizationImportRowResolver],
};
