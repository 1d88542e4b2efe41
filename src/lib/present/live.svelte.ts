// The presenter deck joined to a live session (/present/<lesson>?live=CODE, in the browser that
// holds the session's host key): a question or prompt slide sends its item to the phones, and the
// slide shows its results once the facilitator shows them. Host actions are the console's own API.
import { LiveStream, postJson } from '$lib/live/stream.svelte';
import type { HostState, LiveResponse } from '$lib/live/types';
import { percent, tallyOf } from '$lib/live/types';

export class DeckLive {
	readonly code: string;
	state = $state<HostState | null>(null);
	/** Why the last action failed, shown on the controls bar. */
	error = $state('');
	#stream = $state<LiveStream | undefined>();

	readonly connection = $derived(this.#stream?.status ?? 'connecting');
	readonly tally = $derived<Record<string, number>>(
		this.state?.current?.kind === 'question'
			? tallyOf(this.state.current, this.state.responses)
			: {}
	);
	readonly shown = $derived((this.state?.responses ?? []).filter((r) => r.approved && !r.hidden));

	constructor(code: string) {
		this.code = code;
	}

	connect(): () => void {
		this.#stream = new LiveStream(`/api/live/${this.code}/events?as=host`, (event) => {
			if (event.type === 'host') this.state = event.state;
			else if (event.type === 'answer') this.#upsert(event.response);
		});
		return () => this.#stream?.close('ended');
	}

	/** Whether this item is the one on the phones now. */
	isCurrent(itemKey: string): boolean {
		return this.state?.current?.key === itemKey;
	}

	share(optionId: string): number {
		return percent(this.tally[optionId] ?? 0, this.state?.responses.length ?? 0);
	}

	act = async (body: unknown): Promise<void> => {
		this.error = '';
		try {
			await postJson(`/api/live/${this.code}/host`, body);
		} catch (e) {
			this.error = (e as Error).message;
		}
	};

	/** Sends the item to the phones, or takes it off when it is already there. */
	toggle(itemKey: string): Promise<void> {
		return this.act({ action: 'push', itemKey: this.isCurrent(itemKey) ? null : itemKey });
	}

	#upsert(response: LiveResponse): void {
		const state = this.state;
		if (!state || response.itemKey !== state.current?.key) return;
		const i = state.responses.findIndex((r) => r.participantId === response.participantId);
		if (i >= 0) state.responses[i] = response;
		else state.responses.push(response);
	}
}
