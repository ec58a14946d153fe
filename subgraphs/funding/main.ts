import "reflect-metadata";
import { runSubgraphMain } from "../kit/main";
import { fundingSubgraph } from "./subgraph";

void runSubgraphMain(fundingSubgraph);
