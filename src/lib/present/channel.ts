// The presenter window and its speaker-notes window keep in step over a BroadcastChannel.

export interface TimerState {
	/** Milliseconds counted before the current run. */
	elapsed: number;
	/** Epoch ms when the current run started; null while paused. */
	runningSince: number | null;
}

export type DeckMessage =
	| { type: 'state'; index: number; blank: boolean; revealed: boolean; timer: TimerState }
	| { type: 'hello' }
	| { type: 'goto'; index: number }
	| { type: 'step'; by: 1 | -1 }
	| { type: 'timer'; action: 'toggle' | 'reset' }
	| { type: 'blank' }
	| { type: 'reveal' };

export function channelName(slug: string): string {
	return `present:${slug}`;
}

export function timerMs(timer: TimerState, now = Date.now()): number {
	return timer.elapsed + (timer.runningSince === null ? 0 : now - timer.runningSince);
}

export function toggleTimer(timer: TimerState, now = Date.now()): TimerState {
	return timer.runningSince === null
		? { elapsed: timer.elapsed, runningSince: now }
		: { elapsed: timerMs(timer, now), runningSince: null };
}

/** "12:05" from milliseconds; hours only when needed. */
export function formatClock(ms: number): string {
	const total = Math.floor(ms / 1000);
	const h = Math.floor(total / 3600);
	const m = Math.floor((total % 3600) / 60);
	const s = String(total % 60).padStart(2, '0');
	return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
