// The keys nobody is told about: `?` (or Help) lists every shortcut and how rating works on every
// page, as an accessible dialog; the buttons show their keys, except on a touch screen.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from './support/clock';
import { SHORTCUTS } from '../src/lib/shortcuts';
import { routes } from './support/routes';

const dialog = (page: Page) => page.getByRole('dialog', { name: 'Help' });

async function axe(page: Page) {
	const results = await new AxeBuilder({ page }).analyze();
	return results.violations.map((v) => `${v.id}: ${v.help}`);
}

for (const route of routes) {
	test(`? on ${route.path} lists every shortcut; Escape closes it`, async ({ page }) => {
		await page.goto(route.path);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(route.heading);
		await expect(page.locator('main')).not.toContainText('Loading');
		// A key pressed before the page has hydrated reaches no handler yet: press until it opens.
		await expect(async () => {
			await page.keyboard.press('?');
			await expect(dialog(page)).toBeVisible({ timeout: 1000 });
		}).toPass();
		for (const group of SHORTCUTS) {
			const rows = dialog(page).getByRole('rowgroup').filter({ hasText: group.where });
			for (const shortcut of group.shortcuts) {
				const row = rows.getByRole('row').filter({ hasText: shortcut.does });
				await expect(row).toHaveCount(1);
				for (const key of shortcut.keys) await expect(row).toContainText(key);
			}
		}
		await expect(dialog(page).getByRole('heading', { name: 'How rating works' })).toBeVisible();
		await page.keyboard.press('Escape');
		await expect(dialog(page)).toBeHidden();
	});
}

for (const scheme of ['light', 'dark'] as const) {
	for (const width of [320, 1280]) {
		test(`the list is axe-clean and fits at ${width} px, ${scheme}`, async ({ page }) => {
			await page.setViewportSize({ width, height: 700 });
			await page.emulateMedia({ colorScheme: scheme });
			await page.goto('/review');
			await expect(page.getByRole('button', { name: 'Show answer' })).toBeVisible();
			await page.getByRole('button', { name: 'Help' }).click();
			await expect(dialog(page)).toBeVisible();
			const box = await dialog(page).boundingBox();
			expect(box!.x).toBeGreaterThanOrEqual(0);
			expect(box!.x + box!.width).toBeLessThanOrEqual(width);
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(width);
			expect(await axe(page)).toEqual([]);
		});
	}
}

test('focus goes into the list and back to where it was; the review behind takes no key', async ({
	page
}) => {
	await page.goto('/review');
	const showAnswer = page.getByRole('button', { name: 'Show answer' });
	await showAnswer.focus();
	await page.keyboard.press('Space');
	const good = page.getByRole('button', { name: 'Good', exact: true });
	await expect(good).toBeVisible();
	await good.focus();
	const front = await page.locator('#card-front').textContent();

	await page.keyboard.press('?');
	await expect(dialog(page)).toBeVisible();
	await expect(dialog(page).getByRole('button', { name: 'Close' })).toBeFocused();
	// Keys pressed in the list stay there: 3 rates nothing, U undoes nothing.
	await page.keyboard.press('3');
	await page.keyboard.press('u');
	await page.keyboard.press('Escape');
	await expect(dialog(page)).toBeHidden();
	await expect(good).toBeFocused();
	await expect(page.locator('#card-front')).toHaveText(front!);

	// The Close button too, and Help opens it again.
	await page.getByRole('button', { name: 'Help' }).click();
	await dialog(page).getByRole('button', { name: 'Close' }).click();
	await expect(dialog(page)).toBeHidden();
	await expect(page.getByRole('button', { name: 'Help' })).toBeFocused();
});

test('? typed into a field is a question mark, not the list', async ({ page }) => {
	await page.goto('/browse');
	const search = page.getByLabel('Search questions');
	await search.click();
	await page.keyboard.type('who?');
	await expect(search).toHaveValue('who?');
	// The list loads when asked for: give a wrongly opened one the time to show.
	await page.waitForTimeout(300);
	await expect(dialog(page)).toBeHidden();
});

test.describe('key hints', () => {
	test('show beside the review buttons with a keyboard and mouse', async ({ page }) => {
		await page.goto('/review');
		const showAnswer = page.getByRole('button', { name: 'Show answer' });
		await expect(showAnswer.locator('kbd')).toBeVisible();
		await expect(showAnswer.locator('kbd')).toHaveText('Space');
		await expect(showAnswer).toHaveAttribute('aria-keyshortcuts', 'Space Enter');
		await expect(page.getByRole('button', { name: 'Undo' }).locator('kbd')).toHaveText('U');
		await showAnswer.click();
		for (const [i, name] of ['Again', 'Hard', 'Good', 'Easy'].entries()) {
			const button = page.getByRole('button', { name, exact: true });
			await expect(button.locator('kbd')).toBeVisible();
			await expect(button.locator('kbd')).toHaveText(String(i + 1));
			await expect(button).toHaveAttribute('aria-keyshortcuts', String(i + 1));
		}
		await expect(page.getByRole('button', { name: 'Help' }).locator('kbd')).toHaveText('?');
	});

	test.describe('on a touch screen', () => {
		test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

		test('are hidden, and Help still explains the ratings', async ({ page }) => {
			await page.goto('/review');
			const showAnswer = page.getByRole('button', { name: 'Show answer' });
			await expect(showAnswer).toBeVisible();
			await expect(showAnswer.locator('kbd')).toBeHidden();
			await showAnswer.tap();
			await expect(
				page.getByRole('button', { name: 'Good', exact: true }).locator('kbd')
			).toBeHidden();
			await page.getByRole('button', { name: 'Help' }).tap();
			await expect(dialog(page).getByRole('heading', { name: 'How rating works' })).toBeVisible();
			await expect(dialog(page).getByText('Add to Home Screen', { exact: true })).toBeVisible();
		});
	});
});
