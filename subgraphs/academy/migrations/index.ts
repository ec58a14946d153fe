// Versioned MySQL migrations, oldest first; `npm run migration:generate -- <subgraph> <name>` adds one.
import { Initial1795694688324 } from "./1795694688324-initial";
import { Certificates1795697144023 } from "./1795697144023-certificates";
import { AuditLog1796301170318 } from "./1796301170318-audit-log";
import { OutboxInbox1796309590821 } from "./1796309590821-outbox-inbox";

export const migrations = [Initial1795694688324, Certificates1795697144023, AuditLog1796301170318, OutboxInbox1796309590821];
