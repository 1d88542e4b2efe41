// Node-level helpers for tests that talk to a server of their own on loopback, without a browser:
// start the built server on a free port with a throw-away database, send requests from a chosen
// loopback source address (127.0.0.2, 127.0.0.3…: on Linux all of 127/8 is the loopback interface,
// so each is a different client address to the server), and hold event streams open.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface Reply {
	status: number;
	headers: http.IncomingHttpHeaders;
	text: string;
}

export interface Server {
	base: string;
	process: ChildProcess;
	/** What the server has written to stderr so far. */
	log(): string;
	/** Sends a signal and resolves with the milliseconds until the process exited (or null at `waitMs`). */
	stop(signal?: NodeJS.Signals, waitMs?: number): Promise<number | null>;
}

function freePort(): Promise<number> {
	return new Promise((done, fail) => {
		const probe = createServer();
		probe.once('error', fail);
		probe.listen(0, '127.0.0.1', () => {
			const { port } = probe.address() as { port: number };
			probe.close(() => done(port));
		});
	});
}

/**
 * The built server (`node scripts/serve.js`, as `npm start` and the e2e webServer run it) on a free
 * port with its own database. To compare with another checkout, set LOOPBACK_SERVER_CWD to it and
 * LOOPBACK_SERVER_ENTRY to its entry (e.g. `build/index.js` for a checkout without scripts/serve.js).
 */
export async function startServer(env: Record<string, string> = {}): Promise<Server> {
	const port = await freePort();
	const base = `http://127.0.0.1:${port}`;
	const dataDir = mkdtempSync(join(tmpdir(), 'loopback-live-'));
	const cwd = process.env.LOOPBACK_SERVER_CWD ?? process.cwd();
	const entry = process.env.LOOPBACK_SERVER_ENTRY ?? 'scripts/serve.js';
	const child = spawn(process.execPath, [resolve(cwd, entry)], {
		cwd,
		env: {
			...process.env,
			BUILD_DIR: process.env.BUILD_DIR ?? 'build',
			HOST: '127.0.0.1',
			PORT: String(port),
			ORIGIN: base,
			LIVE_DB_PATH: join(dataDir, 'live.sqlite'),
			...env
		},
		stdio: ['ignore', 'ignore', 'pipe']
	});
	let log = '';
	child.stderr?.on('data', (chunk: Buffer) => {
		log += chunk.toString('utf8');
		process.stderr.write(chunk);
	});
	let exited = false;
	child.once('exit', () => {
		exited = true;
		rmSync(dataDir, { recursive: true, force: true });
	});
	for (let i = 0; ; i++) {
		if (exited) throw new Error(`the server (${entry}) exited before it listened`);
		const ok = await get(base, '/live').then(
			(r) => r.status === 200,
			() => false
		);
		if (ok) break;
		if (i > 300) throw new Error('the server did not start within 30 s');
		await new Promise((r) => setTimeout(r, 100));
	}
	return {
		base,
		process: child,
		log: () => log,
		stop(signal = 'SIGTERM', waitMs = 10_000) {
			if (exited) return Promise.resolve(0);
			const started = performance.now();
			return new Promise((done) => {
				const timer = setTimeout(() => {
					child.kill('SIGKILL');
					done(null);
				}, waitMs);
				child.once('exit', () => {
					clearTimeout(timer);
					done(performance.now() - started);
				});
				child.kill(signal);
			});
		}
	};
}

const agents = new Map<string, http.Agent>();
function agentFor(from: string): http.Agent {
	let agent = agents.get(from);
	if (!agent) {
		agent = new http.Agent({ keepAlive: true, maxSockets: 16, localAddress: from });
		agents.set(from, agent);
	}
	return agent;
}

export function closeAgents(): void {
	for (const agent of agents.values()) agent.destroy();
	agents.clear();
}

export interface RequestOptions {
	method?: string;
	token?: string;
	body?: unknown;
	/** The loopback source address (default 127.0.0.1). */
	from?: string;
	headers?: Record<string, string>;
}

