// The Camunda 8 settings of ENGINE=zeebe, validated at start with messages naming the variable. The names are
// the ones @camunda8/sdk itself reads, so an operator's existing Camunda environment carries over.
//   SaaS:          ZEEBE_REST_ADDRESS=https://<region>.zeebe.camunda.io/<cluster-id>, CAMUNDA_AUTH_STRATEGY=OAUTH,
//                  CAMUNDA_CLIENT_ID, CAMUNDA_CLIENT_SECRET, CAMUNDA_OAUTH_URL=https://login.cloud.camunda.io/oauth/token,
//                  CAMUNDA_TOKEN_AUDIENCE=zeebe.camunda.io
//   Self-managed:  ZEEBE_REST_ADDRESS=http://<gateway>:8080, and OAUTH (Keycloak / your identity provider),
//                  BASIC (CAMUNDA_BASIC_AUTH_USERNAME / _PASSWORD) or NONE (an unsecured development cluster)
//   Either:        CAMUNDA_TENANT_ID when the cluster has multi-tenancy on
import { z } from 'zod';

export interface ZeebeSettings {
  restAddress: string;
  auth:
    | { strategy: 'NONE' }
    | { strategy: 'OAUTH'; clientId: string; clientSecret: string; oauthUrl: string; audience?: string; scope?: string }
    | { strategy: 'BASIC'; username: string; password: string };
  tenantId?: string;
}

const httpUrl = (example: string) => z.string().url(`must be a URL, e.g. ${example}`).refine((u) => /^https?:\/\//.test(u), `must start with http:// or https://, e.g. ${example}`);

/** The Camunda 8 variables (read only with ENGINE=zeebe); README's "Running on Camunda 8" lists exactly these. */
export const zeebeEnvSchema = z.object({
  ZEEBE_REST_ADDRESS: httpUrl('https://bru-2.zeebe.camunda.io/<cluster-id> (SaaS) or http://zeebe-gateway:8080 (self-managed)'),
  CAMUNDA_AUTH_STRATEGY: z.enum(['OAUTH', 'BASIC', 'NONE'], { message: 'must be OAUTH (SaaS, or self-managed with an identity provider), BASIC or NONE' }).optional(),
  CAMUNDA_CLIENT_ID: z.string().min(1).optional(),
  CAMUNDA_CLIENT_SECRET: z.string().min(1).optional(),
  CAMUNDA_OAUTH_URL: httpUrl('https://login.cloud.camunda.io/oauth/token').optional(),
  CAMUNDA_TOKEN_AUDIENCE: z.string().min(1).optional(),
  CAMUNDA_TOKEN_SCOPE: z.string().min(1).optional(),
  CAMUNDA_BASIC_AUTH_USERNAME: z.string().min(1).optional(),
  CAMUNDA_BASIC_AUTH_PASSWORD: z.string().min(1).optional(),
  CAMUNDA_TENANT_ID: z.string().regex(/^(<default>|[\w.-]{1,31})$/, 'must be a tenant id: letters, digits, _ . and - (at most 31), or <default>').optional(),
});

/** The settings, or every problem with them (each naming its variable). Empty values count as unset. */
export function zeebeSettingsFrom(env: Record<string, string | undefined>): ZeebeSettings | { problems: string[] } {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([k, v]) => k in zeebeEnvSchema.shape && v !== undefined && v !== ''));
  const parsed = zeebeEnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    return { problems: parsed.error.issues.map((i) => {
      const name = String(i.path[0]);
      return name === 'ZEEBE_REST_ADDRESS' && cleaned[name] === undefined
        ? 'ZEEBE_REST_ADDRESS: required with ENGINE=zeebe (the Orchestration Cluster REST address of your Camunda 8 cluster)'
        : `${name}: ${i.message}`;
    }) };
  }
  const e = parsed.data;
  const strategy = e.CAMUNDA_AUTH_STRATEGY ?? (e.CAMUNDA_CLIENT_ID ? 'OAUTH' : 'NONE');
  const base = { restAddress: e.ZEEBE_REST_ADDRESS, ...(e.CAMUNDA_TENANT_ID ? { tenantId: e.CAMUNDA_TENANT_ID } : {}) };
  if (strategy === 'OAUTH') {
    const missing = (['CAMUNDA_CLIENT_ID', 'CAMUNDA_CLIENT_SECRET', 'CAMUNDA_OAUTH_URL'] as const).filter((k) => !e[k]);
    if (missing.length) return { problems: missing.map((k) => `${k}: required with CAMUNDA_AUTH_STRATEGY=OAUTH (Camunda 8 SaaS: the API client's credentials and https://login.cloud.camunda.io/oauth/token)`) };
    return { ...base, auth: { strategy, clientId: e.CAMUNDA_CLIENT_ID!, clientSecret: e.CAMUNDA_CLIENT_SECRET!, oauthUrl: e.CAMUNDA_OAUTH_URL!, ...(e.CAMUNDA_TOKEN_AUDIENCE ? { audience: e.CAMUNDA_TOKEN_AUDIENCE } : {}), ...(e.CAMUNDA_TOKEN_SCOPE ? { scope: e.CAMUNDA_TOKEN_SCOPE } : {}) } };
  }
  if (strategy === 'BASIC') {
    const missing = (['CAMUNDA_BASIC_AUTH_USERNAME', 'CAMUNDA_BASIC_AUTH_PASSWORD'] as const).filter((k) => !e[k]);
    if (missing.length) return { problems: missing.map((k) => `${k}: required with CAMUNDA_AUTH_STRATEGY=BASIC`) };
    return { ...base, auth: { strategy, username: e.CAMUNDA_BASIC_AUTH_USERNAME!, password: e.CAMUNDA_BASIC_AUTH_PASSWORD! } };
  }
  return { ...base, auth: { strategy: 'NONE' } };
}
