// The explorer page as a visitor first meets it, at the sizes people use: the graph stays put
// when a module opens, can be reached at load, and works from the keyboard. Geometry is read
// from the browser's own layout (bounding boxes), after what was asked for has been drawn.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { collectConsoleErrors } from './console-errors';

const canvas = (page: Page) => page.locator('svg.graph-canvas');
const box = (page: Page, id: string) => page.locator(`[aria-label="Graph"] [data-id="${id}"]`);
const rect = async (locator: Locator) => (await locator.boundingBox())!;

/** Whether `inner` lies inside `outer`, to a pixel. */
const inside = (inner: { x: number; y: number; width: number; height: number }, outer: typeof inner) =>
  inner.x >= outer.x - 1 && inner.y >= outer.y - 1 && inner.x + inner.width <= outer.x + outer.width + 1 && inner.y + inner.height <= outer.y + outer.height + 1;

let consoleErrors: string[];

test.beforeEach(async ({ page }) => {
  consoleErrors = collectConsoleErrors(page);
  await page.emulateMedia({ reducedMotion: 'reduce' }); // no animated zoom: geometry is final at once
});

test.afterEach(() => {
  expect(consoleErrors).toEqual([]);
});

for (const [width, height] of [[1440, 900], [1024, 700]]) {
  test(`${width}×${height}: opening inception_3a keeps it where it was and shows its branches inside the graph`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await page.goto('/');
    const module = box(page, 'inception_3a').locator('.node-box');
    await module.scrollIntoViewIfNeeded(); // the click would scroll the page, not the graph
    const before = await rect(module);
    await box(page, 'inception_3a').locator('[data-toggle]').click();
    await expect(box(page, 'inception_3a/5x5')).toBeVisible();
    await expect(async () => {
      const after = await rect(module);
      const view = await rect(canvas(page));
      // Its top centre stays put (the box may shrink if the view zoomed out to fit the branches),
      // unless the opened module would not fit below it: then the least pan up that shows it all.
      expect(Math.abs(after.x + after.width / 2 - (before.x + before.width / 2))).toBeLessThanOrEqual(1);
      if (Math.abs(after.y - before.y) > 1) {
        const frame = await rect(page.locator('[data-frame="inception_3a"]'));
        expect(after.y).toBeLessThan(before.y);
        expect(Math.abs(frame.y + frame.height - (view.y + view.height - 16)), 'the frame\'s bottom just inside the graph').toBeLessThanOrEqual(2);
      }
      for (const id of ['inception_3a', 'inception_3a/1x1', 'inception_3a/3x3', 'inception_3a/5x5', 'inception_3a/pool', 'inception_3a/concat']) {
        expect(inside(await rect(box(page, id).locator('.node-box')), view), `${id} inside the graph`).toBe(true);
      }
    }).toPass();
    // And closing it again keeps it where it was too.
    const open = await rect(module);
    await box(page, 'inception_3a').locator('[data-toggle]').click();
    await expect(box(page, 'inception_3a/5x5')).toHaveCount(0);
    await expect(async () => {
      const closed = await rect(module);
      expect(Math.abs(closed.y - open.y)).toBeLessThanOrEqual(1);
    }).toPass();
  });
}

test('at load the network fits the graph\'s width; the wheel scrolls it down to inception_4e, which a click selects', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/');
  await expect(box(page, 'fc')).toHaveCount(1);
  const view = await rect(canvas(page));
  for (const id of ['conv1', 'inception_3a', 'inception_4e', 'fc']) {
    const b = await rect(box(page, id).locator('.node-box'));
    expect(b.x >= view.x && b.x + b.width <= view.x + view.width, `${id} within the graph's width`).toBe(true);
  }
  const target = box(page, 'inception_4e').locator('.node-box');
  await canvas(page).hover();
  await expect(async () => {
    if (!inside(await rect(target), await rect(canvas(page)))) await page.mouse.wheel(0, 200);
    expect(inside(await rect(target), await rect(canvas(page)))).toBe(true);
  }).toPass();
  await box(page, 'inception_4e').click();
  await expect(page.getByRole('region', { name: 'Inspector' })).toContainText('inception_4e');
});

