import { HubError } from "@platform/errors";
import { problem, raise, raiseAll } from "@kit/problem";

function caught(action: () => void): HubError {
  try {
    action();
  } catch (error) {
    return error as HubError;
  }
  throw new Error("nothing was raised");
}

test("raise turns a problem into the GraphQL error of its code, with its facts; no problem raises nothing", () => {
  expect(() => raise(null)).not.toThrow();
  const error = caught(() => raise(problem("CONFLICT", "The room is taken.", { roomId: "room_x" })));
  expect(error).toBeInstanceOf(HubError);
  expect(error.message).toBe("The room is taken.");
  expect(error.extensions).toEqual({ code: "CONFLICT", roomId: "room_x" });
});

test("raiseAll lists every problem at once", () => {
  expect(() => raiseAll([], "Cannot submit:")).not.toThrow();
  const error = caught(() => raiseAll([problem("CONFLICT", "Give it a name.", { requirement: "NAME" }), problem("CONFLICT", "Attach the charter.")], "Cannot submit yet:", { filingId: "fil_x" }));
  expect(error.message).toBe("Cannot submit yet: Give it a name. Attach the charter.");
  expect(error.extensions).toEqual({ code: "CONFLICT", filingId: "fil_x", problems: [{ message: "Give it a name.", requirement: "NAME" }, { message: "Attach the charter." }] });
});
