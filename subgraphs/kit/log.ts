import pino from "pino";

/** The hub's structured JSON logger; the level comes from LOG_LEVEL (silent in tests unless set). */
export const log = pino({
  level: process.env.LOG_LEVEL ?? (process.env.JEST_WORKER_ID ? "silent" : "info"),
  base: undefined,
  timestamp: pino.stdTimeFunctions.isoTime,
});
