import "reflect-metadata";
import { runSubgraphMain } from "../kit/main";
import { organizationsSubgraph } from "./subgraph";

void runSubgraphMain(organizationsSubgraph);