test('keyboard: the first Tab is a skip link to the graph; arrows move a visible focus, kept on screen; one Tab stop in the graph', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/');
  await expect(box(page, 'fc')).toHaveCount(1);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to the graph' });
  await expect(skip).toBeFocused();
  expect(inside(await rect(skip), { x: 0, y: 0, width: 1440, height: 900 }), 'the focused skip link is on screen').toBe(true);
  await page.keyboard.press('Enter');
  await expect(box(page, 'conv1')).toBeFocused();
  for (let i = 0; i < 15; i++) await page.keyboard.press('ArrowDown');
  await expect(box(page, 'pool5')).toBeFocused();
  await expect(async () => {
    const focused = await rect(box(page, 'pool5').locator('.node-box'));
    expect(inside(focused, await rect(canvas(page))), 'inside the graph').toBe(true);
    expect(inside(focused, { x: 0, y: 0, width: 1440, height: 900 }), 'on screen').toBe(true);
  }).toPass();
  await expect(box(page, 'pool5').locator('.node-box')).toHaveCSS('stroke-width', '3px');
  await expect(box(page, 'pool5').locator('.node-box')).toHaveCSS('stroke', 'rgb(194, 65, 12)');
  // Roving focus: only the focused box is in the tab order, so Tab leaves the graph and Shift+Tab comes back to it.
  await expect(page.locator('[aria-label="Graph"] [data-id][tabindex="0"]')).toHaveCount(1);
  await page.keyboard.press('Tab');
  await expect(box(page, 'pool5')).not.toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(box(page, 'pool5')).toBeFocused();
});

test('Latest switch names the switch that changed, and appearing does not move the views', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/');
  await expect(box(page, 'fc')).toHaveCount(1);
  await box(page, 'inception_3a').click(); // a selected module adds a second line
  const top = (await rect(canvas(page))).y;
  await page.getByLabel('inception', { exact: true }).selectOption('naive');
  const delta = page.getByRole('status', { name: 'Latest change' });
  await expect(delta).toContainText('inception: bottleneck → naive');
  await expect(delta).toContainText('inception_3a');
  expect((await rect(canvas(page))).y).toBeCloseTo(top, 0);
  await page.getByLabel('bn', { exact: true }).selectOption('on');
  await expect(delta).toContainText('bn: off → on');
  await expect(delta).not.toContainText('inception: bottleneck → naive');
  expect((await rect(canvas(page))).y).toBeCloseTo(top, 0);
});

test('no view is wider than the page at 390, 768, 1024 and 1440 px; on a phone the switches fold above the views', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto('/');
  for (const [width, height] of [[390, 844], [768, 1024], [1024, 700], [1440, 900]]) {
    await page.setViewportSize({ width, height });
    for (const view of ['Graph', 'Table', 'Compare', 'Bottleneck lab', 'Live', 'Train', 'Classify']) {
      await page.getByRole('tab', { name: view }).click();
      await expect(page.getByRole('tabpanel').filter({ visible: true })).toHaveCount(1);
      const sideways = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(sideways, `${view} at ${width} px scrolls sideways`).toBeLessThanOrEqual(0);
    }
  }
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/');
  const fold = page.getByRole('button', { name: /^Switches: GoogLeNet/ });
  await expect(fold).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByLabel('inception', { exact: true })).toBeHidden();
  expect((await rect(page.getByRole('tablist', { name: 'Views' }))).y, 'the tabs within the first screen or so').toBeLessThan(1000);
  await fold.click();
  await page.getByLabel('inception', { exact: true }).selectOption('naive');
  await page.getByRole('button', { name: 'Hide the switches' }).click();
  await expect(page.getByRole('status', { name: 'Latest change' })).toContainText('inception: bottleneck → naive');
});

