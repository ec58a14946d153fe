import "reflect-metadata";
import { runSubgraphMain } from "../kit/main";
import { venuesSubgraph } from "./subgraph";

void runSubgraphMain(venuesSubgraph);
