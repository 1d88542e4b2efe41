import { createSubscriber } from 'svelte/reactivity';
import { LiveStream, NetworkError, postJson } from '$lib/live/stream.svelte';
import type { LiveAnswer, ParticipantState } from '$lib/live/types';
import { secondsLeft } from '$lib/live/types';

export interface ParticipantStrings {
	sent: string;
	/** Said when an answer could not be sent and waits on the phone. */
	queued: string;
}

/**
 * One participant's side of a live session: joining, the stream of what the facilitator shows,
 * the draft answer for the item on screen and sending it. An answer that cannot reach the server
 * waits on the phone and is sent again as soon as the stream is back. The page is the form over this.
 */
export class ParticipantSession {
	readonly #code: string;
	readonly #strings: ParticipantStrings;
	view = $state<ParticipantState | undefined>();
	#stream = $state<LiveStream | undefined>();
	/** What the last action did ("Your answer is in…"), announced politely. */
	message = $state('');
	/** Why the last action failed, shown as an alert. */
	error = $state('');
	/** The draft choice for a question on screen. */
	choice = $state<string[]>([]);
	/** The draft text for a prompt on screen. */
	text = $state('');
	/** An answer waiting for the connection. */
	queued = $state<{ itemKey: string; answer: LiveAnswer } | null>(null);
	/** The item the draft belongs to: a new item resets the draft to the stored answer. */
	#draftFor = '';
	#retry: ReturnType<typeof setTimeout> | undefined;
	#skew = 0;
	#now = $state(Date.now());
	#ticking = createSubscriber(() => {
		const ticker = setInterval(() => (this.#now = Date.now()), 250);
		return () => clearInterval(ticker);
	});

	readonly answered = $derived(this.view?.myAnswer != null);
	readonly connection = $derived(this.#stream?.status ?? 'connecting');

	constructor(code: string, strings: ParticipantStrings) {
		this.#code = code;
		this.#strings = strings;
	}

	get secondsLeft(): number | null {
		this.#ticking();
		return secondsLeft(this.view?.endsAt, this.#skew, this.#now);
	}

	/** Answers are closed: by the facilitator, by the reveal, or the countdown ran out. */
	get locked(): boolean {
		const view = this.view;
		if (!view?.current) return false;
		return (
			!!view.closed || (view.current.kind === 'question' && view.revealed) || this.secondsLeft === 0
		);
	}

	/** Joins (or rejoins, by cookie) and follows the session; returns what stops following it. */
	join(): () => void {
		let closed = false;
		const attempt = () => {
			postJson<{ state: ParticipantState }>(`/api/live/${this.#code}/join`, {})
				.then(({ state: joined }) => {
					if (closed) return;
					this.error = '';
					this.#apply(joined);
					this.#stream = new LiveStream(
						`/api/live/${this.#code}/events`,
						(event) => {
							if (event.type === 'participant') this.#apply(event.state);
						},
						() => void this.#flush()
					);
				})
				.catch((e: Error) => {
					this.error = e.message;
					// No network yet: try again, rather than leave the phone on an error.
					if (e instanceof NetworkError && !closed) this.#retry = setTimeout(attempt, 3000);
				});
		};
		attempt();
		return () => {
			closed = true;
			clearTimeout(this.#retry);
			this.#stream?.close('ended');
		};
	}

	async send(answer: LiveAnswer): Promise<void> {
		const view = this.view;
		if (!view?.current) return;
		this.error = '';
		this.queued = { itemKey: view.current.key, answer };
		if (this.connection === 'offline') {
			this.message = this.#strings.queued;
			return;
		}
		await this.#flush();
	}

	/** Sends the waiting answer, if it still answers what is on screen. */
	async #flush(): Promise<void> {
		const waiting = this.queued;
		clearTimeout(this.#retry);
		if (!waiting) return;
		if (this.view?.current?.key !== waiting.itemKey) {
			this.queued = null;
			return;
		}
		try {
			const saved = await postJson<{ answer: LiveAnswer }>(
				`/api/live/${this.#code}/answer`,
				waiting
			);
			if (this.queued === waiting) this.queued = null;
			if (this.view) this.view.myAnswer = saved.answer;
			this.message = this.#strings.sent;
		} catch (e) {
			if (e instanceof NetworkError) {
				this.message = this.#strings.queued;
				// The stream may not notice a short drop: try again on a timer as well.
				this.#retry = setTimeout(() => void this.#flush(), 5000);
			} else {
				this.queued = null;
				this.message = '';
				this.error = (e as Error).message;
			}
		}
	}

	/** Saves a new handle; whether the server took it. */
	async saveHandle(handle: string): Promise<boolean> {
		this.error = '';
		try {
			const saved = await postJson<{ handle: string }>(`/api/live/${this.#code}/handle`, {
				handle
			});
			if (this.view) this.view.handle = saved.handle;
			return true;
		} catch (e) {
			this.error = (e as Error).message;
			return false;
		}
	}

	toggle(id: string, multiple: boolean, checked: boolean): void {
		if (!multiple) this.choice = [id];
		else this.choice = checked ? [...this.choice, id] : this.choice.filter((c) => c !== id);
	}

	#apply(next: ParticipantState): void {
		if (next.now) this.#skew = Date.now() - next.now;
		const key = next.current?.key ?? '';
		if (key !== this.#draftFor) {
			this.#draftFor = key;
			const mine = next.myAnswer;
			this.choice = Array.isArray(mine) ? [...mine] : [];
			this.text = typeof mine === 'string' ? mine : '';
			this.message = '';
			this.error = '';
		}
		this.view = next;
	}
}
