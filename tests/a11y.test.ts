import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { routes } from './support/routes';

// Each theme both as the system chooses it and as Settings forces it (data-theme on <html>) over
// the opposite system preference, so every pair of colours is checked in both themes.
const themes = [
	{ name: 'light (system)', system: 'light', override: undefined },
	{ name: 'dark (system)', system: 'dark', override: undefined },
	{ name: 'light (Settings, over a dark system)', system: 'dark', override: 'light' },
	{ name: 'dark (Settings, over a light system)', system: 'light', override: 'dark' }
] as const;

async function applyTheme(page: Page, theme: (typeof themes)[number]) {
	await page.emulateMedia({ colorScheme: theme.system });
	if (theme.override) {
		await page.evaluate(
			(value) => (document.documentElement.dataset.theme = value),
			theme.override
		);
	}
}

for (const theme of themes) {
	for (const route of routes) {
		test(`${route.path} has no axe violations in ${theme.name}`, async ({ page }) => {
			await page.goto(route.path);
			await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
			// Once loaded, the page has applied the stored theme and will not undo the one set here.
			await expect(page.locator('main')).not.toContainText('Loading');
			await applyTheme(page, theme);
			const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
			// The theme really applied: a light background is bright, a dark one is not.
			const [r = 0] = background.match(/\d+/g)?.map(Number) ?? [];
			expect(r > 128).toBe(theme.override ? theme.override === 'light' : theme.system === 'light');

			const results = await new AxeBuilder({ page }).analyze();
			expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
		});
	}
}
