import type { Page } from '@playwright/test';

/** Resolves once a service worker controls the page, i.e. once the whole app is precached. */
export async function waitForServiceWorker(page: Page): Promise<void> {
	await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
		timeout: 20_000
	});
}
