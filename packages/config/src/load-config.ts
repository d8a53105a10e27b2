import type { z } from 'zod';
import { serviceEnvSchemas, type ServiceEnv, type ServiceName } from './env.schema.js';

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    readonly service: string,
    readonly problems: readonly string[],
  ) {
    super(`invalid configuration for ${service}: ${problems.join('; ')}`);
  }
}

/** Parse the environment once at boot; a bad value names the variable. Unknown variables are ignored. */
export function loadConfig<S extends ServiceName>(
  service: S,
  env: Record<string, string | undefined> = process.env,
): ServiceEnv<S> {
  const schema: z.ZodType<ServiceEnv<S>> = serviceEnvSchemas[service] as unknown as z.ZodType<ServiceEnv<S>>;
  // Empty strings mean "not set", as in most shells and compose files.
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(
      service,
      parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`),
    );
  }
  return parsed.data;
}

/** The database name is the path of the MongoDB URI (`/trialwatch`), as the drivers read it. */
export function databaseNameFromUri(uri: string): string {
  const path = new URL(uri.replace(/^mongodb(\+srv)?:/, 'http:')).pathname.replace(/^\//, '');
  return decodeURIComponent(path) || 'trialwatch';
}

/** A URL fit for logs and messages: credentials replaced. */
export function redactUrl(value: string): string {
  try {
    const url = new URL(value);
    if (url.password) url.password = '***';
    if (url.username && url.password) url.username = '***';
    for (const key of [...url.searchParams.keys()]) {
      if (/token|secret|key|password/i.test(key)) url.searchParams.set(key, '***');
    }
    return url.toString();
  } catch {
    return '<invalid url>';
  }
}
