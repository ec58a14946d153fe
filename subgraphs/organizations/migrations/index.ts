// Versioned MySQL migrations, oldest first; `npm run migration:generate -- <subgraph> <name>` adds one.
import { Initial1795694394103 } from "./1795694394103-initial";
import { FilingRatingsActivities1795696804894 } from "./1795696804894-filing-ratings-activities";
import { AuditLog1796301164067 } from "./1796301164067-audit-log";
import { OutboxInbox1796309589927 } from "./1796309589927-outbox-inbox";
import { SupervisionBySupervisor1796324929914 } from "./1796324929914-supervision-by-supervisor";

export const migrations = [Initial1795694394103, FilingRatingsActivities1795696804894, AuditLog1796301164067, OutboxInbox1796309589927, SupervisionBySupervisor1796324929914];
