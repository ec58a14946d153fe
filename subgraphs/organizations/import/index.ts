import { OrganizationImportResolver, OrganizationImportRowResolver } from "./organization-import.resolver";

/** Resolvers of the street office's sheet import (issue 5 §9); it writes only tables other parts own. */
export const importResolvers = [OrganizationImportResolver, OrganizationImportRowResolver];
