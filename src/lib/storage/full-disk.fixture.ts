import { vi } from 'vitest';

/**
 * For tests: every IndexedDB write of one kind of record fails as on a full disk: review log
 * records by default, or the record under `tag` ('settings', or a key's first part: 'card').
 */
export function fillTheDisk(tag = 'log') {
	const put = IDBObjectStore.prototype.put;
	vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
		this: IDBObjectStore,
		value,
		key
	) {
		if ((Array.isArray(key) ? key[0] : key) === tag)
			throw new DOMException('full', 'QuotaExceededError');
		return put.call(this, value, key);
	});
}
