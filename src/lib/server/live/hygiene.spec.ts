import { describe, expect, it } from 'vitest';
import {
	cleanLine,
	cleanParagraphs,
	isReservedHandle,
	maxCombiningMarks,
	maxLineBreaks,
	skeleton
} from './hygiene';

const codePoints = (s: string) => [...s].map((c) => c.codePointAt(0)!.toString(16));

describe('text hygiene for answers and handles', () => {
	it('strips C0 and C1 controls, including the 8-bit CSI, but keeps the text around them', () => {
		expect(cleanLine('a\u0000b\u0007c\u001bd\u007fe')).toBe('abcde');
		expect(cleanLine('a\u0080b\u009bc\u009fd')).toBe('abcd');
		// The review's sample: 61 c285 62 c29b 63 (NEL is a line break, CSI goes)
		expect(cleanParagraphs('a\u0085b\u009bc')).toBe('a\nbc');
	});

	it('strips bidi marks, embeddings, overrides and isolates', () => {
		const bidi = '\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069';
		expect(cleanLine(`evil${bidi}txt`)).toBe('eviltxt');
	});

	it('strips zero-width and other invisible characters', () => {
		const invisible = '\u200b\u2060\u2061\u2062\u2063\u2064\ufeff\u00ad\u180e\u3164\uffa0';
		expect(cleanLine(`Fa${invisible}c`)).toBe('Fac');
		expect(cleanLine('\u3164')).toBe('');
	});

	it('keeps joiners where writing needs them, and strips them elsewhere', () => {
		const healthWorker = '\u{1f469}\u200d\u2695\ufe0f';
		const withSkinTone = '\u{1f469}\u{1f3fd}\u200d\u2695\ufe0f';
		expect(cleanLine(healthWorker)).toBe(healthWorker);
		expect(cleanLine(withSkinTone)).toBe(withSkinTone);
		expect(cleanLine('می\u200cخواهم')).toBe('می\u200cخواهم');
		expect(cleanLine('a\u200db \u200c')).toBe('ab');
	});

	it('strips tag characters that hide text, but keeps the flags of England, Scotland and Wales', () => {
		const hidden = [...'ignore this'].map((c) => String.fromCodePoint(0xe0000 + c.charCodeAt(0)));
		expect(cleanLine(`ok${hidden.join('')}\u{e0001}`)).toBe('ok');
		const scotland = '\u{1f3f4}\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f}';
		expect(cleanLine(`Go ${scotland}`)).toBe(`Go ${scotland}`);
	});

	it('drops lone surrogates and keeps real pairs', () => {
		expect(codePoints(cleanLine('a\ud800b\udc00c'))).toEqual(['61', '62', '63']);
		expect(cleanLine('smile \u{1f600}')).toBe('smile \u{1f600}');
	});

	it('caps combining marks per character, keeping accented and Vietnamese letters whole', () => {
		const zalgo = 'Z' + '\u0301'.repeat(300);
		expect([...cleanLine(zalgo)].length).toBe(1 + maxCombiningMarks);
		expect(cleanLine('Nguyễn café')).toBe('Nguyễn café'.normalize('NFC'));
		expect(cleanLine('e\u0301')).toBe('\u00e9');
	});

	it('turns every line break into one LF in answers, and caps them', () => {
		expect(cleanParagraphs('one\rtwo\r\nthree\u2028four\u2029five')).toBe(
			'one\ntwo\nthree\nfour\nfive'
		);
		const many = Array.from({ length: 30 }, (_, i) => `line ${i}`).join('\n');
		expect(cleanParagraphs(many).split('\n')).toHaveLength(maxLineBreaks + 1);
		expect(cleanParagraphs('a\n\n\n\n\nb')).toBe('a\n\nb');
		expect(cleanParagraphs('  a  \n  ')).toBe('a');
	});

	it('makes handles one line with single spaces', () => {
		expect(cleanLine(' Night \r\n\u2028 shift\t ')).toBe('Night shift');
	});
});

describe('reserved handles', () => {
	it('sees through case, spacing, accents and look-alike letters', () => {
		expect(skeleton('  Fáci1itator (Host) ')).toBe('facilitator host');
		for (const h of [
			'Facilitator',
			'facilitator (host)',
			'HOST',
			'F.a.c.i.l.i.t.a.t.o.r',
			'Admin 1'
		])
			expect(isReservedHandle(h), h).toBe(true);
	});

	it('leaves ordinary handles alone, even with the letters of a reserved word inside', () => {
		for (const h of ['Kind Otter 42', 'Ghost Writer', 'Hostess trolley', 'Dr Amina'])
			expect(isReservedHandle(h), h).toBe(false);
	});
});
