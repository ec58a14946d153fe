import { HubError } from "@platform/errors";
import { problem, raise } from "@kit/problem";

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
