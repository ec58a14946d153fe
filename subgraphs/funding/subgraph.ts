import { defineSubgraph } from "../kit/feature";
import { applicationsFeature } from "./applications";
import { callsFeature } from "./calls";
import { externalFeature } from "./external";
import { fundersFeature } from "./funders";
import { grantsFeature } from "./grants";
import { migrations } from "./migrations";
import { programsFeature } from "./programs";

/** Funders, programmes, calls, applications and grants (DOMAIN §6, §8.2 statuses). */
export const fundingSubgraph = defineSubgraph({
  name: "funding",
  defaultPort: 4004,
  migrations,
  features: [fundersFeature, programsFeature, callsFeature, applicationsFeature, grantsFeature, externalFeature],
});
