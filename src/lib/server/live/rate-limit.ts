// A token bucket per key (a participant, or an address for session creation), kept in memory:
// limits are per server process, which is what a one-server deployment needs.
export class RateLimiter {
	private readonly buckets = new Map<string, { tokens: number; at: number }>();

	constructor(
		private readonly capacity: number,
		private readonly refillPerSecond: number,
		private readonly now: () => number = Date.now
	) {}

	/** Takes one token for key; false when the key has used up its allowance. */
	take(key: string): boolean {
		const now = this.now();
		const bucket = this.buckets.get(key) ?? { tokens: this.capacity, at: now };
		const refilled = Math.min(
			this.capacity,
			bucket.tokens + ((now - bucket.at) / 1000) * this.refillPerSecond
		);
		const allowed = refilled >= 1;
		this.buckets.set(key, { tokens: allowed ? refilled - 1 : refilled, at: now });
		if (this.buckets.size > 50_000) this.prune(now);
		return allowed;
	}

	/** Forgets full buckets, so memory stays bounded. */
	private prune(now: number): void {
		for (const [key, b] of this.buckets)
			if (b.tokens + ((now - b.at) / 1000) * this.refillPerSecond >= this.capacity)
				this.buckets.delete(key);
	}
}
