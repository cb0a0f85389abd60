import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from './support/clock';
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

/** A light background is bright, a dark one is not: the theme really applied. */
async function expectThemeShown(page: Page, theme: (typeof themes)[number]) {
	const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
	const [r = 0] = background.match(/\d+/g)?.map(Number) ?? [];
	expect(r > 128).toBe(theme.override ? theme.override === 'light' : theme.system === 'light');
}

for (const theme of themes) {
	for (const route of routes) {
		test(`${route.path} has no axe violations in ${theme.name}`, async ({ page }) => {
			await page.goto(route.path);
			await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
			await expect(page.locator('main')).not.toContainText('Loading');
			// The layout applies the stored theme once the settings are read, which on a page that
			// never shows "Loading" can come after the theme is set here: then it is set again, until
			// the colours checked before and after axe are both the theme's.
			let violations: string[] = [];
			await expect(async () => {
				await applyTheme(page, theme);
				await expectThemeShown(page, theme);
				const results = await new AxeBuilder({ page }).analyze();
				await expectThemeShown(page, theme);
				violations = results.violations.map((v) => `${v.id}: ${v.help}`);
			}).toPass({ timeout: 20_000 });
			expect(violations).toEqual([]);
		});
	}
}
