import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { asStudy, tryParse } from './study-entry.js';

export interface GenerateCorpusOptions {
  /** Folder of real recorded studies to copy from (e.g. ../shared/ctgov/records). */
  sourceDir: string;
  targetDir: string;
  count: number;
  /** The number of the first generated id: NCT{firstId padded to 8 digits}. Default 10000000. */
  firstId?: number;
}

/**
 * A large corpus for benchmarks: `count` studies cycling through the source records, each rewritten to a
 * fresh nctId (aliases dropped) and written pretty-printed as `NCT########.json`, as the registry's
 * records come. Only studies are used as sources; files that are not are skipped.
 */
export async function generateCorpus(
  options: GenerateCorpusOptions,
): Promise<{ files: number; bytes: number }> {
  const { sourceDir, targetDir, count, firstId = 10_000_000 } = options;
  const names = (await readdir(sourceDir)).filter((name) => name.endsWith('.json')).sort();
  const sources = (await Promise.all(names.map(async (name) => readFile(path.join(sourceDir, name), 'utf8'))))
    .map((text) => asStudy(tryParse(text)))
    .filter((study): study is Record<string, unknown> => study !== null);
  if (sources.length === 0) throw new Error(`no study records in ${sourceDir}`);
  await mkdir(targetDir, { recursive: true });
  let bytes = 0;
  await mapLimit(
    Array.from({ length: count }, (_, index) => index),
    32,
    async (index) => {
      const nctId = `NCT${String(firstId + index).padStart(8, '0')}`;
      const study = structuredClone(sources[index % sources.length]) as {
        protocolSection: { identificationModule: { nctId: string; nctIdAliases?: string[] } };
      };
      study.protocolSection.identificationModule.nctId = nctId;
      delete study.protocolSection.identificationModule.nctIdAliases;
      const text = JSON.stringify(study, null, 2);
      bytes += Buffer.byteLength(text, 'utf8');
      await writeFile(path.join(targetDir, `${nctId}.json`), text);
    },
  );
  return { files: count, bytes };
}

/** Promise.all over `items` with at most `limit` running at once; results in input order. */
async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  run: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await run(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
