import { spawn } from 'node:child_process';
import { copyFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { realRecordsDir, repoRoot } from './support/paths.js';
import {
  replayFixtures,
  rewriteRecord,
  tempCorpus,
  writeAtomically,
  type RealRecord,
} from './support/replay-corpus.js';

const { sample, serve, cleanups, records: realRecords } = replayFixtures();

async function corpus(): Promise<string> {
  const { dir, remove } = await tempCorpus();
  cleanups.push(remove);
  return dir;
}

async function get(
  url: string,
): Promise<{ status: number; type: string | null; text: string; response: Response }> {
  const response = await fetch(url, { redirect: 'manual' });
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    text: await response.text(),
    response,
  };
}

interface Page {
  studies: unknown[];
  nextPageToken?: string;
  totalCount?: number;
}
const idOf = (study: unknown) => (study as RealRecord['record']).protocolSection.identificationModule.nctId;

describe('replay server: /studies paging', () => {
  it('serves every study once, sorted by id, with totalCount on the first page only', async () => {
    const server = await serve();
    const seen: string[] = [];
    const first = JSON.parse((await get(`${server.url}/studies?pageSize=3&countTotal=true`)).text) as Page;
    expect(first.totalCount).toBe(realRecords().length);
    let page = first;
    seen.push(...page.studies.map(idOf));
    while (page.nextPageToken !== undefined) {
      const next = await get(
        `${server.url}/studies?pageSize=3&countTotal=true&pageToken=${page.nextPageToken}`,
      );
      expect(next.status).toBe(200);
      page = JSON.parse(next.text) as Page;
      expect(page.totalCount).toBeUndefined();
      seen.push(...page.studies.map(idOf));
    }
    const expected = realRecords()
      .map((real) => real.record.protocolSection.identificationModule.nctId)
      .sort();
    expect(seen).toEqual(expected);
  });

  it('serves the files byte for byte inside the page', async () => {
    const server = await serve();
    const { text } = await get(`${server.url}/studies?pageSize=1`);
    const first = sample().text;
    expect(text.startsWith(`{"studies":[${first}`)).toBe(true);
  });

  it('defaults to 10 a page and honours the page size cap', async () => {
    const capped = await serve({ pageSizeCap: 4 });
    const page = JSON.parse((await get(`${capped.url}/studies?pageSize=1000`)).text) as Page;
    expect(page.studies).toHaveLength(4);
    const plain = await serve();
    expect((JSON.parse((await get(`${plain.url}/studies`)).text) as Page).studies).toHaveLength(
      Math.min(10, realRecords().length),
    );
  });

  it('refuses a token used with other parameters, and unknown parameters, with 400 text/plain', async () => {
    const server = await serve();
    const first = JSON.parse(
      (await get(`${server.url}/studies?pageSize=2&filter.overallStatus=COMPLETED`)).text,
    ) as Page;
    expect(first.nextPageToken).toBeDefined();
    const wrong = await get(`${server.url}/studies?pageSize=2&pageToken=${first.nextPageToken ?? ''}`);
    expect(wrong.status).toBe(400);
    expect(wrong.type).toMatch(/^text\/plain/);
    const unknown = await get(`${server.url}/studies?query.bogus=x`);
    expect(unknown.status).toBe(400);
    expect(unknown.type).toMatch(/^text\/plain/);
    expect(unknown.text).toBe('Invalid prefix in parameter name: query.bogus');
    expect(server.stats.badRequests).toBe(2);
  });

  it('stops paging early when asked, while totalCount keeps the full number', async () => {
    const server = await serve({ stopPagingAfter: 4 });
    const first = JSON.parse((await get(`${server.url}/studies?pageSize=3&countTotal=true`)).text) as Page;
    expect(first.totalCount).toBe(realRecords().length);
    const second = JSON.parse(
      (await get(`${server.url}/studies?pageSize=3&pageToken=${first.nextPageToken ?? ''}`)).text,
    ) as Page;
    expect(second.studies).toHaveLength(1);
    expect(second.nextPageToken).toBeUndefined();
  });
});

