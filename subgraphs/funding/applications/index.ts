import { Feature } from "../../kit/feature";
import { rowLoader } from "../../kit/loaders";
import { referenceById } from "../../kit/schema";
import { Application } from "./application.entity";
import { ApplicationStatus } from "./application.enums";
import { applicationsByOrganization, reviewedApplicants } from "./application.loaders";
import { applicationAccess, FullApplicationOnly, notPublic } from "./application.policy";
import { ApplicationResolver } from "./application.resolver";
import { seedApplications } from "./application.seed";
import { CallApplicationsResolver } from "./call.resolver";

export { Application, applicationAccess, ApplicationStatus, applicationsByOrganization, FullApplicationOnly, notPublic, reviewedApplicants };

const byId = referenceById("Application", (ctx) => rowLoader(ctx, Application));

/** Organizations' applications to calls (DOMAIN §6, §8.2), with Call.applications. */
export const applicationsFeature: Feature = {
  name: "applications",
  entities: [Application],
  resolvers: [ApplicationResolver, CallApplicationsResolver],
  references: {
    // an application the caller may not see resolves like an unknown one
    Application: async (ref, ctx) => {
      const application = (await byId(ref, ctx)) as Application | null;
      return application && (await applicationAccess(ctx, application)) !== "none" ? application : null;
    },
  },
  seed: seedApplications,
};
