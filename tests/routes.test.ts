import { expect, test } from './support/clock';
import { routes } from './support/routes';

for (const route of routes) {
	test(`${route.path} renders its heading without console errors`, async ({ page }) => {
		const errors: string[] = [];
		page.on('console', (message) => {
			if (message.type() === 'error') errors.push(message.text());
		});
		page.on('pageerror', (error) => errors.push(error.message));
		await page.goto(route.path);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
		expect(errors).toEqual([]);
	});
}

test('the navigation reaches every page by its link name', async ({ page }) => {
	await page.goto('/');
	const nav = page.getByRole('navigation', { name: 'Main' });
	for (const route of routes) {
		await nav.getByRole('link', { name: route.link, exact: true }).click();
		await expect(page).toHaveURL(route.path);
		await expect(nav.getByRole('link', { name: route.link, exact: true })).toHaveAttribute(
			'aria-current',
			'page'
		);
	}
});

test('an unknown address shows a page with the navigation and a way back to Today', async ({
	page
}) => {
	const response = await page.goto('/no-such-page');
	expect(response?.status()).toBe(404);
	await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
	await expect(page.getByText('/no-such-page')).toBeVisible();
	await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
	await page.getByRole('link', { name: 'Go to Today' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
});
