import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
	vi.useRealTimers();
	vi.resetModules();
});

describe('afterStorageAsked', () => {
	it('waits for storage to be asked, then lets the bank parse at once', async () => {
		vi.useFakeTimers();
		const { afterStorageAsked, storageAsked } = await import('./startup');
		let done = false;
		const waiting = afterStorageAsked(100).then(() => (done = true));
		await vi.advanceTimersByTimeAsync(50);
		expect(done).toBe(false);
		storageAsked();
		await waiting;
		expect(done).toBe(true);
		// Once asked, later waits do not wait at all.
		let later = false;
		void afterStorageAsked(100).then(() => (later = true));
		await vi.advanceTimersByTimeAsync(0);
		expect(later).toBe(true);
	});

	it('does not wait longer than its limit when storage is slow to answer', async () => {
		vi.useFakeTimers();
		const { afterStorageAsked } = await import('./startup');
		let done = false;
		void afterStorageAsked(100).then(() => (done = true));
		await vi.advanceTimersByTimeAsync(99);
		expect(done).toBe(false);
		await vi.advanceTimersByTimeAsync(1);
		expect(done).toBe(true);
	});
});
