// The first page: totals and the module table follow the network and its options, and bad
// options are reported without losing the last good numbers.
import { expect, test, type ConsoleMessage, type Page } from '@playwright/test';

/** The number shown for one of the totals, e.g. stat(page, 'Trainable'). */
const stat = (page: Page, label: string) =>
  page.getByRole('region', { name: 'Totals' }).locator(`dt:text-is("${label}") + dd`);

const option = (page: Page, key: string) => page.getByLabel(key, { exact: true });

let consoleErrors: string[];

test.beforeEach(async ({ page }) => {
  consoleErrors = [];
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  await page.goto('/');
});

test.afterEach(() => {
  expect(consoleErrors).toEqual([]);
});

test('shows the paper GoogLeNet totals', async ({ page }) => {
  await expect(page).toHaveTitle('Inception Explorer');
  await expect(page.getByLabel('Network')).toHaveValue('googlenet');
  await expect(stat(page, 'Parameters')).toContainText('6,998,552 params');
  await expect(stat(page, 'Trainable')).toContainText('6,998,552 params');
  await expect(stat(page, 'MACs')).toContainText('1,582,671,872 MACs');
  await expect(stat(page, 'FLOPs')).toContainText('3,165,343,744 FLOPs');
});

test('bn=on and branch5x5=3x3 give torchvision\'s trainable count, and name its preset', async ({ page }) => {
  await option(page, 'bn').selectOption('on');
  await expect(page.getByLabel('Preset')).toHaveValue('');
  await option(page, 'branch5x5').selectOption('3x3');
  await expect(stat(page, 'Trainable')).toContainText('6,624,904 params');
  await expect(stat(page, 'MACs')).toContainText('1,498,376,192 MACs');
  await expect(page.getByLabel('Preset')).toHaveValue('torchvision');
});

test('the torchvision preset sets bn and branch5x5', async ({ page }) => {
  await page.getByLabel('Preset').selectOption('torchvision');
  await expect(option(page, 'bn')).toHaveValue('on');
  await expect(option(page, 'branch5x5')).toHaveValue('3x3');
  await expect(stat(page, 'Trainable')).toContainText('6,624,904 params');
});

test('an inception module expands to its four branches', async ({ page }) => {
  const table = page.getByRole('table');
  await expect(table.getByRole('row')).toHaveCount(1 + 17);
  const module = table.getByRole('button', { name: 'inception_3a' });
  await expect(module).toHaveAttribute('aria-expanded', 'false');
  await module.click();
  await expect(module).toHaveAttribute('aria-expanded', 'true');
  for (const branch of ['1x1', '3x3', '5x5', 'pool']) {
    await expect(table.getByRole('rowheader', { name: branch, exact: true })).toHaveCount(1);
  }
  const fiveByFive = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: '5x5', exact: true }) });
  // 1x1 reduce 192→16 and 5x5 16→32, with biases, on 28×28.
  await expect(fiveByFive).toContainText('28×28×32');
  await expect(fiveByFive).toContainText('15,920'); // (192·16 + 16) + (5·5·16·32 + 32)
  await module.click();
  await expect(table.getByRole('row')).toHaveCount(1 + 17);
});

test('switching to Xception shows its Keras count and its own options', async ({ page }) => {
  await page.getByLabel('Network').selectOption('xception');
  await expect(stat(page, 'Parameters')).toContainText('22,910,480 params');
  await expect(stat(page, 'Trainable')).toContainText('22,855,952 params');
  await expect(stat(page, 'MACs')).toContainText('8,357,403,496 MACs');
  await expect(option(page, 'residual')).toHaveValue('on');
  await expect(option(page, 'input')).toHaveValue('299');
  await expect(page.getByRole('table')).toContainText('block14');
});

test('a bad input size shows an alert and keeps the last good numbers', async ({ page }) => {
  await page.getByLabel('Network').selectOption('xception');
  await expect(stat(page, 'Parameters')).toContainText('22,910,480 params');
  await expect(page.getByRole('alert')).toHaveCount(0);

  await option(page, 'input').fill('2');
  await expect(page.getByRole('alert')).toContainText('block1_conv1');
  await expect(stat(page, 'Parameters')).toContainText('22,910,480 params');
  await expect(page.getByRole('rowheader', { name: 'predictions' })).toBeVisible();
  await expect(page.getByRole('table')).toContainText('299');

  // The page keeps working: a good value clears the alert and updates the numbers.
  await option(page, 'input').fill('71');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('table')).toContainText('3×3×2048'); // block14 at 71×71 input
});

test('a bad module list is reported with the valid names', async ({ page }) => {
  await option(page, 'modules').fill('3a,9z');
  await expect(page.getByRole('alert')).toContainText('3a, 3b, 4a');
  await option(page, 'modules').fill('3a,3b');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('rowheader', { name: 'inception_4a' })).toHaveCount(0);
});
