import { HubContext } from "../../kit/context";
import { ForbiddenError } from "../../../platform/errors";
import { ratingActorFor } from "./rating.machine";
import { actsFor, Area, Organization } from "../directory";
import { RatingAction } from "./rating.enums";
import { isRatingAuthority } from "./rating.policy";
import { supervisorsOf } from "../supervision";

/** §8.5 actors: the leader self-assesses, the assigned supervisor confirms, FA or street staff in scope run the panel. */
export async function authorizeRatingAction(ctx: HubContext, action: RatingAction, org: Organization, area: Area | null, today: string): Promise<void> {
  const viewer = ctx.viewer;
  switch (ratingActorFor(action)) {
    case "ORG_LEADER":
      if (actsFor(viewer, "ORG_LEADER", org.id)) return;
      throw new ForbiddenError(`Only the leader of ${org.name} (ORG_LEADER for this organization) may take ${action}.`);
    case "SUPERVISOR": {
      const supervisors = viewer.personId && viewer.has("SUPERVISOR") ? (await supervisorsOf(ctx.db, [org.id], today)).get(org.id) ?? [] : [];
      if (viewer.personId && supervisors.includes(viewer.personId)) return;
      throw new ForbiddenError(`Only the social-work supervisor assigned to ${org.name} may take ${action}.`);
    }
    case "RATING_AUTHORITY":
      if (isRatingAuthority(viewer, area)) return;
      throw new ForbiddenError(`Only a federation admin, or street staff whose area covers ${org.name}, may take ${action}.`);
  }
}
