import { Feature } from "../../kit/feature";
import { DirectoryResolver } from "./directory.resolver";

export { FacilityConnection } from "./facility-connection.type";

/**
 * The venue directory's root fields (`facility`, `facilities`). They sit apart from facilities/ because the
 * order in which resolvers load is the order of the Query fields in the SDL: they come after availability's.
 */
export const directoryFeature: Feature = {
  name: "directory",
  resolvers: [DirectoryResolver],
};
