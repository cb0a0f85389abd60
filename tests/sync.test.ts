import { START } from './support/clock';
import { readFileSync } from 'node:fs';
import type { Page } from './support/clock';
import {
	createScheduler,
	DEFAULT_SCHEDULER_PARAMS,
	newCard
} from '../src/lib/domain/schedule/scheduler';
import { setNumberSetting, tile } from './support/app-pages';
import {
	expect,
	expectInStep,
	expectSynced,
	go,
	rateCards,
	ratings,
	serverReviews,
	syncAll,
	syncStatus,
	test,
	turnOnSync
} from './support/sync-devices';
import { readStored } from './support/stored';

// Two devices, a server and waits of up to 30 s each for replication, which on a loaded 2-core
// machine backs off between retries: more than the default 30 s for the whole test.
test.setTimeout(90_000);

test('A rates 3 cards → B shows them (log, due dates, Today’s counts) without a reload', async ({
	synced: [a, b],
	baseURL,
	couch,
	db
}) => {
	// While sync is on, requests leave the app's origin only for the configured server.
	const elsewhere: string[] = [];
	for (const device of [a, b])
		device.context.on('request', (request) => {
			const origin = new URL(request.url()).origin;
			if (origin !== new URL(baseURL!).origin && origin !== couch.origin)
				elsewhere.push(request.url());
		});
	await go(b.page, 'Today');
	await expect(tile(b.page, 'Reviewed today')).toHaveText('0');

	await go(a.page, 'Review');
	await rateCards(a.page, 3);
	await expect(tile(b.page, 'Reviewed today')).toHaveText('3', { timeout: 20_000 });
	const [onA, onB] = [await readStored(a.page), await readStored(b.page)];
	expect(ratings(onB)).toHaveLength(3);
	expectInStep(onA, onB);
	expect(onB.days).toEqual(onA.days);
	expect(elsewhere).toEqual([]);
	// Cards never sync: the server holds the ratings (and the settings), each device replays them.
	const ids = (await couch.allDocs(db.name)).map((d) => d._id);
	expect(ids.filter((id) => !id.startsWith('review:') && id !== 'settings')).toEqual([]);
});

test('both offline rate the same card differently and others → online → the union, the same cards', async ({
	synced: [a, b],
	couch,
	db
}) => {
	for (const device of [a, b]) await device.context.setOffline(true);
	await expect(syncStatus(a.page)).toHaveText('Offline — will retry.');
	await go(a.page, 'Review');
	await go(b.page, 'Review');
	const onA = await rateCards(a.page, 3, 'Good');
	const onB = await rateCards(b.page, 1, 'Again');
	onB.push(...(await rateCards(b.page, 2, 'Easy')));
	// The first card is the same on both: it was rated Good on one and Again on the other.
	expect(onB[0]).toBe(onA[0]);

	for (const device of [a, b]) await device.context.setOffline(false);
	for (const device of [a, b])
		await expect
			.poll(async () => (await readStored(device.page)).logs.length, { timeout: 30_000 })
			.toBe(6);
	const [storedA, storedB] = [await readStored(a.page), await readStored(b.page)];
	expectInStep(storedB, storedA);
	expect(new Set(ratings(storedA).map((r) => r.split(':').at(-1)))).toEqual(
		new Set(['good', 'again', 'easy'])
	);
	expect(await serverReviews(couch, db)).toHaveLength(6);
});

test('undo on A removes the rating on B (sync resumed at start-up)', async ({
	synced: [a, b],
	couch,
	db
}) => {
	// Sync comes back on by itself when the app starts again.
	await a.page.reload();
	await go(b.page, 'Today');
	await go(a.page, 'Review');
	await rateCards(a.page, 2);
	await expect(tile(b.page, 'Reviewed today')).toHaveText('2', { timeout: 20_000 });
	await a.page.getByRole('button', { name: 'Undo' }).first().click();
	await expect(tile(b.page, 'Reviewed today')).toHaveText('1', { timeout: 20_000 });
	const [storedA, storedB] = [await readStored(a.page), await readStored(b.page)];
	expectInStep(storedA, storedB);
	expect(ratings(storedB)).toHaveLength(1);
	await expect.poll(() => serverReviews(couch, db)).toHaveLength(1);
});

