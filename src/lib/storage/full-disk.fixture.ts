import { vi } from 'vitest';

/** For tests: every IndexedDB write of a review log record fails as on a full disk. */
export function fillTheDisk() {
	const put = IDBObjectStore.prototype.put;
	vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
		this: IDBObjectStore,
		value,
		key
	) {
		if (Array.isArray(key) && key[0] === 'log')
			throw new DOMException('full', 'QuotaExceededError');
		return put.call(this, value, key);
	});
}
