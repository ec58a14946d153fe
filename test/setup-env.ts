import "reflect-metadata";

// Nothing in the hub may phone out (Apollo usage reporting).
process.env.APOLLO_TELEMETRY_DISABLED = "1";
