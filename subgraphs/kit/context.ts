import { DataSource } from "typeorm";
import { LoaderRegistry } from "./loaders";
import { Viewer } from "../../platform/identity";

/** What every resolver receives: the signed caller, this request's loaders and id, and the subgraph's store. */
export interface HubContext {
  viewer: Viewer;
  requestId: string;
  loaders: LoaderRegistry;
  db: DataSource;
}
