// `npm run bench:live`: a bounded load test of live sessions on loopback. It starts the built
// server on a spare port with a throw-away database, joins N simulated participants (default 300)
// who all listen on server-sent events, has them answer a pushed question for a few rounds, and
// prints answers per second and the time from each POST to its arrival on the facilitator's stream.
// Environment: BENCH_PARTICIPANTS (1–1000, default 300), BENCH_ROUNDS (1–10, default 3),
// BENCH_PORT (default 4179), BUILD_DIR (default build).
// The simulated participants of this mode are one trusted crowd, so its server runs with the join
// limits raised (a real room of 300 does not join within one minute from one address).
//
// `npm run bench:live -- --abuse`: the same server under attack. While 20 real participants answer
// a prompt every second and 10 more join late, scripts on other loopback source addresses
// (127.0.0.2–127.0.0.9; the traffic still only goes to 127.0.0.1) flood joins, unknown codes,
// renames and event streams for BENCH_ABUSE_SECONDS (default 10). It prints accepted and refused
// requests per second for each kind, whether the late real participants got in, and the p95 time
// from a real participant's answer to the facilitator's screen. Run it on an old build to compare
// (the server is scripts/serve.js when the checkout has it, else `node <BUILD_DIR>`).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAbuse } from './bench-live-abuse.js';

const clamp = (v, lo, hi, d) => Math.max(lo, Math.min(hi, Number.parseInt(v ?? '', 10) || d));
const participants = clamp(process.env.BENCH_PARTICIPANTS, 1, 1000, 300);
const rounds = clamp(process.env.BENCH_ROUNDS, 1, 10, 3);
const port = clamp(process.env.BENCH_PORT, 1024, 65535, 4179);
const buildDir = process.env.BUILD_DIR ?? 'build';
const base = `http://127.0.0.1:${port}`;
const lesson = 'the-sandwich';
const itemKey = 'check.exercise-sheet';
const choices = ['made-before', 'printed'];
const deadline = Date.now() + 180_000;

if (!existsSync(join(buildDir, 'index.js'))) {
	console.error(`No build in ${buildDir}/: run \`npm run build\` first.`);
	process.exit(1);
}

const abuse = process.argv.includes('--abuse');
const dataDir = mkdtempSync(join(tmpdir(), 'bench-live-'));
const entry = existsSync('scripts/serve.js') ? 'scripts/serve.js' : buildDir;
const server = spawn(process.execPath, [entry], {
	env: {
		...process.env,
		PORT: String(port),
		HOST: '127.0.0.1',
		ORIGIN: base,
		BUILD_DIR: buildDir,
		LIVE_DB_PATH: join(dataDir, 'live.sqlite'),
		...(abuse ? {} : { LIVE_JOINS_PER_ADDRESS: '2000', LIVE_JOINS_PER_SESSION: '2000' })
	},
	stdio: ['ignore', 'ignore', 'inherit']
});
const streams = [];
let failed = false;

function cleanUp() {
	for (const s of streams) s.abort();
	server.kill('SIGTERM');
	rmSync(dataDir, { recursive: true, force: true });
}
// The benchmark stops by itself, whatever happens.
const watchdog = setTimeout(() => {
	console.error('Benchmark took longer than 180 s: stopping.');
	failed = true;
	cleanUp();
	process.exit(1);
}, deadline - Date.now());

