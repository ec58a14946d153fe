import { GatewayTarget, streetClerkToken } from "./gateway-client";

/** Where a sheet CLI writes: the process's streams, or a test's buffers. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

export const DEFAULT_GATEWAY = "http://localhost:4000/graphql";

/** The gateway and token a CLI uses: --gateway and --token, else the local hub and a dev token of a clerk of the street. */
export async function gatewayTarget(values: { gateway?: string; token?: string }, street: string): Promise<GatewayTarget> {
  return { url: values.gateway ?? DEFAULT_GATEWAY, token: values.token ?? (await streetClerkToken(street)) };
}
