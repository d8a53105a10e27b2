import { describe, expect, it } from 'vitest';
import { createIntervalPacer, sleep } from './interval-pacer.js';

describe('createIntervalPacer', () => {
  it('spaces sequential acquisitions by 60000/rpm ms', async () => {
    const pacer = createIntervalPacer(1200); // 50 ms apart
    const started = performance.now();
    const times: number[] = [];
    for (let i = 0; i < 6; i++) {
      await pacer.acquire();
      times.push(performance.now() - started);
    }
    expect(times[0]).toBeLessThan(40);
    // Slots are kept on a clock: a timer that fires late does not push the later slots back, so the
    // guarantee is cumulative: the i-th request starts no earlier than i intervals after the first slot.
    times.forEach((time, i) => {
      expect(time).toBeGreaterThanOrEqual(i * 50 - 2);
    });
  });

  it('queues concurrent callers instead of letting them burst', async () => {
    const pacer = createIntervalPacer(1200);
    const started = performance.now();
    const done = await Promise.all(
      Array.from({ length: 5 }, async () => {
        await pacer.acquire();
        return performance.now() - started;
      }),
    );
    const sorted = [...done].sort((a, b) => a - b);
    sorted.forEach((time, i) => {
      expect(time).toBeGreaterThanOrEqual(i * 50 - 2);
    });
  });

  it('does not wait when the last request is longer ago than the interval', async () => {
    const pacer = createIntervalPacer(1200);
    await pacer.acquire();
    await sleep(80);
    const started = performance.now();
    await pacer.acquire();
    expect(performance.now() - started).toBeLessThan(20);
  });

  it('rejects a wait when the signal aborts', async () => {
    const pacer = createIntervalPacer(60); // 1 s apart
    await pacer.acquire();
    const controller = new AbortController();
    const waiting = pacer.acquire(controller.signal);
    controller.abort(new Error('stop'));
    await expect(waiting).rejects.toThrow('stop');
  });

  it('refuses a non-positive rate', () => {
    expect(() => createIntervalPacer(0)).toThrow(RangeError);
  });
});
