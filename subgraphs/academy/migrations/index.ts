// Versioned MySQL migrations, oldest first; `npm run migration:generate -- <subgraph> <name>` adds one.
import { Initial1795694688324 } from "./1795694688324-initial";
import { Certificates1795697144023 } from "./1795697144023-certificates";

export const migrations = [Initial1795694688324, Certificates1795697144023];
