// The one live-session store and hub of this server process, opened on first use so that neither
// the build nor prerendering touches the database. Every limit can be set in the environment
// (README, "Running it on the internet").
import { env } from '$env/dynamic/private';
import { Admission, defaultRules } from './admission';
import { LiveHub } from './hub';
import type { Live } from './service';
import { LiveStore } from './store';

const hour = 60 * 60 * 1000;
const day = 24 * hour;
const mb = 1024 * 1024;
let live: Live | undefined;

function positive(value: string | undefined, fallback: number): number {
	const n = Number(value);
	return value && Number.isFinite(n) && n > 0 ? n : fallback;
}

export function getLive(): Live {
	if (live) return live;
	const retentionMs = positive(env.LIVE_RETENTION_DAYS, 7) * day;
	const maxParticipants = positive(env.LIVE_MAX_PARTICIPANTS, 1000);
	const store = new LiveStore(env.LIVE_DB_PATH || './data/live.sqlite', {
		retentionMs,
		maxParticipants,
		idleMs: positive(env.LIVE_IDLE_HOURS, 4) * hour,
		maxSessionBytes: positive(env.LIVE_SESSION_MAX_MB, 5) * mb,
		maxSessionResponses: positive(env.LIVE_SESSION_MAX_RESPONSES, 20_000),
		maxDbBytes: positive(env.LIVE_DB_MAX_MB, 1024) * mb
	});
	store.purgeExpired();
	// Retention: expired sessions are also hidden from every query, so hourly deletion is enough.
	setInterval(() => store.purgeExpired(), hour).unref();
	const perMinute = (value: string | undefined, fallback: number) => ({
		points: positive(value, fallback),
		perSeconds: 60
	});
	const admission = new Admission(store.db, {
		...defaultRules,
		joinsPerAddress: perMinute(env.LIVE_JOINS_PER_ADDRESS, defaultRules.joinsPerAddress.points),
		joinsPerSession: perMinute(env.LIVE_JOINS_PER_SESSION, defaultRules.joinsPerSession.points),
		creates: {
			points: positive(env.LIVE_CREATES_PER_HOUR, defaultRules.creates.points),
			perSeconds: 3600
		}
	});
	const hub = new LiveHub({
		perParticipant: positive(env.LIVE_STREAMS_PER_PARTICIPANT, 3),
		perAddress: positive(env.LIVE_STREAMS_PER_ADDRESS, 300),
		perSession: maxParticipants + 20
	});
	// Event streams never end by themselves, so a graceful stop would wait for them until its
	// timeout: end them as soon as the server is told to stop (browsers reconnect to the next one).
	// Only where a server already handles the signal (adapter-node, server.js): a listener of our
	// own would otherwise stop the signal from ending the process at all.
	for (const signal of ['SIGTERM', 'SIGINT'] as const)
		if (process.listenerCount(signal) > 0) process.once(signal, () => hub.closeAll());
	live = { store, hub, admission, retentionMs, coalesceMs: 100, pending: new Map() };
	return live;
}
