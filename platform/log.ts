import pino from "pino";

const LEVELS = new Set(["fatal", "error", "warn", "info", "debug", "trace", "silent"]);

/**
 * Where log lines go: stdout, unless a test points the logger elsewhere with `logTo`. Written synchronously,
 * because the processes log and then `process.exit` (stopped, failed to start), which drops asynchronous writes.
 */
const stdout = pino.destination({ dest: 1, sync: true });
let sink: { write(line: string): unknown } = stdout;

/** Values a SQL driver quotes in its messages ("Duplicate entry '138…' for key …") may be a person's data. */
const scrubQuoted = (text: string) => text.replace(/'[^']*'/g, "'…'");

/**
 * pino's error serializer, minus what a failed SQL statement carries about the rows it touched: TypeORM's
 * QueryFailedError copies the bound parameters and the driver's message (with the values) onto the error.
 */
function serializeError(error: unknown): unknown {
  const out = pino.stdSerializers.err(error as Error) as unknown as Record<string, unknown>;
  if (!error || typeof error !== "object" || !("driverError" in error)) return out;
  const message = String(out.message ?? "");
  const { parameters: _p, driverError: _d, sql: _s, sqlMessage: _m, raw: _r, ...rest } = out;
  return { ...rest, message: scrubQuoted(message), stack: typeof out.stack === "string" ? out.stack.replace(message, scrubQuoted(message)) : undefined };
}

/**
 * The hub's structured JSON logger. The level comes from LOG_LEVEL (silent in tests unless set); an invalid
 * LOG_LEVEL falls back to info here so that the config check can name it instead of pino throwing at import.
 */
export const log = pino(
  {
    level: LEVELS.has(process.env.LOG_LEVEL ?? "") ? process.env.LOG_LEVEL : process.env.JEST_WORKER_ID ? "silent" : "info",
    base: undefined,
    timestamp: pino.stdTimeFunctions.isoTime,
    serializers: { err: serializeError },
  },
  { write: (line: string) => sink.write(line) },
);

/** Sends the log lines to `stream` instead of stdout (tests read them); returns a function that switches back. */
export function logTo(stream: { write(line: string): unknown }): () => void {
  sink = stream;
  return () => {
    sink = stdout;
  };
}
