import { Directive, Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { AcademyLevel } from "./academy.enums";

/** A 社区治理学院 at city, district or township level (DOMAIN §4); area and operator live in organizations. */
@Entity("academies")
@ObjectType({ description: "A community-governance academy (社区治理学院) at city, district or township level." })
@Directive('@key(fields: "id")')
export class Academy {
  @PrimaryColumn({ type: "varchar", length: 40 })
  @Field(() => ID)
  id: string;

  @Column({ type: "varchar", length: 60 })
  @Field(() => String)
  name: string;

  @Column({ type: "simple-enum", enum: AcademyLevel })
  @Field(() => AcademyLevel)
  level: AcademyLevel;

  @Index()
  @Column({ type: "varchar", length: 20 })
  areaCode: string;

  @Index()
  @Column({ type: "varchar", length: 40, nullable: true })
  parentId: string | null;

  @Column({ type: "varchar", length: 40, nullable: true })
  operatorOrgId: string | null;
}