/** One request; resolves with the status, headers and body text (status 0: no answer). */
export function send(base: string, path: string, options: RequestOptions = {}): Promise<Reply> {
	const { method = 'GET', token, body, from = '127.0.0.1' } = options;
	const data = body === undefined ? undefined : JSON.stringify(body);
	return new Promise((done) => {
		const req = http.request(
			new URL(path, base),
			{
				method,
				agent: agentFor(from),
				headers: {
					...(data
						? {
								'content-type': 'application/json',
								'content-length': String(Buffer.byteLength(data))
							}
						: {}),
					...(token ? { authorization: `Bearer ${token}` } : {}),
					...options.headers
				}
			},
			(res) => {
				let text = '';
				res.setEncoding('utf8');
				res.on('data', (chunk: string) => (text += chunk));
				res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, text }));
				res.on('error', () => done({ status: 0, headers: res.headers, text }));
			}
		);
		req.on('error', () => done({ status: 0, headers: {}, text: '' }));
		req.setTimeout(20_000, () => req.destroy());
		req.end(data);
	});
}

export const get = (base: string, path: string, options: RequestOptions = {}) =>
	send(base, path, { ...options, method: 'GET' });
export const post = (base: string, path: string, body: unknown, options: RequestOptions = {}) =>
	send(base, path, { ...options, method: 'POST', body });

export interface Stream {
	status: number;
	headers: http.IncomingHttpHeaders;
	/** Every JSON event received so far, oldest first. */
	events: { type: string; [key: string]: unknown }[];
	/** Whether the server has ended the stream. */
	ended(): boolean;
	/** Resolves when the server ends the stream. */
	closed: Promise<void>;
	close(): void;
}

/** Opens an event stream; resolves once the response head is in (a refusal is read whole). */
export function listen(base: string, path: string, options: RequestOptions = {}): Promise<Stream> {
	const { token, from = '127.0.0.1' } = options;
	return new Promise((done) => {
		const events: Stream['events'] = [];
		let isEnded = false;
		let markClosed: () => void = () => {};
		const closed = new Promise<void>((r) => (markClosed = r));
		const req = http.get(
			new URL(path, base),
			{
				// Each stream on its own socket, so streams never hold the pool's keep-alive sockets.
				agent: false,
				localAddress: from,
				headers: {
					accept: 'text/event-stream',
					...(token ? { authorization: `Bearer ${token}` } : {})
				}
			},
			(res) => {
				const stream: Stream = {
					status: res.statusCode ?? 0,
					headers: res.headers,
					events,
					ended: () => isEnded,
					closed,
					close: () => req.destroy()
				};
				let buffer = '';
				res.setEncoding('utf8');
				res.on('data', (chunk: string) => {
					buffer += chunk;
					let end;
					while ((end = buffer.indexOf('\n\n')) >= 0) {
						const block = buffer.slice(0, end);
						buffer = buffer.slice(end + 2);
						for (const line of block.split('\n'))
							if (line.startsWith('data: ') && stream.status === 200)
								events.push(JSON.parse(line.slice(6)));
					}
				});
				const finish = () => {
					isEnded = true;
					markClosed();
				};
				res.on('end', finish);
				res.on('close', finish);
				res.on('error', finish);
				if (stream.status === 200) done(stream);
				else res.on('end', () => done(stream));
			}
		);
		req.on('error', () => {
			isEnded = true;
			markClosed();
			done({
				status: 0,
				headers: {},
				events,
				ended: () => true,
				closed,
				close: () => {}
			});
		});
	});
}

/** Runs `task` for each of `count` items with at most `limit` in flight; results in order. */
export async function pool<T>(count: number, limit: number, task: (i: number) => Promise<T>) {
	const results: T[] = [];
	let next = 0;
	await Promise.all(
		Array.from({ length: Math.min(limit, count) }, async () => {
			while (next < count) {
				const i = next++;
				results[i] = await task(i);
			}
		})
	);
	return results;
}

/** Waits until `check` holds, polling every 50 ms, for at most `ms`. */
export async function until(check: () => boolean, ms = 5_000): Promise<boolean> {
	const end = performance.now() + ms;
	while (!check()) {
		if (performance.now() > end) return false;
		await new Promise((r) => setTimeout(r, 50));
	}
	return true;
}
