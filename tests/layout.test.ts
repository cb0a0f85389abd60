import { expect, test } from './support/clock';
import { routes } from './support/routes';

// Phones first: the smallest common screen and a current one.
const viewports = [
	{ width: 320, height: 568 },
	{ width: 390, height: 844 }
];

for (const viewport of viewports) {
	test.describe(`at ${viewport.width}×${viewport.height}`, () => {
		test.use({ viewport, hasTouch: true, isMobile: true });

		for (const route of routes) {
			test(`${route.path} does not scroll sideways`, async ({ page }) => {
				await page.goto(route.path);
				await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
				// Measure the page as the user sees it, once its data has arrived.
				await expect(page.locator('main')).not.toContainText('Loading');
				const { scrollWidth, clientWidth } = await page.evaluate(() => ({
					scrollWidth: document.documentElement.scrollWidth,
					clientWidth: document.documentElement.clientWidth
				}));
				expect(clientWidth).toBe(viewport.width);
				expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
			});

			test(`${route.path} has touch targets of at least 44×44 px`, async ({ page }) => {
				await page.goto(route.path);
				await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
				// Measure the page as the user sees it, once its data has arrived.
				await expect(page.locator('main')).not.toContainText('Loading');
				const small = await page.evaluate(() => {
					const controls = document.querySelectorAll<HTMLElement>(
						'a[href], button, input, select, textarea, summary, [role="button"], [tabindex="0"]'
					);
					const tooSmall: string[] = [];
					for (const control of controls) {
						// Links inside running text are exempt (WCAG 2.5.8 "inline").
						if (control.matches('a') && control.closest('p, li p, td')) continue;
						if (control.getClientRects().length === 0) continue;
						// Some targets (the skip link) only appear on focus: measure them as shown.
						control.focus();
						// A checkbox or radio inside its label is operated through the whole label.
						const label = control.matches('input') ? control.closest('label') : null;
						const box = (label ?? control).getBoundingClientRect();
						if (box.width < 44 || box.height < 44) {
							tooSmall.push(`${control.outerHTML.slice(0, 80)} is ${box.width}×${box.height}`);
						}
					}
					return { count: controls.length, tooSmall };
				});
				expect(small.count).toBeGreaterThan(0);
				expect(small.tooSmall).toEqual([]);
			});
		}
	});
}

test('with reduced motion asked for, nothing animates or scrolls smoothly', async ({ page }) => {
	await page.emulateMedia({ reducedMotion: 'reduce' });
	await page.goto('/');
	await page.addStyleTag({
		content: 'h1 { transition: color 2s; animation: pulse 3s infinite; scroll-behavior: smooth; }'
	});
	const motion = await page.getByRole('heading', { level: 1 }).evaluate((h1) => {
		const style = getComputedStyle(h1);
		return {
			transitionDuration: style.transitionDuration,
			animationDuration: style.animationDuration,
			scrollBehavior: style.scrollBehavior
		};
	});
	const seconds = (value: string) => Number.parseFloat(value) * (value.endsWith('ms') ? 0.001 : 1);
	expect(seconds(motion.transitionDuration)).toBeLessThan(0.001);
	expect(seconds(motion.animationDuration)).toBeLessThan(0.001);
	expect(motion.scrollBehavior).toBe('auto');
});
