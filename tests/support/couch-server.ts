/**
 * A real CouchDB-protocol server for the sync tests and the sync benchmark: `pouchdb-server`
 * (npm), in memory, on a free 127.0.0.1 port, with one admin and one database per test run.
 *
 * The devices reach it through a small TCP relay of our own, so `stop()` can take the server
 * off the network in the middle of a sync (every open connection cut, the port refusing new
 * ones) and `start()` bring it back on the same address with its data intact, as a real server
 * that goes down and comes back would. Nothing else is needed on the machine.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface CouchServer {
	/** The server's base URL as devices see it (through the relay), e.g. http://127.0.0.1:40123. */
	readonly origin: string;
	readonly admin: { name: string; password: string };
	/** Creates a database and returns its URL. */
	createDatabase(name: string): Promise<string>;
	/** Requests the server directly (as the admin), bypassing the relay. */
	request(path: string, init?: RequestInit): Promise<Response>;
	/** Writes a document straight to the server, as another program could. */
	putDoc(db: string, doc: { _id: string } & Record<string, unknown>): Promise<void>;
	/** The database's documents (deleted ones left out), straight from the server. */
	allDocs(db: string): Promise<{ _id: string; [key: string]: unknown }[]>;
	/** Cuts every connection and refuses new ones until `start()`. */
	stop(): Promise<void>;
	start(): Promise<void>;
	/** Stops the server and the relay for good. */
	close(): Promise<void>;
}

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolve(port));
		});
	});
}

async function waitFor(check: () => Promise<boolean>, what: string, ms = 30_000) {
	const until = Date.now() + ms;
	while (Date.now() < until) {
		if (await check().catch(() => false)) return;
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`pouchdb-server: ${what} did not happen within ${ms / 1000} s`);
}

/** A relay from `port` to `target`, that can be switched off (cutting its sockets) and on. */
function relay(port: number, target: number) {
	let server: Server | null = null;
	const sockets = new Set<Socket>();
	const track = (socket: Socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	};
	return {
		// Starting it while it runs changes nothing: a second listener would fail on the port and
		// leave the first one out of stop()'s reach.
		start: () =>
			new Promise<void>((resolve, reject) => {
				if (server) return resolve();
				const starting = createServer((client) => {
					const upstream = connect(target, '127.0.0.1');
					track(client);
					track(upstream);
					client.pipe(upstream).pipe(client);
					client.on('error', () => upstream.destroy());
					upstream.on('error', () => client.destroy());
				});
				starting.once('error', reject);
				starting.listen(port, '127.0.0.1', () => {
					server = starting;
					resolve();
				});
			}),
		stop: () =>
			new Promise<void>((resolve) => {
				for (const socket of sockets) socket.destroy();
				if (!server) return resolve();
				server.close(() => resolve());
				server = null;
			})
	};
}

/** Starts pouchdb-server in memory, with an admin, behind a relay; `close()` when done. */
export async function startCouchServer(): Promise<CouchServer> {
	const require = createRequire(import.meta.url);
	const bin = join(dirname(require.resolve('pouchdb-server/package.json')), 'bin/pouchdb-server');
	// pouchdb-server writes its config.json and log.txt in its working folder.
	const dir = mkdtempSync(join(tmpdir(), 'kizuna-couch-'));
	const [serverPort, relayPort] = [await freePort(), await freePort()];
	const child: ChildProcess = spawn(
		process.execPath,
		[bin, '--in-memory', '--host', '127.0.0.1', '--port', String(serverPort)],
		{ cwd: dir, stdio: 'ignore' }
	);
	const direct = `http://127.0.0.1:${serverPort}`;
	const admin = { name: 'kizuna-admin', password: 'admin-secret' };
	const auth = `Basic ${Buffer.from(`${admin.name}:${admin.password}`).toString('base64')}`;
	const request = (path: string, init: RequestInit = {}) =>
		fetch(`${direct}${path}`, {
			...init,
			headers: { authorization: auth, 'content-type': 'application/json', ...init.headers }
		});
	const close = async () => {
		await gate.stop();
		if (child.exitCode === null) {
			const exited = new Promise((resolve) => child.once('exit', resolve));
			child.kill();
			await exited;
		}
		rmSync(dir, { recursive: true, force: true });
	};
	const gate = relay(relayPort, serverPort);
	try {
		await waitFor(async () => (await fetch(`${direct}/`)).ok, 'start-up');
		// Leaving "admin party": with an admin, a wrong password is refused as on a real CouchDB.
		const made = await fetch(`${direct}/_config/admins/${admin.name}`, {
			method: 'PUT',
			body: JSON.stringify(admin.password)
		});
		if (!made.ok) throw new Error(`pouchdb-server: could not add the admin (${made.status})`);
		// The server reloads its configuration after that; it must answer as the admin before use.
		await waitFor(async () => {
			const session = (await (await request('/_session')).json()) as {
				userCtx?: { roles?: string[] };
			};
			return session.userCtx?.roles?.includes('_admin') === true;
		}, 'the admin login');
		await new Promise((r) => setTimeout(r, 300));
		await gate.start();
	} catch (error) {
		await close();
		throw error;
	}

	return {
		origin: `http://127.0.0.1:${relayPort}`,
		admin,
		request,
		async createDatabase(name) {
			const response = await request(`/${name}`, { method: 'PUT' });
			if (!response.ok) throw new Error(`pouchdb-server: PUT /${name} gave ${response.status}`);
			return `http://127.0.0.1:${relayPort}/${name}`;
		},
		async putDoc(db, doc) {
			const response = await request(`/${db}/${encodeURIComponent(doc._id)}`, {
				method: 'PUT',
				body: JSON.stringify(doc)
			});
			if (!response.ok) throw new Error(`pouchdb-server: PUT ${doc._id} gave ${response.status}`);
		},
		async allDocs(db) {
			const response = await request(`/${db}/_all_docs?include_docs=true`);
			const body = (await response.json()) as { rows: { doc: { _id: string } }[] };
			return body.rows.map((row) => row.doc);
		},
		stop: () => gate.stop(),
		start: () => gate.start(),
		close
	};
}