test('ratings made while B was closed show when B opens again', async ({
	synced: [a, b],
	couch,
	db
}) => {
	await b.page.close();
	await go(a.page, 'Review');
	await rateCards(a.page, 2);
	await expect.poll(() => serverReviews(couch, db)).toHaveLength(2);
	// The same device (its IndexedDB kept), the app opened again.
	const page = await b.context.newPage();
	await page.goto('/');
	await expect(tile(page, 'Reviewed today')).toHaveText('2', { timeout: 20_000 });
	const [onA, onB] = [await readStored(a.page), await readStored(page)];
	expectInStep(onA, onB);
});

test('a quiz answer on A reaches B once', async ({ synced: [a, b] }) => {
	await a.page.goto('/quiz?framework=eas&n=1&kind=truefalse');
	const question = a.page.getByRole('region', { name: 'Question 1 of 1' });
	await question.getByRole('radio').first().check();
	await a.page.keyboard.press('Enter');
	await expect(question.getByRole('status')).toBeVisible();
	await expect
		.poll(async () => (await readStored(b.page)).quiz, { timeout: 20_000 })
		.toEqual((await readStored(a.page)).quiz);
	expect((await readStored(b.page)).quiz).toHaveLength(1);
});

test('"I was right" on A marks the same answer on B, once', async ({ synced: [a, b] }) => {
	await a.page.goto('/quiz?framework=g7&n=2&kind=cloze');
	const question = a.page.getByRole('region', { name: 'Question 1 of 2' });
	await question.getByLabel('Your answer').fill('zzzz');
	await a.page.keyboard.press('Enter');
	await expect(question.getByRole('status')).toContainText('Not quite.');
	await expect
		.poll(async () => (await readStored(b.page)).quiz, { timeout: 20_000 })
		.toMatchObject([{ given: 'zzzz', correct: false }]);
	await question.getByRole('button', { name: 'I was right' }).click();
	await expect
		.poll(async () => (await readStored(b.page)).quiz, { timeout: 20_000 })
		.toMatchObject([{ given: 'zzzz', correct: true, overridden: true }]);
	expect((await readStored(b.page)).quiz).toEqual((await readStored(a.page)).quiz);
});

test('a backup of ratings already on the server, imported on another device, makes no second document', async ({
	open,
	couch,
	db
}) => {
	const a = await open('/review');
	await rateCards(a.page, 2);
	await turnOnSync(a.page, couch, db);
	await expectSynced(a.page);
	const download = a.page.waitForEvent('download');
	await a.page.getByRole('button', { name: 'Export backup' }).click();
	const backup = (await (await download).path())!;

	// C has the same ratings from the backup, then turns sync on.
	const c = await open('/settings');
	await c.page.getByLabel('Import backup').setInputFiles(backup);
	await c.page.getByRole('button', { name: 'Replace', exact: true }).click();
	await expect(c.page.getByRole('status').filter({ hasText: 'Backup restored' })).toBeVisible();
	await turnOnSync(c.page, couch, db);
	await expectSynced(c.page);
	const [onA, onC] = [await readStored(a.page), await readStored(c.page)];
	expectInStep(onA, onC);
	const reviewDocs = await serverReviews(couch, db);
	expect(reviewDocs.map((d) => d._id).sort()).toEqual(ratings(onA).map((r) => `review:${r}`));
	// The server holds one revision of each: nothing was written twice, nothing conflicts.
	for (const doc of reviewDocs) expect(String(doc._rev)).toMatch(/^1-/);
});

async function setNewPerDay(page: Page, value: number) {
	await go(page, 'Settings');
	await setNumberSetting(page, 'New cards per day', value);
}

