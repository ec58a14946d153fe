import { newId, orderedIds, parseAreaCode, parseId, typeOfId } from "@kit/ids";

test("new ids carry their type's prefix and a ULID", () => {
  const id = newId("Booking");
  expect(id).toMatch(/^bkg_[0-9A-HJKMNP-TV-Z]{26}$/);
  expect(typeOfId(id)).toBe("Booking");
});

test("readable demo ids are accepted for their own type", () => {
  expect(parseId("Organization", "org_lezhulin")).toBe("org_lezhulin");
  expect(parseId("Grant", "grant_cq2021_6080")).toBe("grant_cq2021_6080");
});

test("an id of another type is refused naming both types", () => {
  expect(() => parseId("Organization", "room_zx_hall", "organizationId")).toThrow(/organizationId: "room_zx_hall" is a Room id; expected a Organization id/);
});

test("malformed ids and injection attempts never pass", () => {
  for (const raw of ["", "org_", "ORG_x", "org_lezhulin' OR 1=1", "NaN", 42, null, `org_${"a".repeat(40)}`]) {
    expect(() => parseId("Organization", raw)).toThrow(/not a valid Organization id/);
  }
});

test("area codes are six digits plus optional segments", () => {
  expect(parseAreaCode("340111X01C01")).toBe("340111X01C01");
  expect(() => parseAreaCode("34011")).toThrow(/not an area code/);
  expect(() => parseAreaCode("340111%")).toThrow(/not an area code/);
});

test("ordered ids sort in the order they were made, even within one millisecond", () => {
  const next = orderedIds("VolunteerHourLine");
  const ids = Array.from({ length: 50 }, () => next());
  expect(ids.every((id) => typeOfId(id) === "VolunteerHourLine")).toBe(true);
  expect([...ids].sort()).toEqual(ids);
});
