import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readmeWithEnvTable } from "@scripts/env-table";

test("the README's configuration table matches the variables the code validates (npm run docs:env)", () => {
  const readme = readFileSync(join(__dirname, "..", "..", "README.md"), "utf8");
  expect(readme).toBe(readmeWithEnvTable(readme));
});
