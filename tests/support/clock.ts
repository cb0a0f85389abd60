// Every browser test starts at the same moment, whatever the day it runs: Monday 2 March 2026,
// 10:00 on the machine's clock (the browser shares its time zone). Only the date is set: time then
// flows as usual and timers stay the browser's own (faking them all, as `clock.install` does,
// slows a long page's axe run past a minute); a test that moves time installs the fake timers
// itself (`context.clock.install()`).
import {
	test as base,
	type Browser,
	type BrowserContext,
	type BrowserContextOptions
} from '@playwright/test';

export * from '@playwright/test';

export const START = new Date(2026, 2, 2, 10, 0);

export async function fixClock(context: BrowserContext): Promise<void> {
	await context.clock.setSystemTime(START);
}

/** A browser context of the test's own, on the fixed clock. */
export async function newContext(
	browser: Browser,
	options?: BrowserContextOptions
): Promise<BrowserContext> {
	const context = await browser.newContext(options);
	await fixClock(context);
	return context;
}

/** Playwright's `test`, with the fixed clock on the context of every page it gives. */
export const test = base.extend({
	context: async ({ context }, use) => {
		await fixClock(context);
		await use(context);
	}
});
