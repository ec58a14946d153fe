import { Directive, Field, ID, ObjectType } from "type-graphql";

/** A person as the API shows them; every personal field is resolved through masking (person.resolver). */
@ObjectType("Person", { description: "A resident; personal fields are masked for callers who may not see them." })
@Directive('@key(fields: "id")')
export class PersonType {
  @Field(() => ID)
  id: string;
}
