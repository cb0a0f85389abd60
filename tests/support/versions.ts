// Builds and serves extra versions of the app for the update test, each in its own folders under
// test-results/ (inside the project, so the build resolves node_modules), leaving the build that
// the other tests are served untouched.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

const VITE = 'node_modules/vite/bin/vite.js';

export type Version = { name: string; kitDir: string };

function envFor(version: Version): NodeJS.ProcessEnv {
	return { ...process.env, KIZUNA_VERSION: version.name, KIZUNA_KIT_DIR: version.kitDir };
}

/** Builds the app as `name`; throws with the build's output when the build fails. */
export function buildVersion(name: string): Version {
	const version = { name, kitDir: `test-results/versions/${name}/kit` };
	const result = spawnSync(process.execPath, [VITE, 'build'], {
		env: { ...envFor(version), KIZUNA_BUILD_DIR: `test-results/versions/${name}/build` },
		encoding: 'utf8'
	});
	if (result.status !== 0) {
		throw new Error(`Building version ${name} failed:\n${result.stdout}\n${result.stderr}`);
	}
	return version;
}

/** A `vite preview` of one built version; stop it to free the port for the next one. */
export class VersionServer {
	#child: ChildProcess;
	readonly url: string;

	private constructor(child: ChildProcess, url: string) {
		this.#child = child;
		this.url = url;
	}

	static async start(version: Version, port: number): Promise<VersionServer> {
		const child = spawn(
			process.execPath,
			[VITE, 'preview', '--port', String(port), '--strictPort'],
			{
				env: envFor(version),
				stdio: 'ignore'
			}
		);
		const server = new VersionServer(child, `http://127.0.0.1:${port}`);
		for (let attempt = 0; attempt < 100; attempt += 1) {
			if (child.exitCode !== null) break;
			const up = await fetch(server.url).then(
				(response) => response.ok,
				() => false
			);
			if (up) return server;
			await sleep(100);
		}
		await server.stop();
		throw new Error(`vite preview of version ${version.name} did not answer on port ${port}`);
	}

	async stop(): Promise<void> {
		if (this.#child.exitCode !== null || this.#child.signalCode !== null) return;
		const exited = new Promise((resolve) => this.#child.once('exit', resolve));
		this.#child.kill('SIGTERM');
		await exited;
	}
}
