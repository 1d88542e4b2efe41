// The abuse mode of `npm run bench:live -- --abuse` (see bench-live.js): real participants on
// 127.0.0.1 while scripts on other loopback source addresses flood the live API. Every loop stops at
// the deadline, and at most `maxStreams` event streams are opened.
import http from 'node:http';

const lesson = 'the-sandwich';
// The sandwich lesson's first question, now and in older builds (so a before/after run compares
// like with like); its options are read from what the phones are shown.
const questionKeys = ['check.exercise-sheet', 'check.made-in-advance'];
const codeAlphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const realCount = 20;
const lateCount = 10;
const maxStreams = 1000;

const agents = new Map();
function agentFor(localAddress) {
	let agent = agents.get(localAddress);
	if (!agent)
		agents.set(
			localAddress,
			(agent = new http.Agent({ keepAlive: true, maxSockets: 16, localAddress }))
		);
	return agent;
}

/** One HTTP request from a chosen loopback source address; resolves with status and body text. */
function request(base, { method = 'GET', path, token, body, from = '127.0.0.1' }) {
	const url = new URL(path, base);
	const data = body === undefined ? undefined : JSON.stringify(body);
	return new Promise((resolve) => {
		const req = http.request(
			url,
			{
				method,
				agent: agentFor(from),
				headers: {
					...(data
						? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) }
						: {}),
					...(token ? { authorization: `Bearer ${token}` } : {})
				}
			},
			(res) => {
				let text = '';
				res.setEncoding('utf8');
				res.on('data', (chunk) => (text += chunk));
				res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
				res.on('error', () => resolve({ status: 0, text }));
			}
		);
		req.on('error', () => resolve({ status: 0, text: '' }));
		req.setTimeout(15_000, () => req.destroy());
		req.end(data);
	});
}

const open = new Set();
/** Events received on every stream, and per source address: what the server had to write. */
const received = { total: 0, byAddress: new Map() };

/** An event stream from a source address; onEvent gets each JSON event. Resolves with the status. */
function listen(base, { path, token, from = '127.0.0.1', onEvent = () => {} }) {
	return new Promise((resolve) => {
		const req = http.get(
			new URL(path, base),
			{
				// Streams get their own sockets, so they do not hold the pool's keep-alive ones.
				agent: false,
				localAddress: from,
				headers: {
					accept: 'text/event-stream',
					...(token ? { authorization: `Bearer ${token}` } : {})
				}
			},
			(res) => {
				if (res.statusCode !== 200) {
					res.resume();
					return resolve(res.statusCode ?? 0);
				}
				open.add(req);
				const mine = received.byAddress.get(from) ?? { events: 0, open: new Set() };
				received.byAddress.set(from, mine);
				mine.open.add(req);
				let buffer = '';
				res.setEncoding('utf8');
				res.on('data', (chunk) => {
					buffer += chunk;
					let end;
					while ((end = buffer.indexOf('\n\n')) >= 0) {
						const block = buffer.slice(0, end);
						buffer = buffer.slice(end + 2);
						for (const line of block.split('\n'))
							if (line.startsWith('data: ')) {
								received.total++;
								mine.events++;
								onEvent(JSON.parse(line.slice(6)), performance.now());
							}
					}
				});
				res.on('close', () => {
					open.delete(req);
					mine.open.delete(req);
				});
				resolve(200);
			}
		);
		req.on('error', () => resolve(0));
	});
}

const randomCode = () =>
	Array.from(
		{ length: 6 },
		() => codeAlphabet[Math.floor(Math.random() * codeAlphabet.length)]
	).join('');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const percentile = (sorted, p) =>
	sorted.length
		? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
		: NaN;

class Tally {
	accepted = 0;
	refused = 0;
	failed = 0;
	/** `answered`: the statuses that count as the server doing the work (e.g. 404 for a guess). */
	constructor(answered = (status) => status >= 200 && status < 300) {
		this.answered = answered;
	}
	count(status) {
		if (this.answered(status)) this.accepted++;
		else if (status === 0) this.failed++;
		else this.refused++;
	}
}

