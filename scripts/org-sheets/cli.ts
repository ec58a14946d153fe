import { parseArgs, ParseArgsConfig } from "node:util";
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

type CliOptions = NonNullable<ParseArgsConfig["options"]> & { help: { type: "boolean" } };

/**
 * A command's options from its arguments, or its exit status once it has printed what to do: the usage for --help
 * (0), or what was wrong and the usage (2).
 */
export function cliOptions<O extends CliOptions>(argv: string[], options: O, usage: string, io: CliIo): ReturnType<typeof parseArgs<{ args: string[]; options: O }>>["values"] | number {
  let values: ReturnType<typeof parseArgs<{ args: string[]; options: O }>>["values"];
  try {
    ({ values } = parseArgs({ args: argv, options }));
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${usage}\n`);
    return 2;
  }
  if ((values as { help?: boolean }).help) {
    io.out(`${usage}\n`);
    return 0;
  }
  return values;
}
