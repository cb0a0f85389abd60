// Steps through the app's pages that several browser tests take, as a user would.
import { expect, type Page } from '@playwright/test';

/** The value shown on one of Today's tiles ('Due', 'New', 'Learning', 'Reviewed today', …). */
export function tile(page: Page, name: string) {
	return page
		.locator('dl.counts div')
		.filter({ has: page.getByText(name, { exact: true }) })
		.locator('dd');
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

/** A page reached through the menu, so no write is cut short by a page load. */
export async function openFromMenu(page: Page, name: 'Today' | 'Settings') {
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click();
	await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
}
