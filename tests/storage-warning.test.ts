import { expect, test } from './support/clock';
import { openFromMenu, rateCard, tile } from './support/app-pages';
import { refuseWrites, setDiskFull } from './support/disk-full';

const NOT_SAVING = /Progress is not being saved: you can keep reviewing/;

/** Ways a browser refuses IndexedDB, installed before any of the app's scripts run. */
const REFUSALS = [
	{
		// Some private modes have no IndexedDB at all.
		name: 'IndexedDB is missing',
		install: () => {
			Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
		}
	},
	{
		// Storage blocked for the site: Chromium throws from open() itself.
		name: 'opening IndexedDB throws',
		install: () => {
			IDBFactory.prototype.open = () => {
				throw new DOMException(
					"Failed to execute 'open' on 'IDBFactory': access to the Indexed Database API is denied in this context.",
					'SecurityError'
				);
			};
		}
	},
	{
		// The open request fails, as Firefox's private mode did.
		name: 'opening IndexedDB fails',
		install: () => {
			const open = IDBFactory.prototype.open;
			IDBFactory.prototype.open = function (this: IDBFactory) {
				// A request for a version lower than the database's always fails with an error event.
				const request = open.call(this, '__refused__', 2);
				request.addEventListener('upgradeneeded', () => request.transaction?.abort());
				return request;
			};
		}
	}
];

for (const refusal of REFUSALS) {
	test(`${refusal.name}: a plain warning says progress is not saved, and reviewing still works`, async ({
		page
	}) => {
		await page.addInitScript(refusal.install);
		await page.goto('/');
		const warning = page.getByRole('alert').filter({ hasText: NOT_SAVING });
		await expect(warning).toBeVisible();
		await expect(warning).toContainText('This browser does not let Kizuna store data');

		await page.getByRole('link', { name: 'Start review' }).click();
		await expect(warning).toBeVisible();
		const fronts = new Set<string>();
		for (let i = 0; i < 3; i += 1) {
			fronts.add((await page.locator('#card-front').textContent()) ?? '');
			await rateCard(page, 'Easy');
		}
		expect(fronts.size).toBe(3);

		// The session's ratings count for this tab's session, under the same warning.
		await openFromMenu(page, 'Today');
		await expect(tile(page, 'Reviewed today')).toHaveText('3');
		await expect(warning).toBeVisible();
		await openFromMenu(page, 'Settings');
		await expect(
			page.getByText('Progress is not being saved in this browser session.')
		).toBeVisible();
		// Nothing is stored, so persistent storage is neither asked for nor promised.
		await expect(page.getByTestId('persistence')).toHaveCount(0);
	});
}

test('when the disk fills up mid-review, reviewing goes on under a warning and saved progress stays', async ({
	page
}) => {
	// From the moment the test says so, every review-log write fails as on a full disk.
	await refuseWrites(page, 'log', false);
	await page.goto('/review');
	await rateCard(page, 'Easy');
	await openFromMenu(page, 'Today');
	await expect(tile(page, 'Reviewed today')).toHaveText('1');

	await setDiskFull(page, true);
	await page.getByRole('link', { name: 'Start review' }).click();
	const fronts = new Set<string>();
	for (let i = 0; i < 2; i += 1) {
		fronts.add((await page.locator('#card-front').textContent()) ?? '');
		await rateCard(page, 'Easy');
	}
	expect(fronts.size).toBe(2);
	const warning = page
		.getByRole('alert')
		.filter({ hasText: /storage for Kizuna on this device is full/ });
	await expect(warning).toContainText(NOT_SAVING);
	await openFromMenu(page, 'Today');
	await expect(tile(page, 'Reviewed today')).toHaveText('3');

	// A new page reads IndexedDB: only the rating from before the disk filled up is there.
	await setDiskFull(page, false);
	await page.reload();
	await expect(tile(page, 'Reviewed today')).toHaveText('1');
	await expect(page.getByRole('alert')).toHaveCount(0);
});
