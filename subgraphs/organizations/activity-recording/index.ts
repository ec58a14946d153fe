import { Feature } from "../../kit/feature";
import { ActivityRecordingResolver } from "./activity-recording.resolver";

/**
 * Recording, correcting and verifying service records (DOMAIN §3.10, M9): the rules a record must meet (谁组织谁记录,
 * minutes per line and per day, timeliness), the mutations, and the leader-dependency recompute each write triggers.
 */
export const activityRecordingFeature: Feature = {
  name: "activity-recording",
  resolvers: [ActivityRecordingResolver],
};
