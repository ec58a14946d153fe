// Versioned MySQL migrations, oldest first; `npm run migration:generate -- <subgraph> <name>` adds one.
import { Initial1795694687058 } from "./1795694687058-initial";
import { BookingRules1795696887776 } from "./1795696887776-booking-rules";
import { BookingAcademy1796300982851 } from "./1796300982851-booking-academy";
import { AuditLog1796301175854 } from "./1796301175854-audit-log";
import { OutboxInbox1796309591711 } from "./1796309591711-outbox-inbox";
import { EligibilityAsOf1796312387836 } from "./1796312387836-eligibility-as-of";

export const migrations = [Initial1795694687058, BookingRules1795696887776, BookingAcademy1796300982851, AuditLog1796301175854, OutboxInbox1796309591711, EligibilityAsOf1796312387836];
