// Writes a benchmark corpus: node --import tsx services/replay-server/src/generate-corpus.main.ts SOURCE TARGET COUNT
import { generateCorpus } from './generate-corpus.js';

const [sourceDir, targetDir, countText] = process.argv.slice(2);
const count = Number(countText);
if (!sourceDir || !targetDir || !Number.isInteger(count) || count <= 0) {
  process.stderr.write('usage: generate-corpus.main.ts SOURCE_DIR TARGET_DIR COUNT\n');
  process.exitCode = 2;
} else {
  const started = performance.now();
  const { files, bytes } = await generateCorpus({ sourceDir, targetDir, count });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(`${files} studies, ${(bytes / 1e6).toFixed(0)} MB, in ${targetDir} (${seconds} s)\n`);
}
