import v8 from 'node:v8';
import vm from 'node:vm';

let collect: (() => void) | null = null;

/**
 * A full garbage collection every `every` records. A long export allocates a few KB of short-lived objects
 * per record; V8 lets the old generation grow by tens of MB before collecting it, which is what the peak RSS
 * of an export measures. Collecting the live heap (the CLI's modules, one batch) every few thousand records
 * keeps the peak near the start-up size, for ~1 % of the time. `--expose-gc` set at run time applies to new
 * contexts, hence the `gc` function taken from one.
 */
export function periodicGc(every: number): (count: number) => void {
  if (!collect) {
    v8.setFlagsFromString('--expose-gc');
    collect = vm.runInNewContext('gc') as () => void;
  }
  const run = collect;
  return (count) => {
    if (count % every === 0) run();
  };
}
