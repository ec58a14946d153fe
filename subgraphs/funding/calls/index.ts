import { Feature } from "../../kit/feature";
import { rowLoader } from "../../kit/loaders";
import { referenceById } from "../../kit/schema";
import { Call } from "./call.entity";
import { ApplicantTrack, CallStatus } from "./call.enums";
import { callsByProgram } from "./call.loaders";
import { CallResolver } from "./call.resolver";
import { seedCalls } from "./call.seed";

export { ApplicantTrack, Call, CallStatus, callsByProgram };

/** Calls for applications: one round of a programme (DOMAIN §6, §8.2). */
export const callsFeature: Feature = {
  name: "calls",
  entities: [Call],
  resolvers: [CallResolver],
  references: { Call: referenceById("Call", (ctx) => rowLoader(ctx, Call)) },
  seed: seedCalls,
};
