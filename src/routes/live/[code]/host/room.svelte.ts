import { createSubscriber } from 'svelte/reactivity';
import { LiveStream, postJson } from '$lib/live/stream.svelte';
import type { HostState, LiveResponse } from '$lib/live/types';
import { secondsLeft, tallyOf } from '$lib/live/types';

/**
 * The facilitator's side of a live session: the host state as the server streams it, the answers
 * to what is on screen (tallied, waiting for approval, approved, hidden), host actions and deleting
 * the session. The console page is wiring over this.
 */
export class HostRoom {
	readonly #code: string;
	state = $state<HostState>() as HostState;
	#stream = $state<LiveStream | undefined>();
	/** Why the last action failed, shown as an alert. */
	error = $state('');
	deleted = $state(false);
	/** This device's clock minus the server's, from the last state. */
	#skew = 0;
	#now = $state(Date.now());
	#ticking = createSubscriber(() => {
		const ticker = setInterval(() => (this.#now = Date.now()), 250);
		return () => clearInterval(ticker);
	});

	readonly connection = $derived(this.#stream?.status ?? 'connecting');
	/** Free text waiting for approval (the room does not see it yet). */
	readonly pending = $derived(this.state.responses.filter((r) => !r.approved));
	/** What the room may see: approved and not hidden. */
	readonly visible = $derived(this.state.responses.filter((r) => r.approved && !r.hidden));
	readonly hidden = $derived(this.state.responses.filter((r) => r.approved && r.hidden));
	readonly tally = $derived<Record<string, number>>(
		this.state.current?.kind === 'question' ? tallyOf(this.state.current, this.state.responses) : {}
	);
	readonly maxCount = $derived(Math.max(1, ...Object.values(this.tally)));

	constructor(code: string, initial: HostState) {
		this.#code = code;
		this.#apply(initial);
	}

	/** Whole seconds left on the current item's countdown, or null; ticks while read. */
	get secondsLeft(): number | null {
		this.#ticking();
		return secondsLeft(this.state.endsAt, this.#skew, this.#now);
	}

	/** Follows the session's host stream; returns what stops following it. */
	connect(): () => void {
		this.#stream = new LiveStream(`/api/live/${this.#code}/events?as=host`, (event) => {
			if (event.type === 'host') this.#apply(event.state);
			else if (event.type === 'answer') this.#upsert(event.response);
		});
		return () => this.#stream?.close('ended');
	}

	/** One host action (POST /api/live/CODE/host); an arrow so controls can be handed it. */
	act = async (body: unknown): Promise<void> => {
		this.error = '';
		try {
			await postJson(`/api/live/${this.#code}/host`, body);
		} catch (e) {
			this.error = (e as Error).message;
		}
	};

	/** Deletes the session and every response in it (the page asks first). */
	async remove(): Promise<void> {
		try {
			await postJson(`/api/live/${this.#code}`, undefined, 'DELETE');
			this.deleted = true;
			this.#stream?.close('ended');
		} catch (e) {
			this.error = (e as Error).message;
		}
	}

	#apply(state: HostState): void {
		if (state.now) this.#skew = Date.now() - state.now;
		this.state = state;
	}

	#upsert(response: LiveResponse): void {
		const { state } = this;
		if (response.itemKey !== state.current?.key) return;
		const i = state.responses.findIndex((r) => r.participantId === response.participantId);
		if (i >= 0) state.responses[i] = response;
		else state.responses.push(response);
	}
}
