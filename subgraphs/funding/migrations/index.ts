// Versioned MySQL migrations, oldest first; `npm run migration:generate -- <subgraph> <name>` adds one.
import { Initial1795694750580 } from "./1795694750580-initial";
import { AuditLog1796301179663 } from "./1796301179663-audit-log";
import { OutboxInbox1796309592580 } from "./1796309592580-outbox-inbox";

export const migrations = [Initial1795694750580, AuditLog1796301179663, OutboxInbox1796309592580];
