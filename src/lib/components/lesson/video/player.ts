// What the video's chapters and transcript do once the learner reaches for them: seeking, the
// spoken line following playback, transcript search, and "watched" once 90% has been played.
// Video.svelte loads this on the first pointer or focus inside the player, or when playback starts;
// until then the server-rendered markup already works (native controls, captions, chapter list and
// transcript text), so nothing is missing while it loads.

export interface Player {
	/** Jumps to a time, plays from there and marks the chapter and line there. */
	seek(seconds: number): void;
	/** Shows only transcript lines containing `query`, with the matches marked; returns how many. */
	search(query: string): number;
}

/** Seconds actually played (seeking past does not count), so "watched" means watched. */
function playedSeconds(media: HTMLVideoElement): number {
	let total = 0;
	for (let i = 0; i < media.played.length; i++)
		total += media.played.end(i) - media.played.start(i);
	return total;
}

/** `text` as text nodes with each occurrence of `needle` in a <mark>; never parsed as HTML. */
function marked(text: string, needle: string): (string | Node)[] {
	if (!needle) return [text];
	const out: (string | Node)[] = [];
	const lower = text.toLowerCase();
	let at = 0;
	for (let i = lower.indexOf(needle); i >= 0; i = lower.indexOf(needle, at)) {
		const mark = document.createElement('mark');
		mark.textContent = text.slice(i, i + needle.length);
		out.push(text.slice(at, i), mark);
		at = i + needle.length;
	}
	out.push(text.slice(at));
	return out;
}

/**
 * Wires up a player rendered by Video.svelte: timed buttons carry data-start and data-end (seconds),
 * transcript lines are the <li> of `.lines`, each with its words in `.words`.
 */
export function attach(root: HTMLElement, video: HTMLVideoElement, onplayed: () => void): Player {
	const timed = [...root.querySelectorAll<HTMLElement>('[data-start]')];
	const list = root.querySelector<HTMLElement>('.lines');
	const lines = [...(list?.children ?? [])] as HTMLElement[];
	const words = lines.map((line) => line.querySelector<HTMLElement>('.words'));
	const texts = words.map((w) => w?.textContent?.trim() ?? '');

	function sync() {
		const now = video.currentTime;
		for (const button of timed) {
			const current = now >= Number(button.dataset.start) && now < Number(button.dataset.end);
			if (current === button.hasAttribute('aria-current')) continue;
			if (current) button.setAttribute('aria-current', 'true');
			else button.removeAttribute('aria-current');
			// Keep the spoken line visible inside the transcript box without scrolling the page.
			const line = button.parentElement;
			if (current && list && line?.parentElement === list && list.closest('details')?.open) {
				const top = line.offsetTop - list.offsetTop;
				if (top < list.scrollTop || top + line.offsetHeight > list.scrollTop + list.clientHeight)
					list.scrollTop = top - list.clientHeight / 3;
			}
		}
		const { duration } = video;
		if (Number.isFinite(duration) && duration > 0 && playedSeconds(video) >= 0.9 * duration)
			onplayed();
	}

	for (const type of ['timeupdate', 'seeked', 'ended']) video.addEventListener(type, sync);
	sync();

	return {
		seek(seconds) {
			video.currentTime = seconds;
			sync();
			void video.play().catch(() => {
				// Autoplay rules may refuse; the learner can still press play.
			});
		},
		search(query) {
			const needle = query.trim().toLowerCase();
			let count = 0;
			lines.forEach((line, i) => {
				const shown = !needle || texts[i].toLowerCase().includes(needle);
				line.hidden = !shown;
				if (shown) count++;
				words[i]?.replaceChildren(...marked(texts[i], shown ? needle : ''));
			});
			return count;
		}
	};
}
