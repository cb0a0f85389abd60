/// <reference lib="dom" />
// Code that runs inside the page, as strings: tsx would otherwise add helpers to functions that
// do not exist in the browser. Every time is measured in the page with performance.now(), from
// the event to the end of the next frame's paint (a rAF callback, then a posted message, which
// runs after that frame is painted).

/** Installed before any page script: records when the first card is painted on /review. */
export const INIT = `(() => {
	const afterPaint = () => new Promise((resolve) => requestAnimationFrame(() => {
		const channel = new MessageChannel();
		channel.port1.onmessage = () => resolve(performance.now());
		channel.port2.postMessage(0);
	}));
	window.__bench = { afterPaint, firstCard: null };
	if (location.pathname !== '/review') return;
	const observer = new MutationObserver(() => {
		if (!document.getElementById('card-front')) return;
		observer.disconnect();
		afterPaint().then((t) => (window.__bench.firstCard = t));
	});
	observer.observe(document, { childList: true, subtree: true });
})()`;

export { SEED } from '../../tests/support/idb-seed';

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
	// A click lands anywhere in a frame, as a user's does.
	const randomPhase = () => new Promise((resolve) => setTimeout(resolve, Math.random() * 17));
	const front = () => document.getElementById('card-front')?.textContent;
`;

/**
 * Rates `n` cards on /review: shows the answer, then times the click on a rating until the next
 * card (its "Show answer" button and new front text) is painted. Resolves to the times in ms.
 */
export const RATE = `async (n) => {
	${HELPERS}
	const show = () => [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Show answer');
	const rating = (name) => document.querySelector('button[aria-label="' + name + '"]:not([disabled])');
	const names = ['Good', 'Good', 'Good', 'Hard', 'Good', 'Good', 'Again', 'Good', 'Easy', 'Good'];
	const times = [];
	for (let i = 0; i < n; i++) {
		await until(show);
		show().click();
		const name = names[i % names.length];
		await until(() => rating(name));
		await window.__bench.afterPaint();
		await randomPhase();
		const before = front();
		const t0 = performance.now();
		rating(name).click();
		await until(() => show() && front() !== before);
		times.push((await window.__bench.afterPaint()) - t0);
	}
	return times;
}`;

/** The baseline: the same measurement on a page whose button only swaps the text. */
export const SWAP = `async (n) => {
	${HELPERS}
	const times = [];
	for (let i = 0; i < n; i++) {
		await window.__bench.afterPaint();
		await randomPhase();
		const before = front();
		const t0 = performance.now();
		document.getElementById('swap').click();
		await until(() => front() !== before);
		times.push((await window.__bench.afterPaint()) - t0);
	}
	return times;
}`;
