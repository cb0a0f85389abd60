// Every new state of the quiz (a typed question with its key hints, "I was right", "I don't
// know", the summary with skipped and missed answers, a quiz in progress) at 320, 390 and
// 1280 px in both themes: nothing scrolls sideways, and (at 390 and 1280) axe finds nothing. At 390×844 the quiz's
// main button of each step is on screen without scrolling, and on a touch-only phone the key
// hints give way.
import AxeBuilder from '@axe-core/playwright';
import { expect, newContext, test, type Page } from './support/clock';
import { questionRegion as region, questionTotal } from './support/app-pages';
import { keptQuiz } from './support/stored';

async function expectClean(page: Page, state: string) {
	const width = await page.evaluate(() => ({
		scroll: document.documentElement.scrollWidth,
		client: document.documentElement.clientWidth
	}));
	expect(width.scroll, `${state}: sideways scroll`).toBeLessThanOrEqual(width.client);
	// What axe checks does not change between phone widths: 390 px stands for 320 too.
	if (width.client < 390) return;
	const results = await new AxeBuilder({ page }).analyze();
	expect(
		results.violations.map((v) => `${v.id}: ${v.help}`),
		state
	).toEqual([]);
}

/** Whether `button` is on screen and not covered, so a tap reaches it without scrolling. */
async function expectInSight(page: Page, name: string | RegExp) {
	const button = page.getByRole('button', { name, exact: typeof name === 'string' });
	await expect(button).toBeVisible();
	const box = await button.boundingBox();
	const viewport = page.viewportSize();
	if (!box || !viewport) throw new Error('no box');
	expect(box.y, `${name} top`).toBeGreaterThanOrEqual(0);
	expect(box.y + box.height, `${name} bottom`).toBeLessThanOrEqual(viewport.height);
	const hit = await page.evaluate(
		([x, y]) => document.elementFromPoint(x!, y!)?.closest('button')?.textContent ?? null,
		[box.x + box.width / 2, box.y + box.height / 2]
	);
	expect(hit, `${name} is not covered`).toContain(typeof name === 'string' ? name : '');
}

for (const width of [320, 390, 1280]) {
	for (const theme of ['light', 'dark'] as const) {
		test(`the quiz's new states at ${width} px, ${theme}: axe-clean, no sideways scroll`, async ({
			page
		}) => {
			// Six states, each checked by axe.
			test.setTimeout(120_000);
			await page.setViewportSize({ width, height: 800 });
			await page.emulateMedia({ colorScheme: theme });
			await page.goto('/quiz?framework=g7&n=3&kind=cloze');
			await expect(region(page).getByLabel('Your answer')).toBeFocused();
			await expectClean(page, 'typed question');

			await page.keyboard.type('zzzz');
			await page.keyboard.press('Enter');
			await expect(region(page).getByRole('button', { name: 'I was right' })).toBeVisible();
			await expectClean(page, 'refused typed answer');
			await region(page).getByRole('button', { name: 'I was right' }).click();
			await expect(region(page).getByRole('status')).toContainText('Counted as right.');
			await region(page).getByRole('button', { name: 'Next' }).click();

			await region(page)
				.getByRole('button', { name: /I don.t know/ })
				.click();
			await expect(region(page).getByRole('status')).toContainText('Here is the answer.');
			await expectClean(page, "I don't know");
			await region(page).getByRole('button', { name: 'Next' }).click();
			await region(page).getByRole('button', { name: 'Skip' }).click();
			await expect(page.getByRole('heading', { name: 'Skipped questions' })).toBeVisible();
			await expectClean(page, 'summary');

			// A quiz left mid-way, offered on the set-up, and against a link.
			await page.goto('/quiz?framework=arf&n=3&kind=single');
			await expect(region(page)).toHaveAccessibleName('Question 1 of 3');
			await expect.poll(() => keptQuiz(page)).not.toBeNull();
			await page.goto('/quiz');
			await expect(page.getByRole('region', { name: 'A quiz in progress' })).toBeVisible();
			await expectClean(page, 'quiz in progress');
			await page.goto('/quiz?framework=g7');
			await expect(page.getByRole('button', { name: 'Start the linked quiz' })).toBeVisible();
			await expectClean(page, 'link while a quiz is in progress');
		});
	}
}

test('at 390×844 Start quiz, Check and Next are on screen without scrolling', async ({ page }) => {
	await page.setViewportSize({ width: 390, height: 844 });
	await page.goto('/quiz');
	await expectInSight(page, 'Start quiz');
	// Matchings are the tallest questions.
	await page.goto('/quiz?kind=matching&n=all');
	const total = await questionTotal(page);
	expect(total).toBeGreaterThan(1);
	for (let i = 1; i <= total; i += 1) {
		await expect(region(page)).toHaveAccessibleName(`Question ${i} of ${total}`);
		// A matching takes each answer once: the n-th item gets the n-th answer.
		for (const [n, select] of (await region(page).getByRole('combobox').all()).entries())
			await select.selectOption({ index: n + 1 });
		await expectInSight(page, 'Check');
		await page.getByRole('button', { name: 'Check' }).click();
		await expect(region(page).getByRole('status')).toBeVisible();
		await expectInSight(page, 'Next');
		// The verdict is brought into view with it.
		await expect(region(page).locator('.verdict')).toBeInViewport();
		await page.getByRole('button', { name: 'Next' }).click();
	}
});

test('the quiz buttons show their keys, except on a touch-only phone', async ({ browser }) => {
	for (const touch of [false, true]) {
		const context = await newContext(
			browser,
			touch ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } : {}
		);
		const page = await context.newPage();
		await page.goto('/quiz?framework=eas&n=2&kind=single');
		const check = region(page).getByRole('button', { name: 'Check' });
		await expect(check).toHaveAttribute('aria-keyshortcuts', 'Enter');
		await expect(region(page).getByRole('button', { name: 'Skip' })).toHaveAttribute(
			'aria-keyshortcuts',
			'S'
		);
		await expect(check.locator('kbd')).toHaveText('Enter');
		if (touch) await expect(check.locator('kbd')).toBeHidden();
		else await expect(check.locator('kbd')).toBeVisible();
		await context.close();
	}
});
