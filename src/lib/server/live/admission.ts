// Who may start, find and join a live session, and how often: the rules, all counted by the one
// limiter in limits.ts. Addresses come from SvelteKit's getClientAddress (behind a proxy, set
// ADDRESS_HEADER and XFF_DEPTH, or every visitor shares the proxy's address: see the README).
import type Database from 'better-sqlite3';
import { Limiter, Lockout, type LockoutRule, type Rule } from './limits';

export interface AdmissionRules {
	/** New participants per client address (a venue's Wi-Fi is one address: keep it roomy). */
	joinsPerAddress: Rule;
	/** New participants per session, from all addresses together. */
	joinsPerSession: Rule;
	/** Sessions started per client address. */
	creates: Rule;
	/** Answers and handle changes per participant. */
	actions: Rule;
	/** Requests for codes that do not exist, per client address, with a growing lockout. */
	unknownCodes: LockoutRule;
}

export const defaultRules: AdmissionRules = {
	joinsPerAddress: { points: 60, perSeconds: 60 },
	joinsPerSession: { points: 150, perSeconds: 60 },
	creates: { points: 20, perSeconds: 60 * 60 },
	// 10 per 20 s: plenty for a person, a brake for a script.
	actions: { points: 10, perSeconds: 20 },
	unknownCodes: {
		points: 10,
		perSeconds: 10 * 60,
		firstLockS: 60,
		maxLockS: 24 * 60 * 60,
		memoryS: 24 * 60 * 60
	}
};

export class Admission {
	readonly joinsPerAddress: Limiter;
	readonly joinsPerSession: Limiter;
	readonly creates: Limiter;
	readonly actions: Limiter;
	readonly unknownCodes: Lockout;

	constructor(db: Database.Database, rules: AdmissionRules = defaultRules) {
		this.joinsPerAddress = new Limiter(db, 'join:address', rules.joinsPerAddress);
		this.joinsPerSession = new Limiter(db, 'join:session', rules.joinsPerSession);
		this.creates = new Limiter(db, 'create', rules.creates);
		this.actions = new Limiter(db, 'action', rules.actions);
		this.unknownCodes = new Lockout(db, 'code', rules.unknownCodes);
	}
}

/** "40 seconds", "3 minutes", "2 hours": how long to wait, for a message. */
export function waitText(seconds: number): string {
	if (seconds < 90) return `${seconds} second${seconds === 1 ? '' : 's'}`;
	if (seconds < 90 * 60) return `${Math.ceil(seconds / 60)} minutes`;
	return `${Math.ceil(seconds / 3600)} hours`;
}