/** Runs `workers` loops of `task` until the deadline. */
async function flood(workers, until, task) {
	await Promise.all(
		Array.from({ length: workers }, async () => {
			while (performance.now() < until) await task();
		})
	);
}

export async function runAbuse(base, { seconds }) {
	const created = await request(base, {
		method: 'POST',
		path: '/api/live/sessions',
		body: { lesson }
	});
	if (created.status !== 201)
		throw new Error(`could not start a session: ${created.status} ${created.text}`);
	const { code, hostToken } = JSON.parse(created.text);
	const api = `/api/live/${code}`;

	const sent = new Map();
	const latencies = [];
	await listen(base, {
		path: `${api}/events?as=host`,
		token: hostToken,
		onEvent: (event, at) => {
			if (event.type !== 'answer') return;
			const key = `${event.response.participantId}:${event.response.answer[0]}`;
			const t0 = sent.get(key);
			if (t0 === undefined) return;
			sent.delete(key);
			latencies.push(at - t0);
		}
	});
	let itemKey;
	for (const key of questionKeys) {
		const pushed = await request(base, {
			method: 'POST',
			path: `${api}/host`,
			token: hostToken,
			body: { action: 'push', itemKey: key }
		});
		if (pushed.status === 200) {
			itemKey = key;
			break;
		}
	}
	if (!itemKey) throw new Error(`none of ${questionKeys.join(', ')} is in ${lesson}`);
	let choices = [];

	async function joinReal() {
		const t0 = performance.now();
		const joined = await request(base, { method: 'POST', path: `${api}/join`, body: {} });
		if (joined.status !== 200)
			return { ok: false, ms: performance.now() - t0, status: joined.status };
		const { token, state } = JSON.parse(joined.text);
		if (choices.length === 0) choices = state.current.options.slice(0, 2).map((o) => o.id);
		const listening = await listen(base, { path: `${api}/events`, token });
		return { ok: listening === 200, ms: performance.now() - t0, token, id: state.participantId };
	}
	const real = [];
	for (let i = 0; i < realCount; i++) {
		const person = await joinReal();
		if (!person.ok) throw new Error(`real participant ${i} could not join before the abuse`);
		real.push(person);
	}

	const kinds = {
		joins: new Tally(),
		// A guess that gets its 404 was checked against the sessions; a 429 was not.
		unknownCodes: new Tally((status) => status === 404),
		renames: new Tally(),
		streams: new Tally()
	};
	const identities = [];
	const realAnswers = new Tally();
	const late = [];
	const started = performance.now();
	const until = started + seconds * 1000;
	const eventsBefore = new Map([...received.byAddress].map(([a, r]) => [a, r.events]));
	const totalBefore = received.total;

	const abusers = [
		// Fresh identities as fast as the server hands them out.
		flood(4, until, async () => {
			const r = await request(base, {
				method: 'POST',
				path: `${api}/join`,
				body: {},
				from: '127.0.0.2'
			});
			kinds.joins.count(r.status);
			if (r.status === 200 && identities.length < 200) identities.push(JSON.parse(r.text).token);
		}),
		// Guessing join codes.
		flood(4, until, async () => {
			const r = await request(base, {
				method: 'POST',
				path: `/api/live/${randomCode()}/join`,
				body: {},
				from: '127.0.0.3'
			});
			kinds.unknownCodes.count(r.status);
		}),
		// Every identity renames itself again and again.
		flood(4, until, async () => {
			const token = identities[Math.floor(Math.random() * identities.length)];
			if (!token) return sleep(20);
			const r = await request(base, {
				method: 'POST',
				path: `${api}/handle`,
				token,
				body: { handle: `Renamed ${Math.floor(Math.random() * 1e6)}` },
				from: '127.0.0.4'
			});
			kinds.renames.count(r.status);
		}),
		// As many event streams as it can hold, all on one identity.
		(async () => {
			while (!identities[0] && performance.now() < until) await sleep(10);
			let opened = 0;
			await flood(10, until, async () => {
				if (opened >= maxStreams) return sleep(50);
				opened++;
				kinds.streams.count(
					await listen(base, { path: `${api}/events`, token: identities[0], from: '127.0.0.5' })
				);
			});
		})()
	];

	const people = [
		// Real participants keep answering (0.4/s each, within the per-person limit).
		...real.map(async (p, i) => {
			await sleep((i * 2500) / real.length);
			for (let round = 0; performance.now() < until; round++) {
				const choice = choices[round % 2];
				sent.set(`${p.id}:${choice}`, performance.now());
				const r = await request(base, {
					method: 'POST',
					path: `${api}/answer`,
					token: p.token,
					body: { itemKey, answer: [choice] }
				});
				realAnswers.count(r.status);
				if (r.status !== 200) sent.delete(`${p.id}:${choice}`);
				await sleep(2500);
			}
		}),
		// Late arrivals walk in while the abuse is going on.
		(async () => {
			for (let i = 0; i < lateCount; i++) {
				await sleep((seconds * 1000 * 0.8) / lateCount);
				late.push(await joinReal());
			}
		})()
	];

	await Promise.all([...abusers, ...people]);
	await sleep(500);
	const elapsed = (performance.now() - started) / 1000;
	for (const agent of agents.values()) agent.destroy();

	const perSecond = (n) => (n / elapsed).toFixed(0).padStart(9);
	console.log(
		`live-session abuse benchmark on loopback (${base}), ${elapsed.toFixed(1)} s, four floods at once`
	);
	console.log('kind                    accepted/s  refused/s   accepted  refused  no answer');
	const row = (name, t) =>
		console.log(
			`${name.padEnd(22)}${perSecond(t.accepted)}  ${perSecond(t.refused)}  ${String(t.accepted).padStart(9)}  ${String(t.refused).padStart(7)}  ${String(t.failed).padStart(9)}`
		);
	row('joins (127.0.0.2)', kinds.joins);
	row('unknown codes (.3)', kinds.unknownCodes);
	row('renames (.4)', kinds.renames);
	row('streams, 1 token (.5)', kinds.streams);
	const at = (address) => received.byAddress.get(address);
	const delivered = (address) => (at(address)?.events ?? 0) - (eventsBefore.get(address) ?? 0);
	console.log(
		`event streams from .5 still open at the end: ${at('127.0.0.5')?.open.size ?? 0}; ` +
			`events the server sent during the floods: ${received.total - totalBefore} ` +
			`(${delivered('127.0.0.1')} to the facilitator and the real phones, ${delivered('127.0.0.5')} to the streams from .5)`
	);
	const sorted = [...latencies].sort((a, b) => a - b);
	console.log(
		`real participants (${realCount}, 127.0.0.1): ${realAnswers.accepted} answers accepted, ${realAnswers.refused} refused, ${realAnswers.failed} unanswered; ` +
			`answer → facilitator stream p50 ${percentile(sorted, 50).toFixed(0)} ms, p95 ${percentile(sorted, 95).toFixed(0)} ms, max ${(sorted.at(-1) ?? NaN).toFixed(0)} ms (${latencies.length} arrived)`
	);
	const lateIn = late.filter((p) => p.ok);
	const lateMs = lateIn.map((p) => p.ms).sort((a, b) => a - b);
	console.log(
		`late real participants: ${lateIn.length}/${late.length} got in (refusals: ${
			late
				.filter((p) => !p.ok)
				.map((p) => p.status)
				.join(', ') || 'none'
		}), join p95 ${percentile(lateMs, 95).toFixed(0)} ms`
	);
	// The streams stay open, so that the caller can time a SIGTERM with them.
	return {
		openStreams: () => open.size,
		closeStreams: () => {
			for (const req of open) req.destroy();
		}
	};
}
