// The explorer page as a visitor uses it: switches, graph, inspector, table, URL, keyboard, export.
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { DURATION_PATTERN } from '../src/ui/live/live-format';
import { collectConsoleErrors } from './console-errors';

/** The number shown for one of the totals, e.g. stat(page, 'Trainable'). */
const stat = (page: Page, label: string) =>
  page.getByRole('region', { name: 'Totals' }).locator(`dt:text-is("${label}") + dd`);
const option = (page: Page, key: string) => page.getByLabel(key, { exact: true });
const graph = (page: Page) => page.getByRole('region', { name: 'Graph' });
/** A graph node by its id: its aria-label starts with the id and a comma. */
const node = (page: Page, id: string) =>
  graph(page).getByRole('button', { name: new RegExp(`^${id.replace(/[/]/g, '\\/')},`) });
const inspector = (page: Page) => page.getByRole('region', { name: 'Inspector' });

let consoleErrors: string[];

test.beforeEach(async ({ page }) => {
  consoleErrors = collectConsoleErrors(page);
  await page.goto('/');
});

test.afterEach(() => {
  expect(consoleErrors).toEqual([]);
});

test('shows the paper GoogLeNet totals, in MACs or FLOPs', async ({ page }) => {
  await expect(page).toHaveTitle('Inception Explorer');
  await expect(stat(page, 'Parameters')).toContainText('6,998,552 params');
  await expect(stat(page, 'MACs')).toContainText('1,582,671,872 MACs');
  await page.getByLabel('Unit').selectOption('flops');
  await expect(stat(page, 'FLOPs')).toContainText('3,165,343,744 FLOPs');
  await page.getByRole('checkbox', { name: 'bias adds' }).check();
  await expect(stat(page, 'FLOPs + extras')).toContainText('FLOPs + extras');
});

test('bn=on and branch5x5=3x3 give torchvision\'s count and name its preset; the delta shows before → after', async ({ page }) => {
  await option(page, 'bn').selectOption('on');
  await expect(page.getByLabel('Preset')).toHaveValue('');
  await option(page, 'branch5x5').selectOption('3x3');
  await expect(stat(page, 'Trainable')).toContainText('6,624,904 params');
  await expect(stat(page, 'MACs')).toContainText('1,498,376,192 MACs');
  await expect(page.getByLabel('Preset')).toHaveValue('torchvision');
  const delta = page.getByRole('status', { name: 'Latest change' });
  await expect(delta).toContainText('1,582,671,872 MACs → 1,498,376,192 MACs');
});

test('clicking inception_3a in the graph shows 163,696 params and its arithmetic in the inspector', async ({ page }) => {
  await node(page, 'inception_3a').click();
  await expect(inspector(page)).toContainText('163,696 params');
  await expect(inspector(page)).toContainText('128,049,152 MACs');
  await expect(inspector(page)).toContainText('1×1×192×64 + 64 = 12,352 params');
  await expect(inspector(page)).toContainText('5x5');
});

test('switching inception to naive changes the totals and the selected module', async ({ page }) => {
  await node(page, 'inception_3a').click();
  await option(page, 'inception').selectOption('naive');
  await expect(stat(page, 'Parameters')).not.toContainText('6,998,552');
  const delta = page.getByRole('status', { name: 'Latest change' });
  await expect(delta).toContainText('6,998,552 params →');
  await expect(delta).toContainText('inception_3a');
  await expect(inspector(page)).toContainText('28×28×192 → 28×28×416');
});

test('the table view expands a module to its branches and layers', async ({ page }) => {
  await page.getByRole('tab', { name: 'Table' }).click();
  const table = page.getByRole('region', { name: 'Table' }).getByRole('table');
  await expect(table.getByRole('row')).toHaveCount(1 + 17);
  await table.getByRole('button', { name: 'Expand inception_3a' }).click();
  const fiveByFive = table.getByRole('row').filter({ has: page.getByRole('button', { name: '5x5', exact: true }) });
  await expect(fiveByFive).toContainText('28×28×32');
  await expect(fiveByFive).toContainText('15,920'); // (192·16 + 16) + (5·5·16·32 + 32)
  await table.getByRole('button', { name: '5x5', exact: true }).click();
  await expect(inspector(page)).toContainText('5×5×16×32 + 32 = 12,832 params');
});

test('xception: order and intermediate are disabled, with the reason, when conv=regular', async ({ page }) => {
  await page.getByLabel('Network').selectOption('xception');
  await expect(stat(page, 'Parameters')).toContainText('22,910,480 params');
  await expect(stat(page, 'MACs')).toContainText('8,357,403,496 MACs');
  await option(page, 'conv').selectOption('regular');
  await expect(option(page, 'intermediate')).toBeDisabled();
  await expect(page.getByText('Applies only when conv is separable.').first()).toBeVisible();
});

