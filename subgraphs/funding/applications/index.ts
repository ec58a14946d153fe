import { Feature } from "../../kit/feature";
import { rowLoader } from "../../kit/loaders";
import { referenceById } from "../../kit/schema";
import { Application } from "./application.entity";
import { ApplicationStatus } from "./application.enums";
import { applicationsByOrganization } from "./application.loaders";
import { ApplicationResolver } from "./application.resolver";
import { seedApplications } from "./application.seed";
import { CallApplicationsResolver } from "./call.resolver";

export { Application, ApplicationStatus, applicationsByOrganization };

/** Organizations' applications to calls (DOMAIN §6, §8.2), with Call.applications. */
export const applicationsFeature: Feature = {
  name: "applications",
  entities: [Application],
  resolvers: [ApplicationResolver, CallApplicationsResolver],
  references: { Application: referenceById("Application", (ctx) => rowLoader(ctx, Application)) },
  seed: seedApplications,
};