for (const [width, height] of [[1440, 900], [1024, 700]]) {
  test(`${width}×${height}: the table shows every column, Share of MACs included, with a module open`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await page.goto('/?view=table');
    const table = page.getByRole('region', { name: 'Table' });
    await table.getByRole('button', { name: 'Expand inception_3a' }).click();
    await expect(table.getByRole('button', { name: '5x5', exact: true })).toBeVisible();
    const hidden = await table.evaluate((section) => section.scrollWidth - section.clientWidth);
    expect(hidden, 'pixels of the table out of sight').toBeLessThanOrEqual(0);
    expect(inside(await rect(table.getByRole('columnheader', { name: /^Share of MACs/ })), await rect(table))).toBe(true);
  });
}

test('the Classify tab\'s buttons are styled like the rest of the page, not native', async ({ page }) => {
  await page.goto('/?view=classify');
  for (const name of ['Use webcam', 'Load ImageNet weights']) {
    const button = page.getByRole('button', { name });
    await expect(button, name).toHaveCSS('color', 'rgb(31, 78, 121)');
    await expect(button, name).toHaveCSS('border-radius', '5px');
  }
});

test('Train and Classify act on their own networks: the explorer\'s switches, totals and export step aside', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/');
  const sidebar = page.getByRole('complementary', { name: 'Configuration' });
  const totals = page.getByRole('region', { name: 'Totals' });
  await expect(sidebar).toBeVisible();
  await expect(totals).toContainText('6,998,552');
  for (const [tab, panel] of [['Train', 'Training'], ['Classify', 'Classify']]) {
    await page.getByRole('tab', { name: tab }).click();
    await expect(page.getByRole('region', { name: panel })).toBeVisible();
    await expect(sidebar, tab).toHaveCount(0);
    await expect(totals, tab).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'CSV' }), tab).toHaveCount(0);
    // The panel has the page's width to itself, less its margins.
    expect((await rect(page.getByRole('tabpanel').filter({ visible: true }))).width, tab).toBeGreaterThan(1200);
  }
  await page.getByRole('tab', { name: 'Graph' }).click();
  await expect(sidebar).toBeVisible();
  await expect(totals).toContainText('6,998,552');
});

test('a tall graph has a minimap: it outlines the part on screen, and a click there brings that part into view', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/');
  const minimap = page.locator('svg.graph-minimap');
  await expect(minimap).toBeVisible();
  const target = box(page, 'inception_4e').locator('.node-box');
  expect(inside(await rect(target), await rect(canvas(page))), 'out of view at load').toBe(false);
  const spot = await rect(minimap.locator('[data-minimap="inception_4e"]'));
  await page.mouse.click(spot.x + spot.width / 2, spot.y + spot.height / 2);
  await expect(async () => expect(inside(await rect(target), await rect(canvas(page)))).toBe(true)).toPass();
  // The outline follows: it now covers inception_4e's spot.
  const outline = await rect(minimap.locator('.graph-minimap-view'));
  expect(inside(spot, outline)).toBe(true);
  await box(page, 'inception_4e').click();
  await expect(page.getByRole('region', { name: 'Inspector' })).toContainText('inception_4e');
  // Fit shows it all, and a drawing that fits needs no minimap.
  await page.getByRole('button', { name: 'Fit' }).click();
  await expect(minimap).toHaveCount(0);
});

for (const [width, height] of [[1440, 900], [1024, 700]]) {
  test(`${width}×${height}: the Train tab's Network select shows its whole label`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await page.goto('/?view=train');
    const select = page.getByRole('region', { name: 'Training' }).getByLabel('Network', { exact: true });
    await expect(select).toBeVisible();
    // The chosen option's text, measured in the select's own font, against the room inside it.
    const { text, room } = await select.evaluate((element: HTMLSelectElement) => {
      const style = getComputedStyle(element);
      const context = document.createElement('canvas').getContext('2d')!;
      context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const label = element.selectedOptions[0].text;
      const padding = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight) + parseFloat(style.borderLeftWidth) + parseFloat(style.borderRightWidth);
      return { text: context.measureText(label).width, room: element.getBoundingClientRect().width - padding - 16 }; // 16: the arrow
    });
    expect(text, 'the label is wider than the select').toBeLessThanOrEqual(room);
  });
}
