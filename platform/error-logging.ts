import { ApolloServerPlugin } from "@apollo/server";
import { log } from "./log";

/** Logs unexpected errors with the request id and puts that id on the masked INTERNAL_SERVER_ERROR. */
export function errorLoggingPlugin<C extends { requestId: string }>(component: string): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) {
            const code = error.extensions?.code;
            if (!code || code === "INTERNAL_SERVER_ERROR") {
              log.error({ component, requestId: contextValue.requestId, err: error.originalError ?? error, path: error.path }, "resolver failed");
            }
          }
        },
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== "single") return;
          for (const error of response.body.singleResult.errors ?? []) {
            if (error.extensions?.code === "INTERNAL_SERVER_ERROR") (error.extensions as Record<string, unknown>).requestId = contextValue.requestId;
          }
        },
      };
    },
  };
}
