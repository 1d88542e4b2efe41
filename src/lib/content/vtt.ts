import type { Cue } from './assets';

const timing =
	/^((?:\d+:)?\d{1,2}:\d{2}(?:\.\d{1,3})?)\s+-->\s+((?:\d+:)?\d{1,2}:\d{2}(?:\.\d{1,3})?)/;

/** "01:02.5" or "1:01:02.500" to seconds. */
export function parseTimestamp(value: string): number {
	return value
		.split(':')
		.map(Number)
		.reduce((total, part) => total * 60 + part, 0);
}

const entities: Record<string, string> = {
	'&amp;': '&',
	'&lt;': '<',
	'&gt;': '>',
	'&nbsp;': ' ',
	'&lrm;': '',
	'&rlm;': ''
};

/** Cue text as plain text: voice, class and timestamp tags dropped, entities decoded. */
function plain(lines: string[]): string {
	return lines
		.join(' ')
		.replace(/<[^>]*>/g, '')
		.replace(/&(?:amp|lt|gt|nbsp|lrm|rlm);/g, (e) => entities[e])
		.replace(/\s+/g, ' ')
		.trim();
}

/**
 * Parses WebVTT captions or chapters into cues. Throws on a file that does not start with WEBVTT,
 * so a wrong file fails the build instead of showing an empty transcript.
 */
export function parseVtt(source: string, file = 'captions'): Cue[] {
	const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
	if (!/^WEBVTT(?:[ \t].*)?(?:\n|$)/.test(text))
		throw new Error(`${file}: expected a WebVTT file starting with "WEBVTT"`);
	const cues: Cue[] = [];
	for (const block of text.split(/\n{2,}/).slice(1)) {
		const lines = block.split('\n').filter((l) => l.trim() !== '');
		const at = lines.findIndex((l) => l.includes('-->'));
		if (at < 0 || at > 1) continue; // NOTE, STYLE and REGION blocks have no timing line
		const match = timing.exec(lines[at].trim());
		if (!match) throw new Error(`${file}: expected a cue timing like 00:01.000 --> 00:02.000`);
		const cue = { start: parseTimestamp(match[1]), end: parseTimestamp(match[2]) };
		const words = plain(lines.slice(at + 1));
		if (words) cues.push({ ...cue, text: words });
	}
	return cues;
}

/** Seconds as m:ss or h:mm:ss, for chapter and transcript times. */
export function formatTime(seconds: number): string {
	const s = Math.max(0, Math.floor(seconds));
	const h = Math.floor(s / 3600);
	const m = Math.floor((s % 3600) / 60);
	const rest = String(s % 60).padStart(2, '0');
	return h ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}
