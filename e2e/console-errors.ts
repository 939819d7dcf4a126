// Every spec asserts that the page logged no error: the collection is shared here.
import type { Page } from '@playwright/test';

/** Starts collecting console errors and uncaught page errors; the returned array fills as they come. */
export function collectConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}
