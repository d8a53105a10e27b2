/**
 * Benchmark corpora generated at run time from the real records in ../shared (never committed): study i is
 * a copy of template (i mod templates) — so record sizes follow the real records' distribution — with a
 * new NCT id and a few values varied deterministically; every fourth copy has its interventions renamed to
 * PRRT combination spellings, so classification does real work.
 */
import fs from 'node:fs';
import path from 'node:path';
import { normalizeStudy } from '@trialwatch/domain';
import type { TrialVersionDoc } from '@trialwatch/store';
import { realRecordsDir } from '../../test/support/paths.js';

export type Json = Record<string, unknown>;

const PRRT_INTERVENTIONS = [
  ['Lutetium Lu 177 Dotatate', 'Olaparib'],
  ['[177Lu]Lu-DOTA-TOC', 'Capecitabine', 'Temozolomide'],
  ['90Y-DOTATOC', 'Iobenguane I-131'],
  ['68Ga-DOTATATE PET', 'Pembrolizumab'],
] as const;
const STATUSES = ['RECRUITING', 'ACTIVE_NOT_RECRUITING', 'COMPLETED', 'UNKNOWN'] as const;

export function object(value: unknown): Json {
  return typeof value === 'object' && value !== null ? (value as Json) : {};
}

export function loadTemplates(): Json[] {
  return fs
    .readdirSync(realRecordsDir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => JSON.parse(fs.readFileSync(path.join(realRecordsDir, name), 'utf8')) as Json);
}

export function corpusNctId(index: number): string {
  return `NCT${String(90_000_000 + index).padStart(8, '0')}`;
}

/** The i-th study of the corpus. */
export function variant(template: Json, index: number): Json {
  const study = structuredClone(template);
  const protocol = object(study.protocolSection);
  object(protocol.identificationModule).nctId = corpusNctId(index);
  const status = object(protocol.statusModule);
  status.overallStatus = STATUSES[index % STATUSES.length];
  status.lastUpdatePostDateStruct = {
    date: `2025-${String((index % 12) + 1).padStart(2, '0')}-15`,
    type: 'ACTUAL',
  };
  const enrollment = object(object(protocol.designModule).enrollmentInfo);
  enrollment.count = 10 + (index % 500);
  if (index % 4 === 0) {
    const arms = object(protocol.armsInterventionsModule);
    const names = PRRT_INTERVENTIONS[(index / 4) % PRRT_INTERVENTIONS.length] ?? [];
    const interventions = Array.isArray(arms.interventions) ? (arms.interventions as Json[]) : [];
    interventions.forEach((intervention, i) => {
      intervention.name = names[i % names.length];
    });
  }
  return study;
}

/** A later version of study i: a status change, a completion-date slip and a newer lastUpdatePostDate. */
export function changedVariant(template: Json, index: number): Json {
  const study = variant(template, index);
  const status = object(object(study.protocolSection).statusModule);
  status.overallStatus = status.overallStatus === 'COMPLETED' ? 'TERMINATED' : 'COMPLETED';
  status.completionDateStruct = { date: '2031-12', type: 'ESTIMATED' };
  status.lastUpdatePostDateStruct = { date: '2026-11-25', type: 'ACTUAL' };
  return study;
}

/** Write studies [0, size) as one file each into `dir` (created). Returns the bytes written. */
export function writeCorpus(dir: string, size: number, templates: readonly Json[] = loadTemplates()): number {
  fs.mkdirSync(dir, { recursive: true });
  let bytes = 0;
  for (let index = 0; index < size; index += 1) {
    const template = templates[index % templates.length];
    if (!template) throw new Error('no templates');
    const text = JSON.stringify(variant(template, index));
    bytes += text.length;
    fs.writeFileSync(path.join(dir, `${corpusNctId(index)}.json`), text);
  }
  return bytes;
}

/**
 * The i-th study of the corpus as the pipeline would version it (its Trial under `nctId@contentHash`), with
 * the record it was made from; null when the record does not normalize.
 */
export function corpusVersion(
  templates: readonly Json[],
  index: number,
  runId: string,
  detectedAt: Date,
): { record: Json; version: TrialVersionDoc } | null {
  const record = variant(templates[index % templates.length] ?? {}, index);
  const result = normalizeStudy(record);
  if (!result.ok) return null;
  const { trial } = result;
  return {
    record,
    version: {
      _id: `${trial.nctId}@${trial.contentHash}`,
      nctId: trial.nctId,
      contentHash: trial.contentHash,
      trial,
      runId,
      lastUpdatePostDate: trial.lastUpdatePostDate,
      dataTimestamp: null,
      detectedAt,
    },
  };
}
