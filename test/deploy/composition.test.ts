import { readFileSync } from "node:fs";
import { join } from "node:path";
import { composeHub } from "@scripts/compose";

test("the subgraphs compose without errors and schema/ holds exactly what the code emits", async () => {
  const { files, errors } = await composeHub();
  expect(errors).toEqual([]);
  for (const [name, content] of Object.entries(files)) {
    expect({ name, content: readFileSync(join(__dirname, "..", "..", "schema", name), "utf8") }).toEqual({ name, content });
  }
});
