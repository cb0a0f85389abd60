import { tile } from './support/app-pages';
import {
	cardBytes,
	expect,
	expectSynced,
	go,
	openDevice,
	rateCards,
	ratings,
	readStored,
	test,
	turnOnSync
} from './support/sync-devices';

test('A rates 3 cards → B shows them (log, due dates, Today’s counts) without a reload', async ({
	browser,
	baseURL,
	couch,
	db
}) => {
	const a = await openDevice(browser, baseURL!);
	const b = await openDevice(browser, baseURL!);
	await turnOnSync(a.page, couch, db);
	await expectSynced(a.page);
	await turnOnSync(b.page, couch, db);
	await expectSynced(b.page);
	await go(b.page, 'Today');
	await expect(tile(b.page, 'Reviewed today')).toHaveText('0');

	await go(a.page, 'Review');
	await rateCards(a.page, 3);
	await expect(tile(b.page, 'Reviewed today')).toHaveText('3', { timeout: 20_000 });
	const [onA, onB] = [await readStored(a.page), await readStored(b.page)];
	expect(ratings(onB)).toHaveLength(3);
	expect(ratings(onB)).toEqual(ratings(onA));
	expect(cardBytes(onB)).toEqual(cardBytes(onA));
	expect(onB.days).toEqual(onA.days);
	await a.context.close();
	await b.context.close();
});
