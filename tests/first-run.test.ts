// A first visit: Today says what a day of study looks like, the review explains its four ratings,
// the app offers to install itself where the browser can (or shows Safari's steps), and says when
// it is ready offline. Each explanation goes for good with "Got it", kept with the settings.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, START, test } from './support/clock';
import { expectNoSidewaysScroll } from './support/app-pages';
import { waitForServiceWorker } from './support/service-worker';
import { readStored } from './support/stored';

async function axe(page: Page) {
	const results = await new AxeBuilder({ page }).analyze();
	return results.violations.map((v) => `${v.id}: ${v.help}`);
}

/** What the settings remember as closed, read from IndexedDB as the app stored it. */
async function dismissedTips(page: Page): Promise<unknown> {
	return (await readStored(page)).settings?.dismissedTips;
}

for (const width of [320, 390, 1280]) {
	for (const scheme of ['light', 'dark'] as const) {
		test.describe(`at ${width} px, ${scheme}`, () => {
			test.use({ viewport: { width, height: 800 }, colorScheme: scheme });

			test('Today says what a day of study looks like, until Got it', async ({ page }) => {
				await page.goto('/');
				const day = page.locator('.panel').filter({
					has: page.getByRole('heading', { name: 'A day of study' })
				});
				await expect(day.getByRole('listitem')).toHaveCount(3);
				await expect(day).toContainText('up to 20 new cards');
				expect(await axe(page)).toEqual([]);
				await expectNoSidewaysScroll(page);

				await day.getByRole('button', { name: 'Got it' }).click();
				await expect(day).toHaveCount(0);
				await expect.poll(() => dismissedTips(page)).toEqual(['day']);
				await page.reload();
				await expect(page.getByRole('link', { name: 'Start review' })).toBeVisible();
				await expect(page.getByRole('heading', { name: 'A day of study' })).toHaveCount(0);
			});

			test('the first review explains the four ratings under the buttons, until Got it', async ({
				page
			}) => {
				await page.goto('/review');
				await page.getByRole('button', { name: 'Show answer' }).click();
				const guide = page.locator('.panel').filter({
					has: page.getByRole('heading', { name: 'How to rate' })
				});
				await expect(guide).toBeVisible();
				for (const name of ['Again', 'Hard', 'Good', 'Easy']) {
					await expect(guide.getByRole('term').filter({ hasText: name })).toHaveCount(1);
				}
				await expect(guide).toContainText('m minutes, h hours, d days');
				expect(await axe(page)).toEqual([]);
				await expectNoSidewaysScroll(page);

				await guide.getByRole('button', { name: 'Got it' }).click();
				await expect(guide).toHaveCount(0);
				await page.getByRole('button', { name: 'Good', exact: true }).click();
				await page.getByRole('button', { name: 'Show answer' }).click();
				await expect(page.getByRole('button', { name: 'Good', exact: true })).toBeVisible();
				await expect(page.getByRole('heading', { name: 'How to rate' })).toHaveCount(0);
				await expect.poll(() => dismissedTips(page)).toEqual(['ratings']);
				// And from Help, whenever wanted.
				await page.keyboard.press('?');
				await expect(
					page
						.getByRole('dialog', { name: 'Help' })
						.getByRole('heading', { name: 'How rating works' })
				).toBeVisible();
			});
		});
	}
}

test('the review shows the session as "done of about total", moving with each rating', async ({
	page
}) => {
	const midday = new Date(START);
	midday.setHours(12, 0, 0, 0);
	await page.clock.setFixedTime(midday);
	await page.goto('/review');
	// 20 new cards, each twice with Good (its 1m and 10m learning steps).
	const progress = page.getByRole('progressbar', { name: '0 of about 40' });
	await expect(progress).toHaveAttribute('max', '40');
	await page.getByRole('button', { name: 'Show answer' }).click();
	await page.getByRole('button', { name: 'Good', exact: true }).click();
	await expect(page.getByRole('progressbar', { name: '1 of about 40' })).toBeVisible();
	await page.getByRole('button', { name: 'Show answer' }).click();
	// Easy graduates a new card at once: one rating fewer than the estimate counted.
	await page.getByRole('button', { name: 'Easy', exact: true }).click();
	await expect(page.getByRole('progressbar', { name: '2 of about 39' })).toHaveAttribute(
		'value',
		'2'
	);
	await page.getByRole('button', { name: 'Undo' }).click();
	await expect(page.getByRole('progressbar', { name: '1 of about 40' })).toBeVisible();
	expect(await axe(page)).toEqual([]);
});

