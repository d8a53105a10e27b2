/**
 * Normalize + classify + hash on one core: `node --import tsx scripts/bench/normalize.bench.ts [--size N]`.
 *
 * The corpus is generated at run time from the real records in ../shared (never written anywhere): each
 * study is a copy of one template with a new NCT id and a few values varied deterministically; every fourth
 * copy has its interventions renamed to PRRT combination spellings, so classification does real work.
 * normalizeStudy does all three steps (schema, Trial, drift, PRRT classification, content hash).
 */
import os from 'node:os';
import { normalizeStudy } from '@trialwatch/domain';
import { loadTemplates, variant } from './corpus.js';

interface Options {
  size: number;
  rounds: number;
}

function parseOptions(argv: readonly string[]): Options {
  const options: Options = { size: 10_000, rounds: 3 };
  for (let i = 0; i < argv.length; i++) {
    const value = Number(argv[i + 1]);
    if (argv[i] === '--size' && Number.isInteger(value) && value > 0) options.size = value;
    else if (argv[i] === '--rounds' && Number.isInteger(value) && value > 0) options.rounds = value;
    else continue;
    i++;
  }
  return options;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

function main(): void {
  const options = parseOptions(process.argv.slice(2));
  const templates = loadTemplates();
  const corpus = Array.from({ length: options.size }, (_, i) =>
    variant(templates[i % templates.length] ?? {}, i),
  );
  const sizes = corpus.map((study) => Buffer.byteLength(JSON.stringify(study)));

  // Warm up: let the JIT settle on every template.
  for (let i = 0; i < Math.min(corpus.length, 5_000); i++) {
    const result = normalizeStudy(corpus[i]);
    if (!result.ok) throw new Error(`study ${i} did not normalize: ${result.reason}`);
  }

  const micros = new Float64Array(corpus.length * options.rounds);
  let total = 0n;
  const cpuBefore = process.cpuUsage();
  for (let round = 0; round < options.rounds; round++) {
    for (let i = 0; i < corpus.length; i++) {
      const start = process.hrtime.bigint();
      normalizeStudy(corpus[i]);
      const elapsed = process.hrtime.bigint() - start;
      total += elapsed;
      micros[round * corpus.length + i] = Number(elapsed) / 1_000;
    }
  }
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const count = corpus.length * options.rounds;
  const all = [...micros].sort((a, b) => a - b);
  const perTemplate = templates.map((_, t) => {
    const own: number[] = [];
    for (let k = 0; k < micros.length; k++)
      if ((k % corpus.length) % templates.length === t) own.push(micros[k] ?? 0);
    own.sort((a, b) => a - b);
    return { bytes: sizes[t] ?? 0, p50: percentile(own, 50), p99: percentile(own, 99) };
  });
  const bySize = [...perTemplate].sort((a, b) => a.bytes - b.bytes);
  const median = bySize[Math.floor((bySize.length - 1) / 2)];
  const largest = bySize[bySize.length - 1];
  const cpuModel = os.cpus()[0]?.model ?? 'unknown';
  const lines = [
    `studies: ${corpus.length} x ${options.rounds} rounds (${templates.length} templates, ${Math.min(...sizes)}-${Math.max(...sizes)} bytes of JSON)`,
    `overall: ${Math.round(count / (Number(total) / 1e9))} studies/s of wall time, ${Math.round(count / cpuSeconds)} studies/s of CPU time (one core)`,
    `per record: p50 ${percentile(all, 50).toFixed(1)} µs, p99 ${percentile(all, 99).toFixed(1)} µs`,
    `median-size record (${median?.bytes ?? 0} bytes): p50 ${median?.p50.toFixed(1) ?? '?'} µs = ${Math.round(1e6 / (median?.p50 ?? 1))} studies/s`,
    `largest record (${largest?.bytes ?? 0} bytes): p50 ${largest?.p50.toFixed(1) ?? '?'} µs = ${Math.round(1e6 / (largest?.p50 ?? 1))} studies/s`,
    `machine: nproc ${os.cpus().length}, ${cpuModel}, node ${process.version}, load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
    '',
    '| record bytes | p50 µs | p99 µs | studies/s at p50 |',
    '|---:|---:|---:|---:|',
    ...bySize.map(
      (t) => `| ${t.bytes} | ${t.p50.toFixed(1)} | ${t.p99.toFixed(1)} | ${Math.round(1e6 / t.p50)} |`,
    ),
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

main();
