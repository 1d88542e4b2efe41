import { LiveStream, postJson } from '$lib/live/stream.svelte';
import type { HostState, LiveResponse } from '$lib/live/types';
import { tallyOf } from '$lib/live/types';

/**
 * The facilitator's side of a live session: the host state as the server streams it, the answers
 * to what is on screen (tallied, shown and hidden), host actions and deleting the session. The host
 * page and its controls are wiring over this.
 */
export class HostRoom {
	readonly #code: string;
	state = $state<HostState>() as HostState;
	#stream = $state<LiveStream | undefined>();
	/** Why the last action failed, shown as an alert. */
	error = $state('');
	deleted = $state(false);

	readonly connection = $derived(this.#stream?.status ?? 'connecting');
	readonly visible = $derived(this.state.responses.filter((r) => !r.hidden));
	readonly hidden = $derived(this.state.responses.filter((r) => r.hidden));
	readonly tally = $derived<Record<string, number>>(
		this.state.current?.kind === 'question' ? tallyOf(this.state.current, this.state.responses) : {}
	);
	readonly maxCount = $derived(Math.max(1, ...Object.values(this.tally)));

	constructor(code: string, initial: HostState) {
		this.#code = code;
		this.state = initial;
	}

	/** Follows the session's host stream; returns what stops following it. */
	connect(): () => void {
		this.#stream = new LiveStream(`/api/live/${this.#code}/events?as=host`, (event) => {
			if (event.type === 'host') this.state = event.state;
			else if (event.type === 'participants') this.state.participants = event.count;
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

	#upsert(response: LiveResponse): void {
		const { state } = this;
		if (response.itemKey !== state.current?.key) return;
		const i = state.responses.findIndex((r) => r.participantId === response.participantId);
		if (i >= 0) state.responses[i] = response;
		else state.responses.push(response);
	}
}
