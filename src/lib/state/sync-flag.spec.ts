import { afterEach, describe, expect, it, vi } from 'vitest';
import { setSyncFlag, syncIsOn } from './sync-flag';

afterEach(() => vi.unstubAllGlobals());

describe('the sync flag', () => {
	it('is on once set and off once cleared', () => {
		const items = new Map<string, string>();
		vi.stubGlobal('localStorage', {
			getItem: (key: string) => items.get(key) ?? null,
			setItem: (key: string, value: string) => items.set(key, value),
			removeItem: (key: string) => items.delete(key)
		});
		expect(syncIsOn()).toBe(false);
		setSyncFlag(true);
		expect(syncIsOn()).toBe(true);
		setSyncFlag(false);
		expect(syncIsOn()).toBe(false);
	});

	it('reads as off, and setting it does not throw, where the browser refuses storage', () => {
		const refuse = () => {
			throw new DOMException('The operation is insecure.', 'SecurityError');
		};
		vi.stubGlobal('localStorage', { getItem: refuse, setItem: refuse, removeItem: refuse });
		expect(() => setSyncFlag(true)).not.toThrow();
		expect(() => setSyncFlag(false)).not.toThrow();
		expect(syncIsOn()).toBe(false);
	});
});
