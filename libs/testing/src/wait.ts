import { setTimeout as sleep } from 'node:timers/promises';

/** Polls `probe` until it returns something truthy (returned), or fails naming `what` after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  timeoutMs = 60_000,
  intervalMs = 25,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(intervalMs);
  }
}

/**
 * Runs `assertion` until it passes, and fails with its last error after `timeoutMs`: for a value
 * read from the page (`inputValue()`, `textContent()`, `isChecked()`…) that may still change after
 * the action before it, as Playwright's `expect(…).toPass()` does.
 *
 * ```ts
 * await eventually(async () => expect(await field.inputValue()).toBe('Conformity'));
 * ```
 */
export async function eventually(
  assertion: () => Promise<unknown>,
  timeoutMs = 15_000,
  intervalMs = 50,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await assertion();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
    await sleep(intervalMs);
  }
}