test('settings: the newest change wins on both devices, even made apart', async ({
	synced: [a, b],
	couch,
	db
}) => {
	await a.context.setOffline(true);
	await setNewPerDay(a.page, 7);
	// B's change is the newer one, though A's reaches the server after it.
	await a.page.waitForTimeout(50);
	await setNewPerDay(b.page, 9);
	// As long as the other waits here: on a loaded 2-core machine B's push once took over 5 s.
	// B's status line comes along, so a push that never arrives says what B was showing.
	await expect
		.poll(
			async () => ({
				server: (await couch.allDocs(db.name)).find((d) => d._id === 'settings'),
				statusOnB: await syncStatus(b.page).textContent()
			}),
			{ timeout: 30_000 }
		)
		.toMatchObject({ server: { settings: { newPerDay: 9 } } });
	await a.context.setOffline(false);
	for (const device of [a, b])
		await expect
			.poll(async () => (await readStored(device.page)).settings?.newPerDay, { timeout: 30_000 })
			.toBe(9);
	// The form shows it once the page is opened again.
	await go(a.page, 'Today');
	await go(a.page, 'Settings');
	await expect(a.page.getByLabel('New cards per day')).toHaveValue('9');
});

test('a wrong password gives the plain message and loses nothing', async ({ open, couch, db }) => {
	const a = await open('/review');
	await rateCards(a.page, 2);
	const before = await readStored(a.page);
	await turnOnSync(a.page, couch, db, 'not-the-password');
	await expect(syncStatus(a.page)).toHaveText(
		'Wrong user name or password. Nothing was changed on this device.',
		{ timeout: 20_000 }
	);
	expect(await readStored(a.page)).toEqual(before);
	expect(await couch.allDocs(db.name)).toEqual([]);

	await turnOnSync(a.page, couch, db);
	await expectSynced(a.page);
	await expect
		.poll(async () => (await couch.allDocs(db.name)).map((d) => d._id).sort())
		.toEqual([...ratings(before).map((r) => `review:${r}`), 'settings'].sort());
	expect(ratings(await readStored(a.page))).toEqual(ratings(before));
});

test('a database that does not exist, or a server that refuses this site, gets its plain message', async ({
	open,
	couch,
	db
}) => {
	const a = await open();
	await turnOnSync(a.page, couch, { name: 'missing', url: `${couch.origin}/kizuna-missing` });
	await expect(syncStatus(a.page)).toHaveText('Database missing: no database at that Server URL.', {
		timeout: 20_000
	});
	// The server allows another site only: the browser refuses its answers to this one.
	const origins = '/_config/cors/origins';
	const before = await (await couch.request(origins)).json();
	await couch.request(origins, {
		method: 'PUT',
		body: JSON.stringify('https://elsewhere.example')
	});
	try {
		await turnOnSync(a.page, couch, db);
		await expect(syncStatus(a.page)).toHaveText(
			'The server refuses this site (CORS): allow this site’s address on the server.',
			{ timeout: 20_000 }
		);
	} finally {
		await couch.request(origins, { method: 'PUT', body: JSON.stringify(before) });
	}
});

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

test('hostile documents written straight to the server are set aside, with a notice on both', async ({
	synced: [a, b],
	couch,
	db
}) => {
	const dialogs: string[] = [];
	for (const device of [a, b])
		device.page.on('dialog', (dialog) => {
			dialogs.push(dialog.message());
			void dialog.dismiss();
		});
	const now = START.getTime();
	const card = newCard('eas.members.recall', now);
	const { log } = createScheduler(DEFAULT_SCHEDULER_PARAMS).rate(card, 'good', now, 2000);
	const far = now + 400 * 24 * 3_600_000;
	await couch.putDoc(db.name, {
		_id: `review:${log.card_id}:${log.review}:great`,
		kind: 'review',
		record: { ...log, rating: 'great' }
	});
	await couch.putDoc(db.name, {
		_id: `quiz:eas.members.choice:${now}`,
		kind: 'quiz',
		record: {
			questionId: 'eas.members.choice',
			framework: 'eas',
			given: '<script>alert(1)</script><img src=x onerror=alert(2)>',
			correct: true,
			durationMs: 1000,
			answeredAt: now
		}
	});
	await couch.putDoc(db.name, {
		_id: `review:${log.card_id}:${far}:good`,
		kind: 'review',
		record: { ...log, review: far }
	});
	for (const device of [a, b]) {
		const notice = device.page.getByRole('alert').filter({ hasText: 'set aside' });
		await expect(notice).toContainText('3 documents were from the sync server set aside', {
			timeout: 20_000
		});
		await expect(notice).toContainText('rating: expected one of again, hard, good, easy');
		await expect(notice).toContainText('given: expected plain text without HTML tags');
		await expect(notice).toContainText('review: expected a time not in the future');
		await expect(notice.locator('img, script')).toHaveCount(0);
		const stored = await readStored(device.page);
		expect(stored.logs).toEqual([]);
		expect(stored.quiz).toEqual([]);
		// The app carries on: a rating still syncs.
	}
	await go(a.page, 'Review');
	await rateCards(a.page, 1);
	await expect
		.poll(async () => (await readStored(b.page)).logs.length, { timeout: 20_000 })
		.toBe(1);
	expect(dialogs).toEqual([]);
});

