import { describe, expect, it } from 'vitest';
import { checkSyncConfig } from './sync-config';

const ok = { username: 'alice', password: 'secret' };

describe('checkSyncConfig', () => {
	it('accepts an https database URL, or plain http on this computer only', () => {
		expect(checkSyncConfig({ ...ok, url: ' https://couch.example.org/kizuna-alice/ ' })).toEqual({
			ok: true,
			config: { ...ok, url: 'https://couch.example.org/kizuna-alice' }
		});
		for (const url of ['http://localhost:5984/db', 'http://127.0.0.1:5984/db'])
			expect(checkSyncConfig({ ...ok, url }).ok).toBe(true);
	});

	it('refuses what would leak a password or reach no database, naming the field', () => {
		const cases: [string, RegExp][] = [
			['http://couch.example.org/db', /https:\/\//],
			['http://192.168.1.2:5984/db', /https:\/\//],
			['https://alice:secret@couch.example.org/db', /user name or password/],
			['ftp://couch.example.org/db', /https:\/\//],
			['https://couch.example.org/', /name the database/],
			['https://couch.example.org/db?x=1', /query/],
			['couch.example.org/db', /full address/]
		];
		for (const [url, message] of cases) {
			const result = checkSyncConfig({ ...ok, url });
			expect(result).toMatchObject({
				ok: false,
				field: 'url',
				message: expect.stringMatching(message)
			});
		}
		const url = 'https://couch.example.org/db';
		expect(checkSyncConfig({ url, username: ' ', password: 'x' })).toMatchObject({
			field: 'username'
		});
		expect(checkSyncConfig({ url, username: 'a', password: '' })).toMatchObject({
			field: 'password'
		});
	});
});
