/// <reference lib="dom" />
// Start-up of the review with 10,000 cards: time to load with 0 and with 100,000 review log
// records. Start-up reads cards, settings, meta and day counters only, so both should match.
// fake-indexeddb in Node: absolute figures are not a browser's, the comparison is the point.
import 'fake-indexeddb/auto';
import { createStore, promisifyRequest } from 'idb-keyval';
import {
	createScheduler,
	DEFAULT_SCHEDULER_PARAMS,
	newCard
} from '../src/lib/domain/schedule/scheduler';
import { QueueState } from '../src/lib/domain/schedule/queue';
import { createRecall } from '../src/lib/domain/schedule/recall';
import { DEFAULT_SETTINGS } from '../src/lib/domain/records/settings';
import { openIdbStorage } from '../src/lib/storage/idb';

const CARDS = 10_000;
const LOGS = 100_000;
const T0 = Date.UTC(2025, 0, 6, 9, 0);
const scheduler = createScheduler({ ...DEFAULT_SCHEDULER_PARAMS, enableFuzz: false });

async function seed(dbName: string, logs: number) {
	const store = createStore(dbName, 'kizuna');
	const ids = Array.from({ length: CARDS }, (_, i) => `q${i}`);
	await store('readwrite', (s) => {
		s.put({ schemaVersion: 2, createdAt: T0 }, 'meta');
		for (const id of ids) {
			const { card } = scheduler.rate(newCard(id, T0), 'easy', T0, 1000);
			s.put(card, ['card', id]);
		}
		for (let i = 0; i < logs; i++) {
			const { log } = scheduler.rate(newCard(ids[i % CARDS]!, T0), 'good', T0 + i, 1000);
			s.put(log, ['log', log.review, String(i)]);
		}
		return promisifyRequest(s.transaction);
	});
	return ids;
}

async function time(label: string, logs: number) {
	const name = `bench-${logs}`;
	const ids = await seed(name, logs);
	const storage = await openIdbStorage({ dbName: name, channelName: null });
	const runs: number[] = [];
	let cards = 0;
	for (let i = 0; i < 7; i++) {
		const start = performance.now();
		const data = await storage.load();
		cards = data.cards.length;
		runs.push(performance.now() - start);
	}
	const { cards: loaded } = await storage.load();
	const start = performance.now();
	const queue = new QueueState({
		cards: loaded,
		questionOrder: ids,
		now: T0 + 9 * 86_400_000,
		settings: DEFAULT_SETTINGS,
		doneToday: { newCount: 0, reviewCount: 0 },
		recall: createRecall()
	}).queue;
	const queueMs = performance.now() - start;
	runs.sort((a, b) => a - b);
	console.log(
		`${label}: load ${cards} cards median ${runs[3]!.toFixed(1)} ms (min ${runs[0]!.toFixed(1)}), ` +
			`queue build ${queueMs.toFixed(1)} ms (all ${CARDS} due, ${queue.ids.length} queued)`
	);
	storage.close();
}

await time(`${CARDS} cards, 0 logs      `, 0);
await time(`${CARDS} cards, ${LOGS} logs`, LOGS);
