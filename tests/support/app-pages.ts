// Steps through the app's pages that several browser tests take, as a user would.
import { expect, type Locator, type Page } from '@playwright/test';

/** The value shown on one of Today's tiles ('Due', 'New', 'Learning', 'Reviewed today', …). */
export function tile(page: Page, name: string) {
	return page
		.locator('dl.counts div')
		.filter({ has: page.getByText(name, { exact: true }) })
		.locator('dd');
}

/** Waits until each of Today's tiles named in `figures` shows its figure. */
export async function expectTiles(page: Page, figures: Record<string, string>) {
	for (const [name, figure] of Object.entries(figures))
		await expect(tile(page, name), name).toHaveText(figure);
}

/** Shows the answer and rates the current card; resolves once the next card or the end shows. */
export async function rateCard(page: Page, rating: 'Again' | 'Hard' | 'Good' | 'Easy' = 'Good') {
	await page.getByRole('button', { name: 'Show answer' }).click();
	await page.getByRole('button', { name: rating, exact: true }).click();
	await expect(
		page
			.getByRole('button', { name: 'Show answer' })
			.or(page.getByRole('heading', { name: 'Session complete' }))
	).toBeVisible();
}

/** Opens the review and rates `count` cards with `rating`, each once the card before it has gone. */
export async function reviewCards(
	page: Page,
	count: number,
	rating: 'Again' | 'Hard' | 'Good' | 'Easy' = 'Good'
) {
	await page.goto('/review');
	for (let i = 0; i < count; i += 1) await rateCard(page, rating);
}

/** A page reached through the menu, so no write is cut short by a page load. */
export async function openFromMenu(page: Page, name: 'Today' | 'Stats' | 'Settings') {
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click();
	await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
}

/** The outcome shown beside a setting on Settings ("Saved. Undo", or why it was not saved). */
export function settingNotice(page: Page, control: Locator) {
	// By its role attribute: an empty notice is hidden, and role queries skip hidden elements.
	return page.locator('.setting').filter({ has: control }).locator('[role="status"]');
}

/**
 * On Settings: types `value` into the number field `label` and leaves the field, as a person
 * does; resolves once the change is saved (there is no Save button).
 */
export async function setNumberSetting(page: Page, label: string, value: number | string) {
	const field = page.getByLabel(label, { exact: true });
	await expect(field).toBeEnabled();
	await field.fill(String(value));
	await field.blur();
	await expect(settingNotice(page, field)).toHaveText(/^Saved\./);
}

/** On Settings: ticks or clears a checkbox setting; resolves once the change is saved. */
export async function setCheckboxSetting(page: Page, label: string, checked: boolean) {
	const box = page.getByRole('checkbox', { name: label });
	await expect(box).toBeEnabled();
	await box.setChecked(checked);
	await expect(settingNotice(page, box)).toHaveText(/^Saved\./);
}

/** The page is no wider than the window: nothing to scroll sideways (a phone's 320 px included). */
export async function expectNoSidewaysScroll(page: Page) {
	const { scrollWidth, clientWidth } = await page.evaluate(() => ({
		scrollWidth: document.documentElement.scrollWidth,
		clientWidth: document.documentElement.clientWidth
	}));
	expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
}

/** The quiz's question on screen ("Question 2 of 5"). */
export function questionRegion(page: Page) {
	return page.getByRole('region', { name: /^Question \d+ of \d+$/ });
}

/** How many questions the quiz on screen asks, read from its question's name. */
export async function questionTotal(page: Page): Promise<number> {
	const label = await questionRegion(page).getAttribute('aria-label');
	return Number(/of (\d+)$/.exec(label ?? '')?.[1]);
}
