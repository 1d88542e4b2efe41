// `npm start`: build when the build is missing or older than the sources, then serve it. A newcomer's
// first screen is the course's address: the build's own chatter (notices about dependencies' comments,
// plugin timings, empty chunks) is kept back and shown only when the build fails, with its errors.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const buildDir = process.env.BUILD_DIR ?? 'build';
const entry = join(buildDir, 'index.js');
const sources = [
	'src',
	'lessons',
	'static',
	'svelte.config.js',
	'vite.config.ts',
	'config',
	'package-lock.json'
];

function newestMtime(path) {
	if (!existsSync(path)) return 0;
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	return readdirSync(path).reduce((max, name) => Math.max(max, newestMtime(join(path, name))), 0);
}

if (!existsSync(entry) || statSync(entry).mtimeMs < Math.max(...sources.map(newestMtime))) {
	console.log('Building the course (about a minute the first time)…');
	const build = spawnSync('npx', ['vite', 'build'], {
		stdio: ['ignore', 'pipe', 'pipe'],
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024
	});
	if (build.status !== 0) {
		process.stderr.write(`${build.stdout ?? ''}${build.stderr ?? ''}`);
		if (build.error) console.error(build.error.message);
		console.error('The build failed: the messages above say where.');
		process.exit(build.status ?? 1);
	}
}

const port = process.env.PORT ?? '3000';
const host = process.env.HOST ?? '127.0.0.1';
const server = spawn(process.execPath, [buildDir], {
	stdio: ['inherit', 'ignore', 'inherit'],
	env: { ...process.env, PORT: port, HOST: host }
});
console.log(`The course is running at http://localhost:${port}/ (Ctrl+C to stop)`);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
