// Every piece of text a participant sends (answers and handles) is cleaned here, and only here:
// nothing invisible, nothing that reorders text, nothing that makes one card a page tall.

/** Line breaks of every kind become one `\n`: CRLF, lone CR, NEL, LS and PS. */
// eslint-disable-next-line no-control-regex
const lineBreaks = /\r\n?|[\u0085\u2028\u2029\u000b\u000c]/g;

// C0 controls but tab and LF, DEL and C1; bidi marks, embeddings, overrides and isolates;
// invisible characters: zero-width space, word joiner, invisible operators, BOM, soft hyphen,
// Mongolian vowel separator, Hangul fillers, interlinear annotation marks.
const unsafe =
	// eslint-disable-next-line no-control-regex
	/[\u0000-\u0008\u000e-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\u2060-\u2064\ufeff\u00ad\u180e\u3164\uffa0\ufff9-\ufffb]|\u115f|\u1160/g;

/** Surrogate halves without their partner: not text, and they break exports. */
const loneSurrogates = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

// ZWJ joins emoji (👩‍⚕️) and ZWNJ shapes Persian and Indic words: kept only in those places.
const strayJoiners =
	/(?<!\p{Extended_Pictographic}(?:[\u{1f3fb}-\u{1f3ff}]|\ufe0f)?)\u200d|\u200d(?!\p{Extended_Pictographic})|(?<!\p{L}\p{M}*)\u200c|\u200c(?!\p{L})/gu;

// Tag characters hide text inside a string. The one real use is the flags of England, Scotland and
// Wales (a black flag followed by tags and a cancel tag), which are kept whole.
const tagRuns = /(\u{1f3f4}[\u{e0020}-\u{e007e}]+\u{e007f})|[\u{e0000}-\u{e007f}]/gu;

/** Combining marks per base character: enough for any script, not for a tower of "Zalgo" text. */
export const maxCombiningMarks = 4;
const markTowers = new RegExp(`(\\p{M}{${maxCombiningMarks}})\\p{M}+`, 'gu');

/** Line breaks per answer: paragraphs are fine, a card hundreds of lines tall is not. */
export const maxLineBreaks = 10;

function stripInvisible(input: string): string {
	return input
		.replace(loneSurrogates, '')
		.normalize('NFC')
		.replace(lineBreaks, '\n')
		.replace(unsafe, '')
		.replace(strayJoiners, '')
		.replace(tagRuns, (_, flag: string | undefined) => flag ?? '')
		.replace(markTowers, '$1');
}

/** A handle: one line, single spaces, nothing invisible. */
export function cleanLine(input: string): string {
	return stripInvisible(input).replace(/\s+/g, ' ').trim();
}

/** An answer: at most `maxLineBreaks` line breaks (the rest become spaces), no blank-line runs. */
export function cleanParagraphs(input: string): string {
	let breaks = 0;
	return stripInvisible(input)
		.replace(/[^\S\n]+\n/g, '\n')
		.replace(/\n{3,}/g, '\n\n')
		.trim()
		.replace(/\n/g, () => (++breaks > maxLineBreaks ? ' ' : '\n'));
}

// Look-alikes that turn "Faci1itator" or a Cyrillic "Facilitаtor" back into the word they imitate.
const lookAlikes: Record<string, string> = {
	'0': 'o',
	'1': 'l',
	'3': 'e',
	'4': 'a',
	'5': 's',
	'7': 't',
	'@': 'a',
	$: 's',
	'|': 'l',
	а: 'a',
	е: 'e',
	о: 'o',
	р: 'p',
	с: 'c',
	у: 'y',
	х: 'x',
	і: 'i',
	ӏ: 'l',
	ı: 'i',
	ο: 'o',
	α: 'a'
};

/** What a handle looks like to a reader: case, accents, spacing and look-alikes ignored. */
export function skeleton(handle: string): string {
	return cleanLine(handle)
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/./gu, (c) => lookAlikes[c] ?? c)
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}

const reservedWords = new Set([
	'facilitator',
	'host',
	'moderator',
	'admin',
	'administrator',
	'presenter',
	'organiser',
	'organizer',
	'system'
]);

/** Handles that would pass for the person running the session. */
export function isReservedHandle(handle: string): boolean {
	const words = skeleton(handle).split(' ');
	return words.some((w) => reservedWords.has(w)) || reservedWords.has(words.join(''));
}
