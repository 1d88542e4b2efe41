// The one live-session store and hub of this server process, opened on first use so that neither
// the build nor prerendering touches the database.
import { env } from '$env/dynamic/private';
import { LiveHub } from './hub';
import { RateLimiter } from './rate-limit';
import type { Live } from './service';
import { LiveStore } from './store';

const day = 24 * 60 * 60 * 1000;
let live: Live | undefined;

function positive(value: string | undefined, fallback: number): number {
	const n = Number(value);
	return value && Number.isFinite(n) && n > 0 ? n : fallback;
}

export function getLive(): Live {
	if (live) return live;
	const retentionMs = positive(env.LIVE_RETENTION_DAYS, 7) * day;
	const store = new LiveStore(env.LIVE_DB_PATH || './data/live.sqlite', {
		retentionMs,
		maxParticipants: positive(env.LIVE_MAX_PARTICIPANTS, 1000)
	});
	store.purgeExpired();
	// Retention: expired sessions are also hidden from every query, so hourly deletion is enough.
	setInterval(() => store.purgeExpired(), 60 * 60 * 1000).unref();
	live = {
		store,
		hub: new LiveHub(),
		// 10 at once, then one every 2 s: plenty for a person, a brake for a script.
		participantLimit: new RateLimiter(10, 0.5),
		createLimit: new RateLimiter(positive(env.LIVE_CREATE_BURST, 20), 1 / 60),
		retentionMs
	};
	return live;
}
