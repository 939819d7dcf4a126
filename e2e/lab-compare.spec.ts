// The bottleneck lab and the compare view, mounted by e2e/harness/lab-compare.html: the numbers a
// person reads, what bad input does, and that the scatter plot picks configuration B.
import { expect, test, type Page } from '@playwright/test';
import { collectConsoleErrors } from './console-errors';

const lab = (page: Page) => page.getByRole('region', { name: 'Bottleneck lab' });
const compare = (page: Page) => page.getByRole('region', { name: 'Compare' });
/** One of the lab's inputs; exact, since "Width" is also part of "Bottleneck width". */
const field = (page: Page, label: string) => lab(page).getByLabel(label, { exact: true });
const card = (page: Page, title: string) => lab(page).getByRole('article', { name: title });
const totals = (page: Page) => compare(page).getByRole('table', { name: 'Totals' });
const totalRow = (page: Page, label: string) =>
  totals(page).getByRole('row').filter({ has: page.getByRole('rowheader', { name: label, exact: true }) });

let consoleErrors: string[];

test.beforeEach(async ({ page }) => {
  consoleErrors = collectConsoleErrors(page);
  await page.goto('/e2e/harness/lab-compare.html');
});

test.afterEach(() => {
  expect(consoleErrors).toEqual([]);
});

test.describe('bottleneck lab', () => {
  test('shows the worked example: 320,000 / 28,800 / 17,800 weights and their MACs', async ({ page }) => {
    await expect(field(page, 'Height')).toHaveValue('30');
    await expect(field(page, 'Bottleneck width')).toHaveValue('16');
    const expected = [
      ['Direct conv', '320,000', '288,000,000', '5×5×200×64 = 320,000'],
      ['1x1 bottleneck', '28,800', '25,920,000', '1×1×200×16 + 5×5×16×64 = 28,800'],
      ['Depthwise-separable', '17,800', '16,020,000', '5×5×200 + 1×1×200×64 = 17,800'],
    ];
    for (const [title, weights, macs, formula] of expected) {
      await expect(card(page, title)).toContainText(weights);
      await expect(card(page, title)).toContainText(`${macs} MACs`);
      await expect(card(page, title)).toContainText(formula);
    }
    await expect(card(page, 'Direct conv')).toContainText('320,000 × 30×30 = 288,000,000');
    await expect(card(page, '1x1 bottleneck')).toContainText('11.1× fewer weights');
    await expect(card(page, 'Depthwise-separable')).toContainText('18.0× fewer weights');
    await expect(lab(page)).toContainText('inception_3a');
  });

  test('prints FLOPs, twice the MACs, when the unit is FLOPs', async ({ page }) => {
    await page.getByLabel('Unit').selectOption('flops');
    await expect(card(page, 'Direct conv')).toContainText('576,000,000 FLOPs');
    await expect(card(page, 'Direct conv')).toContainText('2 × 320,000 × 30×30 = 576,000,000');
    await expect(card(page, '1x1 bottleneck')).toContainText('11.1× fewer FLOPs');
  });

  test('a kernel larger than the input is named, no NaN appears, the last result stays', async ({ page }) => {
    await field(page, 'Height').fill('4');
    await field(page, 'Width').fill('4');
    await field(page, 'Kernel').fill('7');
    const alert = lab(page).getByRole('alert');
    await expect(alert).toContainText('Kernel (7) must not be larger than the input (4×4).');
    await expect(field(page, 'Kernel')).toHaveAttribute('aria-invalid', 'true');
    await expect(card(page, 'Direct conv')).toContainText('320,000');
    await expect(lab(page)).not.toContainText('NaN');

    await field(page, 'Height').fill('');
    await expect(alert).toContainText('Height must be a whole number from 1 to 1024, it is empty.');
    await expect(lab(page)).not.toContainText('NaN');

    await field(page, 'Height').fill('30');
    await field(page, 'Width').fill('30');
    await field(page, 'Kernel').fill('3');
    await expect(lab(page).getByRole('alert')).toHaveCount(0);
    await expect(card(page, 'Direct conv')).toContainText('3×3×200×64 = 115,200');
  });

  test('typing past a limit digit by digit says which limit, and that the numbers are the last valid ones', async ({ page }) => {
    await field(page, 'Height').fill('');
    await field(page, 'Height').pressSequentially('9999');
    await expect(field(page, 'Height')).toHaveValue('9999');
    const alert = lab(page).getByRole('alert');
    await expect(alert).toContainText('Height must be a whole number from 1 to 1024, not 9999.');
    await expect(alert).toContainText('The numbers below are from the last valid input.');
    await expect(field(page, 'Height')).toHaveAttribute('aria-invalid', 'true');
    await expect(card(page, 'Direct conv')).toContainText('320,000 × 999×30');
  });

  test('an example button fills in inception_3a\'s 5x5 branch', async ({ page }) => {
    await lab(page).getByRole('button', { name: /inception_3a/ }).click();
    await expect(field(page, 'Channels')).toHaveValue('192');
    await expect(card(page, '1x1 bottleneck')).toContainText('1×1×192×16 + 5×5×16×32 = 15,872');
  });
});

