import type { ScreenCard } from '$lib/live/types';

/** Short answers (a few words) read best as a word cloud; longer ones as cards. */
const shortWords = 3;

export interface CloudWord {
	text: string;
	count: number;
}

/** Short answers grouped case-blind, most frequent first; null when any answer is long. */
export function wordCloud(cards: ScreenCard[]): CloudWord[] | null {
	if (cards.length === 0) return null;
	const counts = new Map<string, CloudWord>();
	for (const { text } of cards) {
		const words = text.trim().split(/\s+/);
		if (words.length > shortWords || text.length > 40) return null;
		const key = text.trim().toLocaleLowerCase();
		const entry = counts.get(key);
		if (entry) entry.count += 1;
		else counts.set(key, { text: text.trim(), count: 1 });
	}
	return [...counts.values()].sort((a, b) => b.count - a.count || a.text.localeCompare(b.text));
}
