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

/** When, on the machine's clock, the running test began (set per test, below). */
let testBegan = Date.now();

/**
 * Sets the context's clock to START plus the time the test has run: the contexts of one test (two
 * devices that sync) share one timeline, as two phones' clocks do, so "the newer change wins"
 * means the same on both.
 */
export async function fixClock(context: BrowserContext): Promise<void> {
	await context.clock.setSystemTime(START.getTime() + (Date.now() - testBegan));
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

/**
 * Playwright's `test`, with the fixed clock on the context of every page it gives. The fake clock
 * stands in for `performance` too, whose resource timings are then empty: a test that reads them
 * (how a file was served) sets `fixedClock: false` and says why.
 */
export const test = base.extend<{ fixedClock: boolean; clockStart: void }>({
	fixedClock: [true, { option: true }],
	clockStart: [
		// eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a fixture asks for from this parameter, so it must be a pattern
		async ({}, use) => {
			testBegan = Date.now();
			await use();
		},
		{ auto: true }
	],
	context: async ({ context, fixedClock, clockStart }, use) => {
		void clockStart; // the test's timeline begins before its page's clock is set
		if (fixedClock) await fixClock(context);
		await use(context);
	}
});
