// One slide deck, shown by the presenter window and followed by its speaker-notes window. The
// presenter owns the state (slide, blank screen, revealed answer, timer) and broadcasts it; the notes
// window is a remote: its commands go to the presenter over the BroadcastChannel, and it shows what
// comes back. Both map keys to commands the same way (deckCommand).
import { on } from 'svelte/events';
import { createSubscriber } from 'svelte/reactivity';
import {
	channelName,
	formatClock,
	timerMs,
	toggleTimer,
	type DeckMessage,
	type TimerState
} from './channel';
import type { Slide } from './slides';

export type DeckCommand =
	| 'next'
	| 'prev'
	| 'first'
	| 'last'
	| 'blank'
	| 'reveal'
	| 'timer'
	| 'fullscreen'
	| 'notes'
	| 'help'
	| 'countdown'
	| 'push'
	| 'results';

/** The command a key press means, or undefined; modified keys belong to the browser. */
export function deckCommand(event: KeyboardEvent): DeckCommand | undefined {
	if (event.ctrlKey || event.metaKey || event.altKey) return;
	const key = event.key;
	if (['ArrowRight', 'ArrowDown', 'PageDown'].includes(key) || (key === ' ' && !event.shiftKey))
		return 'next';
	if (['ArrowLeft', 'ArrowUp', 'PageUp'].includes(key) || (key === ' ' && event.shiftKey))
		return 'prev';
	if (key === 'Home') return 'first';
	if (key === 'End') return 'last';
	if (key === 'b' || key === 'B' || key === '.') return 'blank';
	if (key === 'r' || key === 'R') return 'reveal';
	if (key === 't' || key === 'T') return 'timer';
	if (key === 'f' || key === 'F') return 'fullscreen';
	if (key === 'n' || key === 'N') return 'notes';
	if (key === '?') return 'help';
	if (key === 'c' || key === 'C') return 'countdown';
	if (key === 'p' || key === 'P') return 'push';
	if (key === 's' || key === 'S') return 'results';
}

export type DeckRole = 'presenter' | 'notes';

export class Deck {
	index = $state(0);
	blank = $state(false);
	revealed = $state(false);
	timer = $state<TimerState>({ elapsed: 0, runningSince: null });
	/** For the notes window: whether the presenter has answered yet. */
	connected = $state(false);
	#now = $state(Date.now());
	#channel: BroadcastChannel | undefined;
	#role: DeckRole;
	#slug: () => string;
	#slides: () => Slide[];

	// Reading the clock keeps it ticking; nothing ticks on a page that does not show it.
	#ticking = createSubscriber(() => {
		const ticker = setInterval(() => (this.#now = Date.now()), 500);
		return () => clearInterval(ticker);
	});

	constructor(role: DeckRole, slug: () => string, slides: () => Slide[]) {
		this.#role = role;
		this.#slug = slug;
		this.#slides = slides;
		// Browser only: effects never run on the server.
		$effect(() => this.#open(this.#slug()));
		if (role === 'presenter')
			$effect(() => {
				this.#broadcast();
			});
	}

	get slides(): Slide[] {
		return this.#slides();
	}
	get slide(): Slide {
		return this.slides[this.index];
	}
	get nextSlide(): Slide | undefined {
		return this.slides[this.index + 1];
	}
	get clock(): string {
		this.#ticking();
		return formatClock(timerMs(this.timer, this.#now));
	}

	/** Runs a command: on the presenter it changes the deck, from the notes it asks the presenter. */
	run(command: 'next' | 'prev' | 'first' | 'last' | 'blank' | 'reveal' | 'timer' | 'reset'): void {
		if (this.#role === 'notes') {
			const message: DeckMessage | undefined =
				command === 'next' || command === 'prev'
					? { type: 'step', by: command === 'next' ? 1 : -1 }
					: command === 'first' || command === 'last'
						? { type: 'goto', index: command === 'first' ? 0 : this.slides.length - 1 }
						: command === 'blank' || command === 'reveal'
							? { type: command }
							: { type: 'timer', action: command === 'reset' ? 'reset' : 'toggle' };
			this.#channel?.postMessage(message);
			return;
		}
		if (command === 'next') this.go(this.index + 1);
		else if (command === 'prev') this.go(this.index - 1);
		else if (command === 'first') this.go(0);
		else if (command === 'last') this.go(this.slides.length - 1);
		else if (command === 'blank') this.blank = !this.blank;
		else if (command === 'reveal') this.revealed = !this.revealed;
		else if (command === 'timer') this.timer = toggleTimer(this.timer);
		else this.timer = { elapsed: 0, runningSince: null };
	}

	/** Moves to a slide (clamped); a new slide starts with its answer hidden. */
	go(to: number): void {
		const next = Math.max(0, Math.min(this.slides.length - 1, to));
		if (next !== this.index) this.revealed = false;
		this.index = next;
	}

	/** Presenter: starts the timer, as the session starts with the first slide shown. */
	start(now = Date.now()): void {
		this.timer = { elapsed: 0, runningSince: now };
	}

	#broadcast(): void {
		const message: DeckMessage = {
			type: 'state',
			index: this.index,
			blank: this.blank,
			revealed: this.revealed,
			timer: { ...this.timer }
		};
		this.#channel?.postMessage(message);
	}

	#open(slug: string): (() => void) | undefined {
		if (!('BroadcastChannel' in window)) return;
		const channel = new BroadcastChannel(channelName(slug));
		this.#channel = channel;
		const off = on(channel, 'message', (event) => {
			const message = (event as MessageEvent<DeckMessage>).data;
			if (this.#role === 'presenter') this.#command(message);
			else this.#follow(message);
		});
		if (this.#role === 'notes') channel.postMessage({ type: 'hello' } satisfies DeckMessage);
		else this.#broadcast();
		return () => {
			off();
			channel.close();
			if (this.#channel === channel) this.#channel = undefined;
		};
	}

	#command(message: DeckMessage): void {
		if (message.type === 'hello') this.#broadcast();
		else if (message.type === 'goto') this.go(message.index);
		else if (message.type === 'step') this.go(this.index + message.by);
		else if (message.type === 'blank') this.run('blank');
		else if (message.type === 'reveal') this.run('reveal');
		else if (message.type === 'timer') this.run(message.action === 'reset' ? 'reset' : 'timer');
	}

	#follow(message: DeckMessage): void {
		if (message.type !== 'state') return;
		this.connected = true;
		this.index = message.index;
		this.blank = message.blank;
		this.revealed = message.revealed;
		this.timer = message.timer;
	}
}
