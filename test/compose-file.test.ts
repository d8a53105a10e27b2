import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig, serviceEnvSchemas, type ServiceName } from '@trialwatch/config';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repoRoot } from './support/paths.js';
import { CLI_NODE_FLAGS } from './support/processes.js';

interface ComposeService {
  command?: string[];
  environment?: Record<string, string | number | boolean>;
  healthcheck?: unknown;
  image?: string;
  build?: unknown;
}

const compose = parse(readFileSync(path.join(repoRoot, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, ComposeService>;
};

/** `${VAR:?message}` and `${VAR:-default}` as compose would fill them for this check. */
function interpolate(value: string): string {
  return value.replace(
    /\$\{([A-Z0-9_]+)(?::[?-]([^}]*))?\}/g,
    (_match, name: string, rest: string | undefined) =>
      name === 'TRIALWATCH_API_TOKEN' ? 'a-token-of-at-least-16-chars' : (rest ?? ''),
  );
}

const appServices = Object.keys(serviceEnvSchemas).filter((name) => name !== 'cli') as ServiceName[];

describe('docker-compose.yml', () => {
  it('runs redis with the AOF config, mongo 7, and one container per service, each with a healthcheck', () => {
    expect(compose.services.redis?.image).toMatch(/^redis:7/);
    expect(compose.services.mongo?.image).toBe('mongo:7');
    for (const name of ['redis', 'mongo', ...appServices]) {
      expect(compose.services[name], name).toBeDefined();
      expect(compose.services[name]?.healthcheck, `${name} healthcheck`).toBeDefined();
    }
    const redisConf = readFileSync(path.join(repoRoot, 'infra/redis/redis.conf'), 'utf8');
    expect(redisConf).toMatch(/^appendonly yes$/m);
    expect(redisConf).toMatch(/^appendfsync everysec$/m);
    expect(redisConf).toMatch(/^maxmemory-policy noeviction$/m);
  });

  it.each(appServices)(
    '%s: its environment parses with its config schema, and names no unknown variable',
    (name) => {
      const environment = Object.fromEntries(
        Object.entries(compose.services[name]?.environment ?? {}).map(([key, value]) => [
          key,
          interpolate(String(value)),
        ]),
      );
      expect(() => loadConfig(name, environment)).not.toThrow();
      const known = Object.keys(serviceEnvSchemas[name].shape);
      expect(Object.keys(environment).filter((key) => !known.includes(key))).toEqual([]);
    },
  );

  it('each worker container runs its own service entry point', () => {
    for (const name of appServices) {
      expect(compose.services[name]?.command).toContain(`services/${name}/src/main.ts`);
    }
  });

  // The heap flags are measured settings (docs/BENCHMARKS.md); the containers, `pnpm trialwatch` and the
  // processes the tests and benchmarks start must run with the same ones.
  it('starts every service with the node flags of `pnpm trialwatch` and the tests', () => {
    const script = (
      JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
        scripts: Record<string, string>;
      }
    ).scripts.trialwatch;
    expect(script?.split(' ').slice(1, 1 + CLI_NODE_FLAGS.length)).toEqual(CLI_NODE_FLAGS);
    for (const name of appServices) {
      const command = compose.services[name]?.command ?? [];
      expect(command.slice(0, command.indexOf('--import')), name).toEqual(['node', ...CLI_NODE_FLAGS]);
    }
  });
});
