// Getting around: every page one tap away from any other, in a navigation that fits a 320-px
// phone, stays in view while a long page scrolls, hides nothing of the page under it, and is
// axe-clean in both themes.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from './support/clock';
import { routes } from './support/routes';

const widths = [320, 390, 1280] as const;
const schemes = ['light', 'dark'] as const;

const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

/** The boxes of the navigation's links, as laid out now. */
async function linkBoxes(page: Page) {
	return nav(page)
		.getByRole('link')
		.evaluateAll((links) =>
			links.map((link) => {
				const box = link.getBoundingClientRect();
				return {
					name: link.textContent?.trim(),
					top: box.top,
					bottom: box.bottom,
					left: box.left,
					right: box.right,
					width: box.width,
					height: box.height
				};
			})
		);
}

async function scrollWidth(page: Page) {
	return page.evaluate(() => document.documentElement.scrollWidth);
}

for (const width of widths) {
	for (const scheme of schemes) {
		test.describe(`at ${width} px, ${scheme}`, () => {
			test.use({
				viewport: { width, height: width < 600 ? 640 : 800 },
				colorScheme: scheme,
				...(width < 600 ? { hasTouch: true, isMobile: true } : {})
			});

			test('every page is one tap away, in a navigation that fits and stays in view', async ({
				page
			}) => {
				await page.goto('/source');
				await expect(page.getByRole('heading', { level: 1 })).toHaveText('Source');
				const boxes = await linkBoxes(page);
				expect(boxes.map((b) => b.name)).toEqual(routes.map((r) => r.link));
				for (const box of boxes) {
					expect(box.width, box.name).toBeGreaterThanOrEqual(44);
					expect(box.height, box.name).toBeGreaterThanOrEqual(44);
					expect(box.left, box.name).toBeGreaterThanOrEqual(0);
					expect(box.right, box.name).toBeLessThanOrEqual(width);
				}
				// One row, but on a 320-px phone, where eight 44-px cells cannot fit: two.
				const rows = new Set(boxes.map((b) => Math.round(b.top))).size;
				expect(rows).toBe(width === 320 ? 2 : 1);
				expect(await scrollWidth(page)).toBeLessThanOrEqual(width);

				// A long page scrolled to its end: the navigation is still in view, and the page's
				// last words are above it, not under it.
				await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
				await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(2000);
				const after = await linkBoxes(page);
				const viewport = page.viewportSize()!;
				for (const box of after) {
					expect(box.top, box.name).toBeGreaterThanOrEqual(0);
					expect(box.bottom, box.name).toBeLessThanOrEqual(viewport.height);
				}
				const navTop = await nav(page).evaluate((el) => el.getBoundingClientRect().top);
				const lastBottom = await page
					.locator('main section')
					.last()
					.evaluate((el) => el.getBoundingClientRect().bottom);
				if (width < 600) expect(lastBottom).toBeLessThanOrEqual(navTop);

				const results = await new AxeBuilder({ page }).analyze();
				expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
			});

			test('one tap from Today reaches Source, and its link says it is the current page', async ({
				page
			}) => {
				await page.goto('/');
				await expect(nav(page).getByRole('link', { name: 'Today' })).toHaveAttribute(
					'aria-current',
					'page'
				);
				await nav(page).getByRole('link', { name: 'Source' }).click();
				await expect(page).toHaveURL('/source');
				await expect(page.getByRole('heading', { level: 1 })).toHaveText('Source');
				await expect(nav(page).getByRole('link', { name: 'Source' })).toHaveAttribute(
					'aria-current',
					'page'
				);
			});
		});
	}
}

test.describe('jump links', () => {
	test.use({ viewport: { width: 1280, height: 800 } });

	test("Browse's jump to a framework shows its questions below the sticky search", async ({
		page
	}) => {
		await page.goto('/browse');
		const jumps = page.getByRole('navigation', { name: 'Frameworks on this page' });
		await jumps.getByRole('link', { name: 'ADMM-Plus' }).click();
		const heading = page.getByRole('heading', { name: 'ASEAN Defense Ministerial Meeting-Plus' });
		await expect(heading).toBeFocused();
		await expect(heading).toBeInViewport();
		// Not under the sticky search box and the header.
		const headingTop = await heading.evaluate((el) => el.getBoundingClientRect().top);
		const searchBottom = await page
			.locator('.search')
			.evaluate((el) => el.getBoundingClientRect().bottom);
		expect(headingTop).toBeGreaterThanOrEqual(searchBottom);
		expect(await scrollWidth(page)).toBeLessThanOrEqual(1280);
	});

	test("Compare's header row stays in view mid-table, below the page's header", async ({
		page
	}) => {
		await page.goto('/compare');
		await page
			.getByRole('navigation', { name: 'Sections of the table' })
			.getByRole('link', { name: 'Topics, areas and working groups' })
			.click();
		await expect(page).toHaveURL(/#section-concepts$/);
		await page.mouse.wheel(0, 600);
		const header = page.getByRole('columnheader', { name: 'EAS' });
		await expect(header).toBeInViewport();
		const headerBox = await header.boundingBox();
		const pageHeaderBottom = await page
			.locator('body > div > header')
			.evaluate((el) => el.getBoundingClientRect().bottom);
		expect(headerBox!.y).toBeGreaterThanOrEqual(pageHeaderBottom - 1);
		// A topic row's name is beside its cells, wherever the row is.
		const row = page.getByRole('row', { name: /^maritime security/ });
		await expect(row.getByRole('rowheader')).toHaveCSS('position', 'sticky');
		expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
	});

	test("Source's jump to a section scrolls to it", async ({ page }) => {
		await page.goto('/source');
		const jumps = page.getByRole('navigation', { name: 'Sections of the source' });
		const last = jumps.getByRole('link').last();
		await expect(last).toHaveText('Untitled last paragraph');
		await last.click();
		await expect(page.getByRole('heading', { name: /^Untitled last paragraph/ })).toBeInViewport();
		expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(1000);
	});
});
