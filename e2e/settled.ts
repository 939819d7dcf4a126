// Conditions to wait for instead of fixed sleeps, for the checks that something did NOT happen.
import { expect, type Page } from '@playwright/test';

/**
 * Resolves once the page has painted twice and run a task after that: React has committed what
 * was rendered and run its effects, and an image that loaded has been drawn.
 */
export async function afterNextPaint(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve)))),
  );
}

/** The path of the marker requests: a test that checks the page's requests leaves these out. */
export const MARKER_PATH = '/__requests-reported';
let markers = 0;

/**
 * Resolves once every request the page made before this call has been reported to the test: the
 * page fetches a marker URL, and the browser reports a page's requests in the order it makes them.
 */
export async function requestsReported(page: Page, seen: () => readonly string[]): Promise<void> {
  const marker = `${MARKER_PATH}?${++markers}`;
  await page.evaluate((url) => fetch(url).then(() => undefined, () => undefined), marker);
  await expect.poll(() => seen().some((url) => url.includes(marker))).toBe(true);
}