test.describe('installing', () => {
	test('where the browser offers it, Today offers Install, once', async ({ page }) => {
		await page.goto('/');
		await expect(page.getByRole('heading', { name: 'A day of study' })).toBeVisible();
		// Chromium's event, as it comes once the site is installable and has been used a while.
		await page.evaluate(() => {
			const event = new Event('beforeinstallprompt', { cancelable: true });
			Object.assign(window, { prompted: 0 });
			Object.assign(event, {
				prompt: async () => (window as unknown as { prompted: number }).prompted++,
				userChoice: Promise.resolve({ outcome: 'accepted' })
			});
			window.dispatchEvent(event);
			Object.assign(window, { defaultPrevented: event.defaultPrevented });
		});
		// Chromium's own banner is held back: Today makes the offer instead.
		expect(
			await page.evaluate(
				() => (window as unknown as { defaultPrevented: boolean }).defaultPrevented
			)
		).toBe(true);
		const offer = page.locator('.panel').filter({
			has: page.getByRole('heading', { name: 'Install Kizuna' })
		});
		await expect(offer).toBeVisible();
		expect(await axe(page)).toEqual([]);
		await offer.getByRole('button', { name: 'Install' }).click();
		await expect(offer).toHaveCount(0);
		expect(await page.evaluate(() => (window as unknown as { prompted: number }).prompted)).toBe(1);
		await expect.poll(() => dismissedTips(page)).toEqual(['install']);
	});

	test.describe('on an iPhone', () => {
		test.use({
			viewport: { width: 390, height: 844 },
			isMobile: true,
			hasTouch: true,
			userAgent:
				'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1'
		});

		test("Today shows Safari's Add to Home Screen steps, until No thanks", async ({ page }) => {
			await page.goto('/');
			const offer = page.locator('.panel').filter({
				has: page.getByRole('heading', { name: 'Install Kizuna' })
			});
			await expect(offer).toContainText('Share');
			await expect(offer).toContainText('Add to Home Screen');
			await expect(offer.getByRole('button', { name: 'Install' })).toHaveCount(0);
			expect(await axe(page)).toEqual([]);
			await expectNoSidewaysScroll(page);
			await offer.getByRole('button', { name: 'No thanks' }).tap();
			await expect(offer).toHaveCount(0);
			await page.reload();
			await expect(page.getByRole('link', { name: 'Start review' })).toBeVisible();
			await expect(page.getByRole('heading', { name: 'Install Kizuna' })).toHaveCount(0);
		});

		test('once installed (opened from the home screen), no steps', async ({ page }) => {
			await page.addInitScript(() =>
				Object.defineProperty(navigator, 'standalone', { value: true })
			);
			await page.goto('/');
			await expect(page.getByRole('link', { name: 'Start review' })).toBeVisible();
			await page.waitForTimeout(300);
			await expect(page.getByRole('heading', { name: 'Install Kizuna' })).toHaveCount(0);
		});
	});
});

test('the header says Ready offline once the app is cached, on the first visit only', async ({
	page
}) => {
	await page.goto('/stats');
	const note = page.getByRole('banner').getByRole('status');
	await waitForServiceWorker(page);
	await expect(note).toHaveText('Ready offline');
	expect(await axe(page)).toEqual([]);
	await page.reload();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Stats');
	await page.waitForTimeout(300);
	await expect(note).toHaveText('');
});
