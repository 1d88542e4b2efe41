// Build the production app into its own folders and serve it on a loopback port.
import { spawn, spawnSync } from 'node:child_process';

/** Runs `vite build` into `buildDir` (and `svelteKitOut`), so a developer's build is never touched. */
export function buildApp(buildDir, svelteKitOut) {
	const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
		stdio: ['ignore', 'inherit', 'inherit'],
		env: { ...process.env, BUILD_DIR: buildDir, SVELTEKIT_OUT: svelteKitOut }
	});
	if (result.status !== 0) throw new Error(`vite build failed (exit ${result.status})`);
}

/** Starts `node <buildDir>` on 127.0.0.1:port and resolves once it answers. */
export async function serve(buildDir, port) {
	const origin = `http://127.0.0.1:${port}`;
	const child = spawn(process.execPath, [buildDir], {
		stdio: ['ignore', 'ignore', 'inherit'],
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ORIGIN: origin }
	});
	let exited = false;
	child.on('exit', () => (exited = true));
	const stop = () => {
		if (!exited) child.kill('SIGTERM');
	};
	for (let i = 0; i < 100; i++) {
		if (exited) throw new Error(`the server in ${buildDir} exited before answering`);
		try {
			const response = await fetch(origin);
			if (response.ok) return { origin, stop };
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	stop();
	throw new Error(`the server did not answer on ${origin} within 10 s (port taken?)`);
}
