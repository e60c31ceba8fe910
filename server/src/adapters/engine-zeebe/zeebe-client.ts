// The Orchestration Cluster REST client of @camunda8/sdk 8.8 (the loosely typed variant: keys are plain
// strings, as they are everywhere behind the port). The SDK validates every request it sends against the
// 8.8 REST specification's schemas it ships; responses are validated too (`res:strict` by default, so a
// malformed answer fails loudly instead of being half-read).
import type { Camunda8 } from '@camunda8/sdk';
import type { ZeebeSettings } from '../../config/zeebe.config';

export type ZeebeApi = ReturnType<Camunda8['getOrchestrationClusterApiClientLoose']>;

export type ZeebeConnection = ZeebeSettings & {
  /** The SDK's validation mini-language; tests run `req:strict,res:fanatical` (unknown response fields fail too). */
  validation?: string;
};

/** Searches read what the cluster has exported so far: the adapter never waits for eventual consistency. */
export const NOW = { consistency: { waitUpToMs: 0 } } as const;

export async function createZeebeApi(c: ZeebeConnection): Promise<ZeebeApi> {
  const { Camunda8 } = await import('@camunda8/sdk');
  const auth = c.auth;
  const sdk = new Camunda8({
    ZEEBE_REST_ADDRESS: c.restAddress,
    CAMUNDA_AUTH_STRATEGY: auth.strategy,
    ...(auth.strategy === 'OAUTH' ? {
      ZEEBE_CLIENT_ID: auth.clientId, ZEEBE_CLIENT_SECRET: auth.clientSecret, CAMUNDA_OAUTH_URL: auth.oauthUrl,
      ...(auth.audience ? { ZEEBE_TOKEN_AUDIENCE: auth.audience } : {}), ...(auth.scope ? { CAMUNDA_TOKEN_SCOPE: auth.scope } : {}),
    } : {}),
    ...(auth.strategy === 'BASIC' ? { CAMUNDA_BASIC_AUTH_USERNAME: auth.username, CAMUNDA_BASIC_AUTH_PASSWORD: auth.password } : {}),
    ...(c.tenantId ? { CAMUNDA_TENANT_ID: c.tenantId } : {}),
  } as never);
  const api = sdk.getOrchestrationClusterApiClientLoose();
  // The SDK's config translator has no validation setting: apply it on the created client.
  api.configure({ config: { ...api.getConfig().__raw, CAMUNDA_SDK_VALIDATION: c.validation ?? 'req:strict,res:strict' } as never });
  return api;
}

/** The HTTP status of an SDK error, when the cluster answered. */
export function statusOf(err: unknown): number | undefined {
  const e = err as { status?: unknown; statusCode?: unknown; response?: { status?: unknown } } | undefined;
  const s = e?.status ?? e?.statusCode ?? e?.response?.status;
  return typeof s === 'number' ? s : undefined;
}
