import { describe, expect, it } from 'vitest';
import { createSemaphore, mapBounded } from './semaphore';

const tick = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('createSemaphore', () => {
  it('never runs more than the limit, even when new callers arrive as slots free up', async () => {
    const s = createSemaphore(3);
    let running = 0;
    let max = 0;
    const task = async (ms: number): Promise<number> => {
      running++;
      max = Math.max(max, running);
      await tick(ms);
      running--;
      return ms;
    };
    const first = Array.from({ length: 10 }, (_, i) => s.run(() => task(1 + (i % 3))));
    // Late arrivals race with the hand-over of freed slots.
    await tick(2);
    const late = Array.from({ length: 10 }, () => s.run(() => task(1)));
    await Promise.all([...first, ...late]);
    expect(max).toBe(3);
    expect(s.active).toBe(0);
  });

  it('releases the slot when a task throws', async () => {
    const s = createSemaphore(1);
    await expect(s.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(s.run(() => Promise.resolve(7))).resolves.toBe(7);
  });
});

describe('mapBounded', () => {
  it('keeps input order whatever the completion order', async () => {
    const out = await mapBounded([30, 1, 20, 2], 2, async (ms, i) => {
      await tick(ms);
      return i;
    });
    expect(out).toEqual([0, 1, 2, 3]);
  });
});