test('a bad input size shows an alert and keeps the last good numbers', async ({ page }) => {
  await page.getByLabel('Network').selectOption('xception');
  await option(page, 'input').fill('2');
  await expect(page.getByRole('alert')).toContainText('block1_conv1');
  await expect(stat(page, 'Parameters')).toContainText('22,910,480 params');
  await option(page, 'input').fill('71');
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('the URL holds the view: reload restores it, back and forward step through switches', async ({ page }) => {
  await option(page, 'inception').selectOption('no-reduce');
  await node(page, 'inception_3b').click();
  await page.getByLabel('Unit').selectOption('flops');
  await expect(page).toHaveURL(/inception=no-reduce/);
  await page.reload();
  await expect(option(page, 'inception')).toHaveValue('no-reduce');
  await expect(page.getByLabel('Unit')).toHaveValue('flops');
  await expect(inspector(page)).toContainText('inception_3b');
  await page.goBack(); // undo the unit switch
  await expect(page.getByLabel('Unit')).toHaveValue('macs');
  await page.goBack(); // undo the selection
  await page.goBack(); // undo the inception switch
  await expect(option(page, 'inception')).toHaveValue('bottleneck');
  await expect(stat(page, 'Parameters')).toContainText('6,998,552 params');
  await page.goForward();
  await expect(option(page, 'inception')).toHaveValue('no-reduce');
});

test('a bad link falls back to defaults with a notice and a working page', async ({ page }) => {
  await page.goto('/?net=xception&conv=dense&sel=nowhere');
  const notices = page.getByRole('status', { name: 'Notices' });
  await expect(notices).toContainText('valid values: separable, regular');
  await expect(notices).toContainText('nowhere');
  await expect(stat(page, 'Parameters')).toContainText('22,910,480 params');
  await notices.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notices).toHaveCount(0);
});

test('keyboard: arrows move between modules, Enter selects, + expands', async ({ page }) => {
  await node(page, 'conv1').focus();
  await page.keyboard.press('ArrowDown');
  await expect(node(page, 'pool1')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(inspector(page)).toContainText('pool1');
  await node(page, 'inception_3a').focus();
  await page.keyboard.press('+');
  await expect(node(page, 'inception_3a/5x5')).toBeVisible();
  await page.keyboard.press('-');
  await expect(node(page, 'inception_3a/5x5')).toHaveCount(0);
});

test('exports the per-layer table as CSV', async ({ page }) => {
  const downloading = page.waitForEvent('download');
  await page.getByRole('group', { name: 'Export' }).getByRole('button', { name: 'CSV' }).click();
  const file = await downloading;
  expect(file.suggestedFilename()).toBe('googlenet-layers.csv');
  const csv = await readFile(await file.path(), 'utf8');
  const lines = csv.trimEnd().split('\n');
  expect(lines[0]).toBe('name,module,type,output,params,trainable,macs,formula');
  expect(lines).toContain(
    'inception_3a_1x1,inception_3a/1x1,conv2d,28×28×64,12352,12352,9633792,"params: 1×1×192×64 + 64 = 12,352; MACs: 1×1×192×64 × 28×28 = 9,633,792"',
  );
});

test('the bottleneck lab shows the worked example; compare shows both configurations', async ({ page }) => {
  await page.getByRole('tab', { name: 'Bottleneck lab' }).click();
  const lab = page.getByRole('region', { name: 'Bottleneck lab' });
  for (const value of ['320,000', '28,800', '17,800', '288,000,000', '25,920,000', '16,020,000']) {
    await expect(lab).toContainText(value);
  }
  await page.getByRole('tab', { name: 'Compare' }).click();
  const compare = page.getByRole('region', { name: 'Compare' });
  await expect(compare).toContainText('6,998,552');
  await expect(compare).toContainText('no-reduce');
});

test('the Live tab runs the configured network in a worker on WASM and reports its latency', async ({ page }) => {
  await page.getByRole('tab', { name: 'Live' }).click();
  await page.getByLabel('Backend').selectOption('wasm');
  const run = page.getByRole('button', { name: 'Run inference' });
  await expect(run).toBeEnabled({ timeout: 60_000 });
  await run.click();
  const results = page.getByRole('region', { name: 'Inference' });
  await expect(results).toContainText(/wasm/i, { timeout: 60_000 });
  // Any value the formatter writes: "0.90 ms", "98.1 ms", "1,234 ms", "12.3 s".
  await expect(results).toContainText(new RegExp(`Warm median\\s*${DURATION_PATTERN}`), { timeout: 60_000 });
});

test('the bottleneck lab measures its three layers in TensorFlow.js', async ({ page }) => {
  await page.getByRole('tab', { name: 'Bottleneck lab' }).click();
  await page.getByRole('button', { name: 'Measure latency' }).click();
  const latency = page.getByRole('region', { name: 'Measured latency' });
  await expect(latency.getByRole('row')).toHaveCount(3, { timeout: 90_000 });
  await expect(latency).toContainText(new RegExp(`Direct conv\\s*${DURATION_PATTERN}`));
  // Usually faster, but on a busy machine one run can be slower: the page says which.
  await expect(latency).toContainText(new RegExp(`Depthwise-separable\\s*${DURATION_PATTERN}\\s*\\d[\\d,]*\\.\\d× (?:faster|slower) than direct`));
});

test('VGG-16 and ResNet-50: their published counts, and the inspector makes the 3x3-stack argument for a block', async ({ page }) => {
  await page.getByLabel('Network').selectOption('vgg');
  await expect(stat(page, 'Parameters')).toContainText('138,357,544 params');
  await expect(stat(page, 'MACs')).toContainText('15,470,264,320 MACs');
  await node(page, 'block3').click();
  const stack = inspector(page).getByRole('region', { name: 'Stacked 3x3 convs block3_conv1 to block3_conv3' });
  await expect(stack).toContainText('3 stacked 3x3 convs see 7×7');
  await expect(stack).toContainText('7×7×128×256 = 1,605,632 weights');
  await expect(stack).toContainText('3 × 3·3·C² = 27·C² against 7·7·C² = 49·C²');

  await page.getByLabel('Network').selectOption('resnet');
  await expect(stat(page, 'Trainable')).toContainText('25,557,032 params');
  await expect(stat(page, 'MACs')).toContainText('4,089,184,256 MACs');
  await expect(node(page, 'layer4.2')).toBeVisible();
  await expect.poll(() => new URL(page.url()).searchParams.get('net')).toBe('resnet');
});
