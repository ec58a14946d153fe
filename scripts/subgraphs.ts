import { academySubgraph } from "../subgraphs/academy/subgraph";
import { fundingSubgraph } from "../subgraphs/funding/subgraph";
import { SubgraphModule } from "../subgraphs/kit/server";
import { organizationsSubgraph } from "../subgraphs/organizations/subgraph";
import { venuesSubgraph } from "../subgraphs/venues/subgraph";

/** The hub's subgraphs in port order (4001…); the gateway's supergraph is composed from these. */
export const SUBGRAPHS: SubgraphModule[] = [organizationsSubgraph, academySubgraph, venuesSubgraph, fundingSubgraph];

/** The URL a subgraph has in the committed supergraph: its default port on localhost. */
export function defaultSubgraphUrl(module: SubgraphModule): string {
  return `http://localhost:${module.defaultPort}/graphql`;
}
