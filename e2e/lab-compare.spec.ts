// The two labs and the compare view, mounted by e2e/harness/lab-compare.html: the numbers a person
// reads, what bad input does, the keyboard and a phone's width, and that the scatter plot picks
// configuration B.
import { expect, test, type Page } from '@playwright/test';
import { collectConsoleErrors } from './console-errors';

const lab = (page: Page) => page.getByRole('region', { name: 'Bottleneck lab' });
const compare = (page: Page) => page.getByRole('region', { name: 'Compare' });
/** One of the lab's inputs; exact, since "Width" is also part of "Bottleneck width". */
const field = (page: Page, label: string) => lab(page).getByLabel(label, { exact: true });
const card = (page: Page, title: string) => lab(page).getByRole('article', { name: title });
const factor = (page: Page) => page.getByRole('region', { name: 'Factorization lab' });
const factorField = (page: Page, label: string) => factor(page).getByLabel(label, { exact: true });
/** Exact, since "Two 3x3 convs" is also part of "Two 3x3 convs at 256". */
const factorCard = (page: Page, title: string) => factor(page).getByRole('article', { name: title, exact: true });
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

test.describe('factorization lab', () => {
  test('shows 49·C² against 27·C² and 25·C² against 18·C² at C = 256, and again for a C typed in', async ({ page }) => {
    await expect(factorField(page, 'Channels')).toHaveValue('256');
    // 256² = 65,536: 49 × 65,536 = 3,211,264 and 27 × 65,536 = 1,769,472; 25× and 18× below.
    const sevens = [
      ['One 7x7 conv', '7·7·C² = 49·C²', '7×7×256×256 = 3,211,264', '7×7'],
      ['Three 3x3 convs', '3 × 3·3·C² = 27·C²', '3×3×256×256 + 3×3×256×256 + 3×3×256×256 = 1,769,472', '7×7'],
      ['One 5x5 conv', '5·5·C² = 25·C²', '5×5×256×256 = 1,638,400', '5×5'],
      ['Two 3x3 convs', '2 × 3·3·C² = 18·C²', '3×3×256×256 + 3×3×256×256 = 1,179,648', '5×5'],
    ];
    for (const [title, symbolic, formula, field] of sevens) {
      await expect(factorCard(page, title)).toContainText(symbolic);
      await expect(factorCard(page, title)).toContainText(formula);
      await expect(factorCard(page, title)).toContainText(`Receptive field${field}`);
    }
    await expect(factorCard(page, 'One 7x7 conv')).toContainText('10,070,523,904 MACs');
    await expect(factorCard(page, 'Three 3x3 convs')).toContainText('1,769,472 × 56×56 = 5,549,064,192');
    await expect(factorCard(page, 'Three 3x3 convs')).toContainText('with the same 7×7 receptive field and 2 more ReLUs');
    await expect(factorCard(page, 'Three 3x3 convs')).toContainText('3 ReLUs');

    await factorField(page, 'Channels').fill('64');
    // 64² = 4,096: 49× = 200,704, 27× = 110,592, 25× = 102,400, 18× = 73,728.
    await expect(factorCard(page, 'One 7x7 conv')).toContainText('7×7×64×64 = 200,704');
    await expect(factorCard(page, 'Three 3x3 convs')).toContainText('= 110,592');
    await expect(factorCard(page, 'One 5x5 conv')).toContainText('5×5×64×64 = 102,400');
    await expect(factorCard(page, 'Two 3x3 convs')).toContainText('= 73,728');
  });

  test('shows the bottleneck block at 69,632 weights against 1,179,648, with the receptive fields', async ({ page }) => {
    const block = factorCard(page, 'Bottleneck block 256 → 64 → 256');
    await expect(block).toContainText('1×1×256×64 + 3×3×64×64 + 1×1×64×256 = 69,632');
    await expect(block).toContainText('C·b + 3·3·b² + b·C = 2·C·b + 9·b²');
    await expect(block).toContainText('69,632 × 56×56 = 218,365,952');
    await expect(block).toContainText('Receptive field3×3');
    await expect(block).toContainText('16.9× fewer weights');
    await expect(block).toContainText('a 3×3 receptive field instead of 5×5 and 1 more ReLU');
    const wide = factorCard(page, 'Two 3x3 convs at 256');
    await expect(wide).toContainText('3×3×256×256 + 3×3×256×256 = 1,179,648');
    await expect(wide).toContainText('Receptive field5×5');
    await expect(factorCard(page, 'Two 3x3 convs at 64')).toContainText('= 73,728');
    await expect(factorCard(page, 'Two 3x3 convs at 64')).toContainText(
      'the bottleneck block has 5.6% fewer weights than it, and 256 channels at its ends instead of 64',
    );
    await expect(factor(page)).toContainText('69,632 weights for the bottleneck block, 1,179,648 for two 3x3 convs at 256 channels');
  });

  test('biases switch on from the keyboard: params grow, MACs do not', async ({ page }) => {
    await factorField(page, 'Bottleneck width').focus();
    await page.keyboard.press('Tab');
    const biases = factor(page).getByLabel(/^Biases/);
    await expect(biases).toBeFocused();
    await page.keyboard.press('Space');
    await expect(biases).toBeChecked();
    const block = factorCard(page, 'Bottleneck block 256 → 64 → 256');
    // 69,632 + 64 + 64 + 256 = 70,016.
    await expect(block).toContainText('Params (weights + biases)');
    await expect(block).toContainText('1×1×256×64 + 64 + 3×3×64×64 + 64 + 1×1×64×256 + 256 = 70,016');
    await expect(block).toContainText('218,365,952 MACs');
    await expect(factorCard(page, 'One 7x7 conv')).toContainText('7×7×256×256 + 256 = 3,211,520');

    // Typing a size from the keyboard: Tab from Height past Width to Channels.
    await factorField(page, 'Height').focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(factorField(page, 'Channels')).toBeFocused();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('128');
    // 49 × 128² + 128 = 802,944.
    await expect(factorCard(page, 'One 7x7 conv')).toContainText('7×7×128×128 + 128 = 802,944');
  });

  test('an empty or too large field is named, no NaN appears, the last result stays', async ({ page }) => {
    await factorField(page, 'Channels').fill('');
    const alert = factor(page).getByRole('alert');
    await expect(alert).toContainText('Cannot compute these convs.');
    await expect(alert).toContainText('Channels must be a whole number from 1 to 4096, it is empty.');
    await expect(alert).toContainText('The numbers below are from the last valid input.');
    await expect(factorField(page, 'Channels')).toHaveAttribute('aria-invalid', 'true');
    await expect(factorCard(page, 'Three 3x3 convs')).toContainText('1,769,472');
    await expect(factor(page)).not.toContainText('NaN');

    await factorField(page, 'Width').fill('5000');
    await expect(alert).toContainText('Width must be a whole number from 1 to 1024, not 5000.');
    await factorField(page, 'Width').fill('56');
    await factorField(page, 'Channels').fill('32');
    await expect(factor(page).getByRole('alert')).toHaveCount(0);
    await expect(factor(page)).toContainText('A bottleneck of 64 is not narrower than the 32 channels, so the block cannot save anything.');
    // The bottleneck lab beside it is untouched.
    await expect(card(page, 'Direct conv')).toContainText('320,000');
  });

  test('FLOPs are twice the MACs; an example fills in the sizes', async ({ page }) => {
    await page.getByLabel('Unit').selectOption('flops');
    await expect(factorCard(page, 'Three 3x3 convs')).toContainText('2 × 1,769,472 × 56×56 = 11,098,128,384');
    await factor(page).getByRole('button', { name: /conv4_x/ }).click();
    await expect(factorField(page, 'Channels')).toHaveValue('1024');
    // 2 · 1,024 · 256 + 9 · 256² = 524,288 + 589,824 = 1,114,112; 18 · 1,024² = 18,874,368.
    await expect(factorCard(page, 'Bottleneck block 1024 → 256 → 1024')).toContainText('= 1,114,112');
    await expect(factorCard(page, 'Two 3x3 convs at 1024')).toContainText('= 18,874,368');
  });

  test('at a phone width (390 px) nothing scrolls sideways and every card fits', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(factorCard(page, 'Bottleneck block 256 → 64 → 256')).toContainText('69,632');
    await factor(page).getByLabel(/^Biases/).check();
    const sideways = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(sideways, 'pixels the page scrolls sideways').toBeLessThanOrEqual(0);
    for (const article of await factor(page).getByRole('article').all()) {
      const box = await article.boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= 390, 'a card within the screen').toBe(true);
    }
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
