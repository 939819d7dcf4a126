// The graph view, mounted alone by the dev-only harness e2e/harness/graph.html (until the app
// shows it): boxes a person can click, focus and move between with the keyboard, expand and
// collapse; nothing overlaps when everything is open; Fit shows it all; a variant redraws fast.
import { expect, test, type Page } from '@playwright/test';
import { collectConsoleErrors } from './console-errors';

const harness = (query: string) => `/e2e/harness/graph.html?${query}`;
const graph = (page: Page) => page.getByRole('region', { name: 'Graph' });
/** A box by its id: its accessible name starts with the id and a comma. */
const box = (page: Page, id: string) => graph(page).getByRole('button', { name: new RegExp(`^${id.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')},`) });

let consoleErrors: string[];

test.beforeEach(async ({ page }) => {
  consoleErrors = collectConsoleErrors(page);
  // No animated zoom: the geometry can be read as soon as the page settles.
  await page.emulateMedia({ reducedMotion: 'reduce' });
});

test.afterEach(() => {
  expect(consoleErrors).toEqual([]);
});

/** Bounding boxes of every node's box on screen, as the browser lays them out. */
const screenBoxes = (page: Page) =>
  page.locator('[data-id] > .node-box').evaluateAll((rects) =>
    rects.map((rect) => {
      const r = rect.getBoundingClientRect();
      return { id: rect.parentElement!.getAttribute('data-id')!, x: r.x, y: r.y, w: r.width, h: r.height };
    }),
  );

function overlaps(boxes: { id: string; x: number; y: number; w: number; h: number }[]): string[] {
  const found: string[] = [];
  const eps = 0.01;
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i];
      const b = boxes[j];
      if (a.x + eps < b.x + b.w && b.x + eps < a.x + a.w && a.y + eps < b.y + b.h && b.y + eps < a.y + a.h) found.push(`${a.id} × ${b.id}`);
    }
  }
  return found;
}

