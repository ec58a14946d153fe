import { Viewer } from "../../kit/identity";
import { Person } from "../entities/person.entity";

/**
 * Whether the caller may see this person's personal fields in clear (DOMAIN §9.3).
 * The person themself and federation admins may; the scoped roles (leader of own org, supervisor, staff)
 * are added with the organizations issue's authorization work. Everyone else gets the masked view.
 */
export function canSeePersonalData(viewer: Viewer, person: Person): boolean {
  return viewer.personId === person.id || viewer.has("FEDERATION_ADMIN");
}
