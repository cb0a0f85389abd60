/// <reference lib="dom" />
// Code that runs inside the page, as strings: tsx would otherwise add helpers to functions that
// do not exist in the browser. A rating (or the floor's swap) is pressed by the benchmark through
// Playwright's mouse or touchscreen, as a user's thumb goes through the browser's input pipeline,
// and timed in the page from the click event's timeStamp (and the pointerdown's) to the end of the
// paint that shows the next card (a rAF callback, then a task posted from it, which runs after
// that frame is painted).

/**
 * Installed before any page script: records when the first card is painted on /review, and the
 * timeStamp of every pointerdown and click, in the capture phase on window, before the page's
 * own handlers see them.
 */
export const INIT = `(() => {
	// The first task after the frame: a user-blocking task runs before the messages and timers the
	// page queued meanwhile (the review moves focus once the card is painted: no one waits for it).
	const afterPaint = () => new Promise((resolve) => requestAnimationFrame(() => {
		scheduler.postTask(() => resolve(performance.now()), { priority: 'user-blocking' });
	}));
	const input = { pointerdown: NaN, click: NaN };
	for (const type of ['pointerdown', 'click'])
		addEventListener(type, (event) => (input[type] = event.timeStamp), { capture: true });
	window.__bench = { afterPaint, input, firstCard: null, next: null };
	if (location.pathname !== '/review') return;
	const observer = new MutationObserver(() => {
		if (!document.getElementById('card-front')) return;
		observer.disconnect();
		afterPaint().then((t) => (window.__bench.firstCard = t));
	});
	observer.observe(document, { childList: true, subtree: true });
})()`;

export { SEED } from '../../tests/support/idb-seed';

/** A press's times in ms, to the next card painted: from the click event and from pointerdown. */
export interface PressTime {
	click: number;
	pointerdown: number;
}

/**
 * Resolves to the times of the press that follows (PressTime), once the next card is painted.
 * Armed by ARM_RATING or ARM_SWAP before the press.
 */
export const NEXT = 'window.__bench.next';

const HELPERS = `
	const until = (ready) => new Promise((resolve) => {
		if (ready()) return resolve();
		const observer = new MutationObserver(() => {
			if (!ready()) return;
			observer.disconnect();
			resolve();
		});
		observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
	});
	const bench = window.__bench;
	const front = () => document.getElementById('card-front')?.textContent;
	/**
	 * Waits for the page to be idle, at a random point of a frame (a press lands anywhere in one),
	 * then watches for the next card (shown(before): it is in the DOM) from before the press, and
	 * gives the centre of button, where the press goes.
	 */
	const arm = async (button, shown) => {
		await bench.afterPaint();
		await new Promise((resolve) => setTimeout(resolve, Math.random() * 17));
		const before = front();
		bench.input.pointerdown = bench.input.click = NaN;
		bench.next = until(() => shown(before)).then(bench.afterPaint).then((painted) => ({
			click: painted - bench.input.click,
			pointerdown: painted - bench.input.pointerdown
		}));
		// A thumb presses what is on screen: below the fold, the page is scrolled to it first.
		button().scrollIntoView({ block: 'nearest' });
		const box = button().getBoundingClientRect();
		return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
	};
`;

/**
 * On /review, readies the i-th rating: shows the answer, waits for the rating buttons with their
 * intervals (the scheduler loaded, as a user sees them before pressing), arms NEXT for the next
 * card with its "Show answer" button, and gives the rating button's centre. Null when the session
 * has fewer than two cards left (the last rating shows no next card). The next card is most often
 * another (new front text), but may be the same one, back for its next learning step.
 */
export const ARM_RATING = `async (i) => {
	${HELPERS}
	// The button's text is followed by its key hint ("Show answerSpace"); while the answer shows,
	// the button may stay in the page, hidden.
	const show = () => [...document.querySelectorAll('button')].find((b) => b.textContent.trim().startsWith('Show answer') && !b.closest('[hidden]'));
	const names = ['Good', 'Good', 'Good', 'Hard', 'Good', 'Good', 'Again', 'Good', 'Easy', 'Good'];
	const name = names[i % names.length];
	const rating = () => document.querySelector('button[aria-label="' + name + '"]:not([disabled])');
	await until(() => show() || document.querySelector('.done'));
	const left = document.querySelector('.counts')?.textContent.match(/\\d+/g) ?? [];
	if (left.reduce((sum, n) => sum + Number(n), 0) < 2) return null;
	show().click();
	await until(() => rating() && document.getElementById('interval-' + name.toLowerCase())?.textContent);
	return arm(rating, () => show());
}`;

/** The floor: the same on a page whose one button only swaps the text (../review/server). */
export const ARM_SWAP = `async () => {
	${HELPERS}
	return arm(() => document.getElementById('swap'), (before) => front() !== before);
}`;
