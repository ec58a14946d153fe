import { operationLabel } from "@platform/metrics";

test("the operation label is the name as sent, anonymous without one, and other once clients have invented 500 names", () => {
  expect(operationLabel(undefined)).toBe("anonymous");
  expect(operationLabel("")).toBe("anonymous");
  expect(operationLabel("DirectoryPage")).toBe("DirectoryPage");
  for (let i = 0; i < 600; i++) operationLabel(`Invented${i}`);
  expect(operationLabel("Invented498")).toBe("Invented498");
  expect(operationLabel("Invented599")).toBe("other");
  expect(operationLabel("DirectoryPage")).toBe("DirectoryPage"); // names seen before keep their series
});
