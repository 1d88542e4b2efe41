import { LiveStream, postJson } from '$lib/live/stream.svelte';
import type { LiveAnswer, ParticipantState } from '$lib/live/types';

/**
 * One participant's side of a live session: joining, the stream of what the facilitator shows,
 * the draft answer for the item on screen and sending it. The page is the form over this.
 */
export class ParticipantSession {
	readonly #code: string;
	readonly #sentMessage: string;
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
	/** The item the draft belongs to: a new item resets the draft to the stored answer. */
	#draftFor = '';

	readonly answered = $derived(this.view?.myAnswer != null);
	readonly connection = $derived(this.#stream?.status ?? 'connecting');

	constructor(code: string, sentMessage: string) {
		this.#code = code;
		this.#sentMessage = sentMessage;
	}

	/** Joins (or rejoins, by cookie) and follows the session; returns what stops following it. */
	join(): () => void {
		let closed = false;
		postJson<{ state: ParticipantState }>(`/api/live/${this.#code}/join`, {})
			.then(({ state: joined }) => {
				if (closed) return;
				this.#apply(joined);
				this.#stream = new LiveStream(`/api/live/${this.#code}/events`, (event) => {
					if (event.type === 'participant') this.#apply(event.state);
				});
			})
			.catch((e: Error) => (this.error = e.message));
		return () => {
			closed = true;
			this.#stream?.close('ended');
		};
	}

	async send(answer: LiveAnswer): Promise<void> {
		const view = this.view;
		if (!view?.current) return;
		this.error = '';
		try {
			const saved = await postJson<{ answer: LiveAnswer }>(`/api/live/${this.#code}/answer`, {
				itemKey: view.current.key,
				answer
			});
			view.myAnswer = saved.answer;
			this.message = this.#sentMessage;
		} catch (e) {
			this.error = (e as Error).message;
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
