import { expect, type APIRequestContext } from '@playwright/test';

/**
 * The dev server bundles a worker's dependencies (tfjs) when the worker first asks for them and
 * then reloads every open page. Asking first, with no page open, keeps the tests' pages still.
 */
export async function warmWorkerDependencies(request: APIRequestContext, worker: string): Promise<void> {
  const seen = new Set<string>();
  const queue = [worker];
  while (queue.length > 0) {
    const url = queue.shift()!;
    if (seen.has(url)) continue;
    seen.add(url);
    const response = await request.get(url, { timeout: 120_000 });
    expect(response.ok(), url).toBe(true);
    if (!url.startsWith('/src/')) continue;
    for (const [, imported] of (await response.text()).matchAll(/(?:from|import)\s*["'](\/(?:src|node_modules)\/[^"']+)["']/g)) {
      queue.push(imported);
    }
  }
}