test('Turn off sync forgets the server and password; a backup never holds them', async ({
	open,
	couch,
	db
}) => {
	const a = await open('/review');
	const logged: string[] = [];
	a.page.on('console', (message) => logged.push(message.text()));
	await rateCards(a.page, 1);
	await turnOnSync(a.page, couch, db);
	await expectSynced(a.page);
	for (const [button, holds] of [
		['Export backup', '"log"'],
		['Export review log (CSV)', 'card_id']
	] as const) {
		const download = a.page.waitForEvent('download');
		await a.page.getByRole('button', { name: button }).click();
		const text = readFileSync((await (await download).path())!, 'utf8');
		expect(text).toContain(holds);
		expect(text).not.toContain(couch.admin.password);
		expect(text).not.toContain(db.url);
	}
	// Nor on screen (the password field is emptied once saved), nor in the console.
	await expect(a.page.getByLabel('Password')).toHaveValue('');
	expect(await a.page.locator('body').innerText()).not.toContain(couch.admin.password);
	expect(logged.filter((text) => text.includes(couch.admin.password))).toEqual([]);

	await a.page.getByRole('button', { name: 'Turn off sync' }).click();
	await expect(syncStatus(a.page)).toHaveText('Sync is off: your progress stays on this device.');
	await expect(a.page.getByLabel('Server URL')).toHaveValue('');
	const left = await a.page.evaluate(async () => {
		const names = (await indexedDB.databases()).map((d) => d.name);
		const config = await new Promise<unknown>((resolve, reject) => {
			const request = indexedDB.open('kizuna-sync');
			request.onsuccess = () => {
				const db = request.result;
				const get = db.transaction('config').objectStore('config').get('config');
				get.onsuccess = () => resolve(get.result);
				get.onerror = () => reject(get.error);
			};
		});
		return { names, config, flag: localStorage.getItem('kizuna-sync') };
	});
	expect(left).toEqual({
		names: expect.not.arrayContaining([expect.stringMatching(/pouch/)]),
		config: undefined,
		flag: null
	});
	expect((await readStored(a.page)).logs).toHaveLength(1);
	// After a reload, sync stays off.
	await a.page.reload();
	await expect(syncStatus(a.page)).toHaveText('Sync is off: your progress stays on this device.');
});

test('with sync off, no page loads the sync code or PouchDB, nor opens its databases', async ({
	page,
	request
}) => {
	const scripts: string[] = [];
	page.on('request', (r) => {
		if (r.resourceType() === 'script') scripts.push(r.url());
	});
	for (const path of ['/', '/review', '/quiz', '/browse', '/stats', '/settings']) {
		await page.goto(path);
		await page.waitForLoadState('networkidle');
	}
	expect(scripts.length).toBeGreaterThan(3);
	for (const url of new Set(scripts)) {
		const body = await (await request.get(url)).text();
		expect(body, url).not.toContain('kizuna-sync-replica');
		expect(body, url).not.toContain('Database has a global failure');
	}
	const names = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
	expect(names).toEqual(['kizuna']);
});
