// axe-core over every view of the page, as a keyboard or screen-reader user meets it: no serious
// or critical violation of WCAG 2.1 A/AA. Each violation is reported with the elements it hits.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

const VIEWS = ['Graph', 'Table', 'Compare', 'Bottleneck lab', 'Live', 'Train', 'Classify'];

test('no serious accessibility violation in any view, at 1440 and 390 px', async ({ page }) => {
  test.setTimeout(240_000);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  for (const [width, height] of [[1440, 900], [390, 844]]) {
    await page.setViewportSize({ width, height });
    await page.goto('/');
    for (const view of VIEWS) {
      await page.getByRole('tab', { name: view }).click();
      await expect(page.getByRole('tabpanel').filter({ visible: true })).toHaveCount(1);
      const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      const serious = violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')}`);
      expect(serious, `${view} at ${width} px`).toEqual([]);
    }
  }
});