async function waitForServer() {
	for (let i = 0; i < 100; i++) {
		try {
			if ((await fetch(`${base}/live`)).ok) return;
		} catch {
			// not up yet
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error('The server did not start');
}

async function post(path, token, body) {
	const response = await fetch(`${base}${path}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
		body: JSON.stringify(body)
	});
	if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
	return response.json();
}

/** Opens an SSE stream with fetch and calls onEvent for each JSON event; resolves once open. */
async function listen(path, token, onEvent) {
	const controller = new AbortController();
	streams.push(controller);
	const response = await fetch(`${base}${path}`, {
		headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
		signal: controller.signal
	});
	if (!response.ok) throw new Error(`${path}: ${response.status}`);
	const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
	(async () => {
		let buffer = '';
		try {
			for (;;) {
				const { value, done } = await reader.read();
				if (done) return;
				buffer += value;
				let end;
				while ((end = buffer.indexOf('\n\n')) >= 0) {
					const block = buffer.slice(0, end);
					buffer = buffer.slice(end + 2);
					for (const line of block.split('\n'))
						if (line.startsWith('data: ')) onEvent(JSON.parse(line.slice(6)), performance.now());
				}
			}
		} catch {
			// aborted at the end
		}
	})();
}

/** Runs tasks with at most `limit` in flight. */
async function pool(items, limit, task) {
	const results = [];
	let next = 0;
	await Promise.all(
		Array.from({ length: Math.min(limit, items.length) }, async () => {
			while (next < items.length) {
				const i = next++;
				results[i] = await task(items[i], i);
			}
		})
	);
	return results;
}

function percentile(sorted, p) {
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

if (abuse) {
	try {
		await waitForServer();
		failed = !(await runAbuse(base, {
			seconds: clamp(process.env.BENCH_ABUSE_SECONDS, 3, 30, 10)
		}));
	} catch (e) {
		console.error(e);
		failed = true;
	} finally {
		clearTimeout(watchdog);
		cleanUp();
	}
	process.exit(failed ? 1 : 0);
}

try {
	await waitForServer();
	const created = await fetch(`${base}/api/live/sessions`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ lesson })
	}).then((r) => r.json());
	const { code, hostToken } = created;

	const sent = new Map();
	const latencies = [];
	let expected = 0;
	let resolveRound;
	await listen(`/api/live/${code}/events?as=host`, hostToken, (event, at) => {
		if (event.type !== 'answer') return;
		const key = `${event.response.participantId}:${event.response.answer[0]}`;
		const t0 = sent.get(key);
		if (t0 === undefined) return;
		sent.delete(key);
		latencies.push(at - t0);
		if (latencies.length === expected) resolveRound?.();
	});
	await post(`/api/live/${code}/host`, hostToken, { action: 'push', itemKey });

	const joinStart = performance.now();
	const people = await pool(Array.from({ length: participants }), 50, async () => {
		const { token, state } = await post(`/api/live/${code}/join`, undefined, {});
		return { token, id: state.participantId };
	});
	const joinMs = performance.now() - joinStart;
	let listening = 0;
	await pool(people, 50, (p) =>
		listen(`/api/live/${code}/events`, p.token, () => {}).then(() => listening++)
	);

	const started = performance.now();
	let errors = 0;
	for (let round = 0; round < rounds; round++) {
		const choice = choices[round % 2];
		expected += people.length;
		const arrived = new Promise((r) => (resolveRound = r));
		await pool(people, 100, async (p) => {
			sent.set(`${p.id}:${choice}`, performance.now());
			try {
				await post(`/api/live/${code}/answer`, p.token, { itemKey, answer: [choice] });
			} catch {
				errors++;
				expected--;
				sent.delete(`${p.id}:${choice}`);
			}
		});
		if (latencies.length < expected)
			await Promise.race([arrived, new Promise((r) => setTimeout(r, 15_000))]);
	}
	const seconds = (performance.now() - started) / 1000;
	const sorted = [...latencies].sort((a, b) => a - b);
	const answers = latencies.length;
	console.log(`live-session benchmark on loopback (${base})`);
	console.log(
		`participants: ${participants} joined in ${joinMs.toFixed(0)} ms, ${listening} listening on SSE`
	);
	console.log(
		`answers: ${answers} of ${participants * rounds} over ${rounds} rounds, ${errors} errors`
	);
	console.log(`throughput: ${(answers / seconds).toFixed(0)} answers/s`);
	console.log(
		`post → facilitator stream: p50 ${percentile(sorted, 50).toFixed(1)} ms, p95 ${percentile(sorted, 95).toFixed(1)} ms, max ${sorted.at(-1).toFixed(1)} ms`
	);
	await fetch(`${base}/api/live/${code}`, {
		method: 'DELETE',
		headers: { authorization: `Bearer ${hostToken}` }
	});
	if (answers < participants * rounds) failed = true;
} catch (e) {
	console.error(e);
	failed = true;
} finally {
	clearTimeout(watchdog);
	cleanUp();
}
process.exit(failed ? 1 : 0);
