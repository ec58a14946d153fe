import { registerEnumType } from "type-graphql";

export enum AcademyLevel {
  CITY = "CITY",
  DISTRICT = "DISTRICT",
  TOWNSHIP = "TOWNSHIP",
}

registerEnumType(AcademyLevel, { name: "AcademyLevel" });
