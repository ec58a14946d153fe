import { z } from "zod";
import { metricsToken } from "../platform/config";

const ORIGIN = /^https?:\/\/[^/\s,]+$/;

/** What the gateway exposes beyond /graphql: to which browsers, and /metrics to whom. */
export const HARDENING_ENV = {
  HUB_CORS_ORIGINS: z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined) return undefined;
      const origins = (raw ?? "").split(",").map((o) => o.trim()).filter(Boolean);
      for (const origin of origins) if (!ORIGIN.test(origin)) ctx.addIssue({ code: "custom", message: `"${origin}" is not an origin like https://partner.example.org (scheme, host, optional port; no path)` });
      return origins;
    })
    .describe("comma-separated browser origins allowed to call /graphql (CORS), e.g. https://a.example.org,https://b.example.org; unset: none"),
  HUB_METRICS_TOKEN: metricsToken,
} as const;

export interface HardeningConfig {
  /** NODE_ENV=production: no introspection, and no /metrics without a token. */
  production?: boolean;
  /** Origins whose browser pages may call the gateway; none: no CORS headers at all. */
  corsOrigins?: string[];
  /** Bearer token /metrics asks for; unset: /metrics is open, except in production where it is off. */
  metricsToken?: string;
}

export function hardeningFrom(v: { HUB_CORS_ORIGINS?: string[]; HUB_METRICS_TOKEN?: string }, production: boolean): HardeningConfig {
  return { production, corsOrigins: v.HUB_CORS_ORIGINS ?? [], metricsToken: v.HUB_METRICS_TOKEN };
}
