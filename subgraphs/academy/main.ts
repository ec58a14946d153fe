import "reflect-metadata";
import { runSubgraphMain } from "../kit/main";
import { academySubgraph } from "./subgraph";

void runSubgraphMain(academySubgraph);