test.describe('compare view', () => {
  test('compares GoogLeNet paper with torchvision: both totals, delta and ratio', async ({ page }) => {
    await expect(compare(page).getByLabel('Compare network')).toHaveValue('googlenet');
    await expect(compare(page).getByLabel('From catalog')).toHaveValue('googlenet-torchvision');
    await expect(compare(page).getByLabel('Compare bn')).toHaveValue('on');
    await expect(totalRow(page, 'Parameters')).toContainText('6,998,552');
    await expect(totalRow(page, 'Parameters')).toContainText('6,639,464');
    await expect(totalRow(page, 'Parameters')).toContainText('−359,088');
    await expect(totalRow(page, 'Parameters')).toContainText('0.949×');
    await expect(totalRow(page, 'Trainable')).toContainText('6,624,904');
    await expect(totalRow(page, 'MACs')).toContainText('1,582,671,872 MACs');
    await expect(totalRow(page, 'MACs')).toContainText('1,498,376,192 MACs');
    await expect(totalRow(page, 'MACs')).toContainText('−84,295,680 MACs');
    const conv1 = compare(page).getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'conv1', exact: true }) });
    await expect(conv1).toContainText('9,472');
    await expect(conv1).toContainText('9,664');
    await expect(conv1).toContainText('+192');
  });

  test('clicking a scatter point makes it B', async ({ page }) => {
    await compare(page).getByRole('button', { name: /^Xception Keras:/ }).click();
    await expect(compare(page).getByLabel('Compare network')).toHaveValue('xception');
    await expect(compare(page).getByLabel('From catalog')).toHaveValue('xception-keras');
    await expect(totalRow(page, 'Parameters')).toContainText('22,910,480');
    await expect(compare(page).getByRole('button', { name: /^B · Xception Keras:/ })).toHaveCount(1);
    // Different networks: each side's modules, the other side blank.
    await expect(compare(page).getByRole('rowheader', { name: 'block14', exact: true })).toHaveCount(1);
  });

  test('a scatter point is reached with the keyboard', async ({ page }) => {
    const point = compare(page).getByRole('button', { name: /^GoogLeNet naive/ });
    await point.focus();
    await page.keyboard.press('Enter');
    await expect(compare(page).getByLabel('Compare inception')).toHaveValue('naive');
    await expect(totalRow(page, 'Parameters')).toContainText('97,526,008');
  });

  test('a bad option for B is reported and the last good comparison stays', async ({ page }) => {
    await compare(page).getByLabel('Compare input').fill('0');
    await expect(compare(page).getByRole('alert')).toContainText('Cannot build configuration B');
    await expect(compare(page).getByRole('alert')).toContainText('invalid value "0" for option "input"');
    await expect(compare(page).getByLabel('Compare input')).toHaveAttribute('aria-invalid', 'true');
    await expect(totalRow(page, 'Parameters')).toContainText('6,639,464');
    await compare(page).getByLabel('Compare input').fill('112');
    await expect(compare(page).getByRole('alert')).toHaveCount(0);
    await expect(compare(page).getByLabel('From catalog')).toHaveValue('');
    await expect(totalRow(page, 'MACs')).toContainText('MACs');
  });

  test('the catalog and the unit change what is compared', async ({ page }) => {
    await compare(page).getByLabel('From catalog').selectOption('googlenet-torchvision-aux');
    await expect(compare(page).getByRole('rowheader', { name: 'aux1', exact: true })).toHaveCount(1);
    await page.getByLabel('Unit').selectOption('flops');
    await expect(totalRow(page, 'FLOPs')).toContainText('3,165,343,744 FLOPs');
    await compare(page).getByRole('radio', { name: 'FLOPs' }).check();
    await expect(compare(page).getByRole('img', { name: 'FLOPs per module, A and B' })).toBeVisible();
  });

  test('swap makes B the explored configuration', async ({ page }) => {
    await compare(page).getByRole('button', { name: 'Swap A and B' }).click();
    await expect(page.getByTestId('config-a')).toContainText('"bn":"on"');
    await expect(compare(page).getByLabel('From catalog')).toHaveValue('googlenet-paper');
    await expect(totalRow(page, 'Parameters')).toContainText('+359,088');
  });
});
