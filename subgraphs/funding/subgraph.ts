import { defineSubgraph } from "../kit/feature";
import { migrations } from "./migrations";
// in the features' order: the order the resolvers load is the order the SDL lists their fields
import { fundersFeature } from "./funders";
import { programsFeature } from "./programs";
import { callsFeature } from "./calls";
import { applicationsFeature } from "./applications";
import { grantsFeature } from "./grants";
import { externalFeature } from "./external";

/** Funders, programmes, calls, applications and grants (DOMAIN §6, §8.2 statuses). */
export const fundingSubgraph = defineSubgraph({
  name: "funding",
  defaultPort: 4004,
  migrations,
  features: [fundersFeature, programsFeature, callsFeature, applicationsFeature, grantsFeature, externalFeature],
});
