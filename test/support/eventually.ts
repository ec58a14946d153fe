/**
 * Polls `check` until it stops throwing or `timeoutMs` passes (then its last error is thrown): for effects that
 * arrive asynchronously, such as an event's, without a fixed sleep that is either flaky or slow.
 */
export async function eventually<T>(check: () => Promise<T> | T, timeoutMs = 10_000, everyMs = 25): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  }
}

/** Waits `ms` (only to show that something does NOT happen meanwhile). */
export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Asks until `done` holds of the answer and returns it; after `timeoutMs` it returns the last answer, so the caller's
 * assertions on it say what was wrong.
 */
export async function answerWhen<T>(ask: () => Promise<T>, done: (answer: T) => boolean, timeoutMs = 10_000): Promise<T> {
  let last: T | undefined;
  try {
    return await eventually(
      async () => {
        last = await ask();
        if (!done(last)) throw new Error("not yet");
        return last;
      },
      timeoutMs,
      50,
    );
  } catch (error) {
    if (last === undefined) throw error;
    return last;
  }
}
