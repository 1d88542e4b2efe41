import { createSubscriber } from 'svelte/reactivity';
import { LiveStream } from '$lib/live/stream.svelte';
import type { ScreenState } from '$lib/live/types';
import { wordCloud } from './cloud';
import { percent, secondsLeft } from '$lib/live/types';

/** The audience screen: follows the session's screen stream; it has no actions. */
export class AudienceScreen {
	readonly #code: string;
	state = $state<ScreenState>() as ScreenState;
	#stream = $state<LiveStream | undefined>();
	#skew = 0;
	#now = $state(Date.now());
	#ticking = createSubscriber(() => {
		const ticker = setInterval(() => (this.#now = Date.now()), 250);
		return () => clearInterval(ticker);
	});

	readonly connection = $derived(this.#stream?.status ?? 'connecting');
	readonly cloud = $derived(wordCloud(this.state.cards ?? []));
	readonly totalVotes = $derived(
		Object.values(this.state.tally ?? {}).reduce((sum, n) => sum + n, 0)
	);

	constructor(code: string, initial: ScreenState) {
		this.#code = code;
		this.#apply(initial);
	}

	get secondsLeft(): number | null {
		this.#ticking();
		return secondsLeft(this.state.endsAt, this.#skew, this.#now);
	}

	/** Share of the answers that chose an option, as a whole percentage. */
	share(optionId: string): number {
		return percent(this.state.tally?.[optionId] ?? 0, this.state.answered);
	}

	connect(): () => void {
		this.#stream = new LiveStream(`/api/live/${this.#code}/events?as=screen`, (event) => {
			if (event.type === 'screen') this.#apply(event.state);
		});
		return () => this.#stream?.close('ended');
	}

	#apply(state: ScreenState): void {
		this.#skew = Date.now() - state.now;
		this.state = state;
	}
}
