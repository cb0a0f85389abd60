import { tile } from './support/app-pages';
import {
	expect,
	expectInStep,
	expectSynced,
	go,
	rateCards,
	ratings,
	serverReviews,
	syncStatus,
	syncAll,
	test
} from './support/sync-devices';
import { readStored } from './support/stored';
import { START } from './support/clock';

test('Sync now, once the server is back, sends what waited at once instead of after the back-off', async ({
	open,
	couch,
	db
}) => {
	// A's timers are the test's to move: the wait between retries grows to its longest (a minute)
	// without the test waiting for it.
	const a = await open('/', (context) => context.clock.install({ time: START }));
	const b = await open();
	await syncAll([a, b], couch, db);
	// A's requests to the server that found nobody there: each one is an attempt.
	let failed = 0;
	a.page.on('requestfailed', (request) => {
		if (request.url().startsWith(couch.origin)) failed += 1;
	});
	await go(b.page, 'Today');
	await couch.stop();
	await go(a.page, 'Review');
	await rateCards(a.page, 2);
	await go(a.page, 'Settings');
	await expect(syncStatus(a.page)).toHaveText('Server unreachable — will retry.', {
		timeout: 20_000
	});
	// Every minute skipped lets the next retry come and fail: 1 s, 2 s, 4 s … then a minute.
	for (let i = 0; i < 8; i++) {
		const before = failed;
		await a.page.clock.fastForward('01:00');
		await expect.poll(() => failed, { timeout: 20_000 }).toBeGreaterThan(before);
	}
	await expect(syncStatus(a.page)).toHaveText('Server unreachable — will retry.');

	await couch.start();
	await a.page.getByRole('button', { name: 'Sync now' }).click();
	// Well within the minute the next retry would wait.
	await expectSynced(a.page);
	const stored = await readStored(a.page);
	expect(ratings(stored)).toHaveLength(2);
	expect((await serverReviews(couch, db)).map((d) => d._id).sort()).toEqual(
		ratings(stored).map((r) => `review:${r}`)
	);
	// The other device gets them by its own retry, without a reload.
	await expect(tile(b.page, 'Reviewed today')).toHaveText('2', { timeout: 40_000 });
	expect(ratings(await readStored(b.page))).toEqual(ratings(stored));
});

test('the server stopped in the middle of a sync → retry → nothing lost, nothing doubled', async ({
	synced: [a, b],
	couch,
	db
}) => {
	await go(b.page, 'Today');
	await go(a.page, 'Review');
	await rateCards(a.page, 3);
	// While A's ratings are on their way.
	await couch.stop();
	await rateCards(a.page, 2);
	await go(a.page, 'Settings');
	await expect(syncStatus(a.page)).toHaveText('Server unreachable — will retry.', {
		timeout: 20_000
	});
	await couch.start();
	await expect(tile(b.page, 'Reviewed today')).toHaveText('5', { timeout: 40_000 });
	const [storedA, storedB] = [await readStored(a.page), await readStored(b.page)];
	expectInStep(storedA, storedB);
	expect(ratings(storedB)).toHaveLength(5);
	expect(new Set(ratings(storedB)).size).toBe(5);
	expect(await serverReviews(couch, db)).toHaveLength(5);
	// A's own retry brought it back in step: the status says so without Sync now.
	await expectSynced(a.page);
});
