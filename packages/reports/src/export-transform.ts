import { Transform } from 'node:stream';
import { csvLine } from './csv.js';
import type { ExportFormat, ExportSpec } from './export-columns.js';

/**
 * Documents in (object mode), text out: one JSON object per line, or CSV with a header row. Counts what
 * passed through for a progress display. Backpressure is the stream pipeline's: nothing is buffered here.
 */
export function createExportTransform<Doc, Rec>(
  spec: ExportSpec<Doc, Rec>,
  format: ExportFormat,
  onRecord: (count: number) => void = () => undefined,
): Transform {
  let count = 0;
  return new Transform({
    writableObjectMode: true,
    readableObjectMode: false,
    construct(callback) {
      if (format === 'csv') this.push(csvLine(spec.columns.map((column) => column.name)));
      callback();
    },
    transform(doc: Doc, _encoding, callback) {
      try {
        const record = spec.toRecord(doc);
        const line =
          format === 'csv'
            ? csvLine(spec.columns.map((column) => column.value(record)))
            : `${JSON.stringify(record)}\n`;
        count += 1;
        onRecord(count);
        callback(null, line);
      } catch (error) {
        callback(error instanceof Error ? error : new Error(String(error)));
      }
    },
  });
}
