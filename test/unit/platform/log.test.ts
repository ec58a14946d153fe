import { openDataSource } from "@kit/db";
import { log, logTo } from "@platform/log";
import { freshTestStore } from "@kit/testing";

/** The JSON lines `action` logs at info and above. */
async function captured(action: () => unknown): Promise<Record<string, any>[]> {
  const lines: string[] = [];
  const restore = logTo({ write: (line: string) => lines.push(line) });
  const level = log.level;
  log.level = "info";
  try {
    await action();
  } finally {
    restore();
    log.level = level;
  }
  return lines.map((line) => JSON.parse(line));
}

test("a failed SQL statement is logged with its statement and code, never the values it carried", async () => {
  const db = await openDataSource(await freshTestStore("logscrub"), { name: "logscrub", entities: [], migrations: [] });
  const phone = "13905511234";
  let failure: unknown;
  try {
    await db.query("CREATE TABLE obs_people (phone varchar(20) NOT NULL UNIQUE)");
    await db.query("INSERT INTO obs_people (phone) VALUES (?)", [phone]);
    await db.query("INSERT INTO obs_people (phone) VALUES (?)", [phone]).catch((error: unknown) => (failure = error));
  } finally {
    await db.destroy();
  }
  // the driver's own message names the value on MySQL ("Duplicate entry '139…' for key …"); the error carries the parameters
  expect(failure).toMatchObject({ parameters: [phone] });

  const [line] = await captured(() => log.error({ err: failure, requestId: "r1" }, "resolver failed"));
  expect(line).toMatchObject({ msg: "resolver failed", requestId: "r1", err: { type: "QueryFailedError", query: "INSERT INTO obs_people (phone) VALUES (?)" } });
  expect(String(line.err.code)).toMatch(/^(ER_DUP_ENTRY|SQLITE_CONSTRAINT_UNIQUE)$/);
  expect(JSON.stringify(line)).not.toContain(phone);
});

test("other errors keep pino's usual shape: type, message and stack", async () => {
  const [line] = await captured(() => log.error({ err: new RangeError("page size 500 is over 100") }, "failed"));
  expect(line.err).toMatchObject({ type: "RangeError", message: "page size 500 is over 100", stack: expect.stringContaining("RangeError: page size 500 is over 100") });
});
