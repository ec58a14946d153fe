// Versioned MySQL migrations, oldest first; `npm run migration:generate -- <subgraph> <name>` adds one.
import { Initial1795694687058 } from "./1795694687058-initial";

export const migrations = [Initial1795694687058];
