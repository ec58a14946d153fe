import { ageBandOf, maskName } from "@subgraphs/organizations/directory/masking.policy";
import { AgeBand } from "@subgraphs/organizations/directory/directory.enums";

test("names are masked as DOMAIN §9.3 shows", () => {
  expect(maskName("张某琴")).toBe("张*琴");
  expect(maskName("刘明")).toBe("刘*");
  expect(maskName("欧阳某某华")).toBe("欧***华");
});

test("age bands follow the birth year", () => {
  expect(ageBandOf(1956, 2021)).toBe(AgeBand.FROM_60_TO_69);
  expect(ageBandOf(1941, 2021)).toBe(AgeBand.FROM_80);
  expect(ageBandOf(null, 2021)).toBe(AgeBand.UNKNOWN);
});