describe('replay server: one study, version, stats', () => {
  it('answers an unknown id with 404 text/plain', async () => {
    const server = await serve();
    const missing = await get(`${server.url}/studies/NCT99999999`);
    expect(missing.status).toBe(404);
    expect(missing.type).toMatch(/^text\/plain/);
  });

  it('redirects an alias to the canonical study with 301', async () => {
    const dir = await corpus();
    const source = sample();
    const study = rewriteRecord(source.record, { nctId: 'NCT90000001', aliases: ['NCT80000001'] });
    await writeFile(path.join(dir, 'NCT90000001.json'), JSON.stringify(study));
    const server = await serve({ dataDir: dir });
    const moved = await get(`${server.url}/studies/NCT80000001?format=json`);
    expect(moved.status).toBe(301);
    expect(moved.response.headers.get('location')).toBe('/api/v2/studies/NCT90000001?format=json');
    const ids = JSON.parse((await get(`${server.url}/studies?filter.ids=NCT80000001`)).text) as Page;
    expect(ids.studies.map(idOf)).toEqual(['NCT90000001']);
  });

  it('reports the version with the given data timestamp, or the newest file mtime', async () => {
    const fixed = await serve({ dataTimestamp: '2026-09-04T09:00:06Z' });
    expect(JSON.parse((await get(`${fixed.url}/version`)).text)).toEqual({
      apiVersion: '2.0.5',
      dataTimestamp: '2026-09-04T09:00:06',
    });
    const dir = await corpus();
    await copyFile(path.join(realRecordsDir, sample().fileName), path.join(dir, 'NCT00000001.json'));
    const fromFiles = await serve({ dataDir: dir });
    const { dataTimestamp } = JSON.parse((await get(`${fromFiles.url}/version`)).text) as {
      dataTimestamp: string;
    };
    expect(dataTimestamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
    expect(Math.abs(Date.parse(`${dataTimestamp}Z`) - Date.now())).toBeLessThan(60_000);
  });

  it('exposes its counters at /__replay/stats', async () => {
    const server = await serve();
    await get(`${server.url}/studies?pageSize=2`);
    await get(`${server.url}/studies/NCT99999999`);
    const stats = JSON.parse((await get(server.url.replace('/api/v2', '/__replay/stats'))).text) as Record<
      string,
      unknown
    >;
    expect(stats).toMatchObject({
      pagesServed: 1,
      studiesServed: 2,
      notFound: 1,
      indexedFiles: realRecords().length,
    });
  });
});

describe('replay server: files that are not studies', () => {
  it('serves a non-JSON file as a string element of a valid page, and as raw bytes on its own', async () => {
    const dir = await corpus();
    const broken = '{"protocolSection": {"identificationModule": {"nctId": "NCT00000002"';
    await writeFile(path.join(dir, 'NCT00000002.json'), broken);
    await copyFile(path.join(realRecordsDir, sample().fileName), path.join(dir, sample().fileName));
    const server = await serve({ dataDir: dir });
    const page = JSON.parse(
      (
        await get(
          `${server.url}/studies?countTotal=true&filter.overallStatus=RECRUITING,COMPLETED,TERMINATED`,
        )
      ).text,
    ) as Page;
    expect(page.studies).toContain(broken);
    expect(page.studies.filter((study) => typeof study === 'string')).toHaveLength(1);
    const alone = await get(`${server.url}/studies/NCT00000002`);
    expect(alone.status).toBe(200);
    expect(alone.text).toBe(broken);
    const byId = JSON.parse((await get(`${server.url}/studies?filter.ids=NCT00000002`)).text) as Page;
    expect(byId.studies).toEqual([broken]);
  });
});

describe('replay server: faults', () => {
  it('answers 429 with Retry-After: 1 or 503 text/plain at fault rate 1', async () => {
    const server = await serve({ faultRate: 1, seed: 5 });
    const statuses = new Set<number>();
    for (let i = 0; i < 20; i++) {
      const answer = await get(`${server.url}/version`);
      statuses.add(answer.status);
      expect(answer.type).toMatch(/^text\/plain/);
      if (answer.status === 429) expect(answer.response.headers.get('retry-after')).toBe('1');
    }
    expect([...statuses].sort()).toEqual([429, 503]);
    expect(server.stats.faults.rateLimited + server.stats.faults.unavailable).toBe(20);
  });

  it('cuts bodies with a Content-Length matching what is sent', async () => {
    const server = await serve({ truncateRate: 1, seed: 9 });
    const response = await fetch(`${server.url}/studies?pageSize=5`);
    const body = Buffer.from(await response.arrayBuffer());
    expect(Number(response.headers.get('content-length'))).toBe(body.length);
    expect(() => JSON.parse(body.toString('utf8')) as unknown).toThrow();
    expect(server.stats.faults.truncated).toBe(1);
  });

  it('adds the configured latency', async () => {
    const server = await serve({ delayMs: 300 });
    const started = performance.now();
    await get(`${server.url}/version`);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });
});

describe('replay server: the folder changes between nights', () => {
  it('serves replaced and added files without a restart', async () => {
    const dir = await corpus();
    const [a, b] = [sample(0), sample(1)];
    await writeAtomically(
      dir,
      'NCT00000001.json',
      JSON.stringify(rewriteRecord(a.record, { nctId: 'NCT00000001' })),
    );
    const server = await serve({ dataDir: dir });
    const before = JSON.parse((await get(`${server.url}/studies?countTotal=true`)).text) as Page;
    expect(before.totalCount).toBe(1);
    await writeAtomically(
      dir,
      'NCT00000001.json',
      JSON.stringify(rewriteRecord(a.record, { nctId: 'NCT00000001', status: 'SUSPENDED' })),
    );
    await writeAtomically(
      dir,
      'NCT00000002.json',
      JSON.stringify(rewriteRecord(b.record, { nctId: 'NCT00000002' })),
    );
    const after = JSON.parse(
      (await get(`${server.url}/studies?countTotal=true&fields=NCTId,OverallStatus`)).text,
    ) as Page;
    expect(after.totalCount).toBe(2);
    expect(after.studies).toEqual([
      {
        protocolSection: {
          identificationModule: { nctId: 'NCT00000001' },
          statusModule: { overallStatus: 'SUSPENDED' },
        },
      },
      {
        protocolSection: {
          identificationModule: { nctId: 'NCT00000002' },
          statusModule: { overallStatus: b.record.protocolSection.statusModule.overallStatus },
        },
      },
    ]);
    expect(server.stats.rescans).toBe(1);
  });
});

describe('trialwatch replay-server (CLI)', () => {
  const main = path.join(repoRoot, 'services/cli/src/main.ts');

  it('prints one line when listening, serves, and exits cleanly on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', main, 'replay-server', '--data', realRecordsDir, '--port', '0'],
      {
        cwd: repoRoot,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, LOG_LEVEL: 'silent' },
      },
    );
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const line = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString('utf8');
        const newline = stdout.indexOf('\n');
        if (newline >= 0) resolve(stdout.slice(0, newline));
      });
      child.once('exit', (code) => {
        reject(new Error(`exited with ${code ?? 'signal'} before listening: ${stderr}`));
      });
    });
    const match = /^replay-server listening on (http:\/\/127\.0\.0\.1:\d+\/api\/v2) \((\d+) studies\)$/.exec(
      line,
    );
    expect(match).not.toBeNull();
    expect(Number(match?.[2])).toBe(realRecords().length);
    const version = await get(`${match?.[1] ?? ''}/version`);
    expect(version.status).toBe(200);
    const exited = new Promise<number | null>((resolve) =>
      child.once('exit', (code) => {
        resolve(code);
      }),
    );
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(1);
  });

  it('exits 2 with one line on an invalid option', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', main, 'replay-server', '--data', realRecordsDir, '--fault-rate', '1.5'],
      { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const code = await new Promise<number | null>((resolve) =>
      child.once('exit', (exit) => {
        resolve(exit);
      }),
    );
    expect(code, stderr).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('--fault-rate');
  });
});
