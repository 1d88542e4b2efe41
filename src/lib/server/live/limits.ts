// The one rate limiter of the live sessions: fixed-window counters from rate-limiter-flexible, kept in
// the live SQLite database (table rate_limits), so a restart or a deploy does not hand every address
// a fresh allowance. A key that has used up its window is then refused from memory, without a write.
import type Database from 'better-sqlite3';
import { RateLimiterRes, RateLimiterSQLite } from 'rate-limiter-flexible';

export interface Rule {
	/** How many actions a key may take per window… */
	points: number;
	/** …and how long the window is, in seconds. */
	perSeconds: number;
}

export interface Verdict {
	allowed: boolean;
	/** Whole seconds until the key may try again (0 when allowed). */
	retryAfterS: number;
}

const table = 'rate_limits';

function ensureTable(db: Database.Database): void {
	db.exec(
		`CREATE TABLE IF NOT EXISTS ${table} (key TEXT PRIMARY KEY, points INTEGER NOT NULL DEFAULT 0, expire INTEGER)`
	);
}

function verdictOf(outcome: unknown): Verdict {
	if (outcome instanceof RateLimiterRes)
		return { allowed: false, retryAfterS: Math.max(1, Math.ceil(outcome.msBeforeNext / 1000)) };
	// A store error is not the client's fault: fail loudly rather than silently admit or refuse.
	throw outcome;
}

function sqliteLimiter(
	db: Database.Database,
	name: string,
	rule: Rule,
	blockInMemory: boolean
): RateLimiterSQLite {
	return new RateLimiterSQLite({
		storeClient: db,
		storeType: 'better-sqlite3',
		tableName: table,
		tableCreated: true,
		keyPrefix: name,
		points: rule.points,
		duration: rule.perSeconds,
		// Past its allowance a key is refused from memory for the rest of its window.
		...(blockInMemory ? { inMemoryBlockOnConsumed: rule.points + 1 } : {})
	});
}

/** Counts actions per key: `take` says whether one more is allowed now. */
export class Limiter {
	private readonly limiter: RateLimiterSQLite;

	constructor(
		db: Database.Database,
		name: string,
		readonly rule: Rule
	) {
		ensureTable(db);
		this.limiter = sqliteLimiter(db, name, rule, true);
	}

	async take(key: string): Promise<Verdict> {
		try {
			await this.limiter.consume(key);
			return { allowed: true, retryAfterS: 0 };
		} catch (outcome) {
			return verdictOf(outcome);
		}
	}
}

export interface LockoutRule extends Rule {
	/** The first lockout, in seconds; each further one within `memoryS` doubles, up to `maxLockS`. */
	firstLockS: number;
	maxLockS: number;
	/** How long past lockouts are remembered when sizing the next one. */
	memoryS: number;
}

/**
 * Misses (e.g. unknown join codes) per key: after `points` misses in a window the key is locked out
 * for `firstLockS`, then twice as long each time it happens again, so guessing gets slower and slower.
 */
export class Lockout {
	private readonly misses: RateLimiterSQLite;
	private readonly strikes: RateLimiterSQLite;

	constructor(
		db: Database.Database,
		name: string,
		readonly rule: LockoutRule
	) {
		ensureTable(db);
		// Not blocked in memory: that refusal would look like the miss that crosses the limit.
		this.misses = sqliteLimiter(db, `${name}:miss`, rule, false);
		this.strikes = new RateLimiterSQLite({
			storeClient: db,
			storeType: 'better-sqlite3',
			tableName: table,
			tableCreated: true,
			keyPrefix: `${name}:strike`,
			points: Number.MAX_SAFE_INTEGER,
			duration: rule.memoryS
		});
	}

	/** Seconds the key is still locked out for (0: not locked). */
	async lockedFor(key: string): Promise<number> {
		const res = await this.misses.get(key);
		if (!res || res.consumedPoints <= this.rule.points) return 0;
		return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
	}

	/** Records a miss; the verdict says whether the key is now locked out, and for how long. */
	async miss(key: string): Promise<Verdict> {
		try {
			await this.misses.consume(key);
			return { allowed: true, retryAfterS: 0 };
		} catch (outcome) {
			if (!(outcome instanceof RateLimiterRes)) throw outcome;
			// The miss that crosses the limit starts a lockout; later ones only see it.
			if (outcome.consumedPoints !== this.rule.points + 1) return verdictOf(outcome);
			const strike = await this.strikes.consume(key);
			const lockS = Math.min(
				this.rule.maxLockS,
				this.rule.firstLockS * 2 ** Math.min(30, strike.consumedPoints - 1)
			);
			await this.misses.block(key, lockS);
			return { allowed: false, retryAfterS: lockS };
		}
	}
}