test('GoogLeNet: one labelled button per top-level module; a click selects it', async ({ page }) => {
  await page.goto(harness('net=googlenet'));
  for (const id of ['conv1', 'pool1', 'conv2', 'inception_3a', 'inception_5b', 'fc']) await expect(box(page, id)).toHaveCount(1);
  await expect(box(page, 'inception_3a')).toHaveAttribute('aria-label', /^inception_3a, concat module, [\d,]+ params, [\d,]+ MACs$/);
  // Roving focus: one box in the tab order (the first, until another is focused or selected).
  await expect(box(page, 'conv1')).toHaveAttribute('tabindex', '0');
  await expect(box(page, 'inception_3a')).toHaveAttribute('tabindex', '-1');
  await expect(graph(page).getByRole('button', { name: /^inception_3a\// })).toHaveCount(0);

  await box(page, 'inception_3a').click();
  await expect(page.getByTestId('selected')).toHaveText('inception_3a');
  await expect(box(page, 'inception_3a')).toHaveAttribute('aria-current', 'true');
});

test('keyboard: ArrowDown moves to the next module, + expands it, − collapses it', async ({ page }) => {
  await page.goto(harness('net=googlenet'));
  await box(page, 'inception_3a').focus();
  await page.keyboard.press('ArrowDown');
  await expect(box(page, 'inception_3b')).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(box(page, 'inception_3a')).toBeFocused();
  await page.keyboard.press('ArrowDown');

  await page.keyboard.press('+');
  await expect(box(page, 'inception_3b')).toHaveAttribute('aria-expanded', 'true');
  for (const branch of ['1x1', '3x3', '5x5', 'pool']) await expect(box(page, `inception_3b/${branch}`)).toHaveCount(1);
  await expect(box(page, 'inception_3b/concat')).toHaveCount(1);

  // Into the branches, across them, and back out.
  await page.keyboard.press('ArrowDown');
  await expect(box(page, 'inception_3b/1x1')).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(box(page, 'inception_3b/3x3')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('selected')).toHaveText('inception_3b/3x3');
  await page.keyboard.press('-'); // from inside: collapses the module and focuses it
  await expect(box(page, 'inception_3b')).toHaveAttribute('aria-expanded', 'false');
  await expect(box(page, 'inception_3b')).toBeFocused();
  await expect(box(page, 'inception_3b/3x3')).toHaveCount(0);
});

test('double-click and the +/− button toggle a module', async ({ page }) => {
  await page.goto(harness('net=xception'));
  await box(page, 'block5').dblclick();
  await expect(box(page, 'block5')).toHaveAttribute('aria-expanded', 'true');
  await expect(box(page, 'block5/add')).toHaveCount(1);
  await box(page, 'block5').locator('[data-toggle]').click();
  await expect(box(page, 'block5')).toHaveAttribute('aria-expanded', 'false');
});

for (const network of ['googlenet', 'xception']) {
  test(`${network}: Expand all shows every layer, no two boxes overlap, Fit shows it all`, async ({ page }) => {
    await page.goto(harness(`net=${network}${network === 'googlenet' ? '&aux=on' : ''}`));
    await expect(page.locator('[data-id]').first()).toBeVisible(); // React commits the whole graph at once
    const collapsed = await page.locator('[data-id]').count();
    await graph(page).getByRole('button', { name: 'Expand all' }).click();
    await expect.poll(() => page.locator('[data-id]').count()).toBeGreaterThan(3 * collapsed);
    await graph(page).getByRole('button', { name: 'Fit' }).click();

    // Geometry is read once the page has drawn what the click asked for (retried until then).
    await expect(async () => {
      expect(overlaps(await screenBoxes(page))).toEqual([]);
      const view = (await page.locator('svg.graph-canvas').boundingBox())!;
      const drawing = (await page.locator('[data-zoom-layer]').boundingBox())!;
      expect(drawing.x).toBeGreaterThanOrEqual(view.x);
      expect(drawing.y).toBeGreaterThanOrEqual(view.y);
      expect(drawing.x + drawing.width).toBeLessThanOrEqual(view.x + view.width);
      expect(drawing.y + drawing.height).toBeLessThanOrEqual(view.y + view.height);
    }).toPass();

    await graph(page).getByRole('button', { name: 'Collapse all' }).click();
    await expect(page.locator('[data-id]')).toHaveCount(collapsed);
  });
}

test('Encode switches what colour and bars show, and the legend says so', async ({ page }) => {
  await page.goto(harness('net=googlenet'));
  const legend = graph(page).getByRole('note');
  await expect(legend).toContainText('MACs');
  const fill = () => box(page, 'conv2').locator('.node-box').getAttribute('fill');
  const before = await fill();
  await graph(page).getByLabel('Encode').selectOption('params');
  await expect(legend).toContainText('params');
  await expect.poll(fill).not.toBe(before);
  await expect(page.locator('[data-detail="conv2"] .node-num')).toHaveText(/^[\d.]+K params · /);
});

test('exportSvg and exportPng give a standalone SVG and a PNG of the whole drawing', async ({ page }) => {
  await page.goto(harness('net=googlenet&expanded=all'));
  await expect(box(page, 'inception_3a')).toHaveCount(1);
  const result = await page.evaluate(async () => {
    const { exportPng, exportSvg } = window.graphExport;
    const svg = document.querySelector<SVGSVGElement>('[aria-label="Graph"] svg')!;
    const text = exportSvg(svg);
    const png = await exportPng(svg, 1);
    const image = await createImageBitmap(png);
    return { text, type: png.type, width: image.width, drawing: Number(svg.dataset.width) };
  });
  expect(result.text).toContain('xmlns="http://www.w3.org/2000/svg"');
  expect(result.text).toContain('inception_3a_5x5_reduce');
  expect(result.text).toMatch(/style="[^"]*fill:/);
  expect(result.text).not.toMatch(/data-zoom-layer="" transform=/);
  expect(result.type).toBe('image/png');
  expect(result.width).toBe(Math.ceil(result.drawing));
});
