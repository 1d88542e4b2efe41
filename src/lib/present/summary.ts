// A lesson step as a projector slide: a few short points taken from its own prose (the opening
// sentence of each paragraph, never new words), its key-point callout, and compact cards for its
// readings and videos. The full text goes to the speaker notes. Pure: the caller looks up the cards.

export interface SlideCard {
	kind: 'reading' | 'video';
	id: string;
	title: string;
	/** "Batalden M et al., 2016" for a reading, the producer or "Video" for a video. */
	byline: string;
}

export interface StepSummary {
	points: string[];
	/** The step's key-point callout, as plain text. */
	key?: string;
	/** Reading and video ids in order of use. */
	cards: { kind: 'reading' | 'video'; id: string }[];
	/** Whether the step holds an interactive block (explainer, case) to open on the lesson page. */
	interactive: boolean;
	/** Every paragraph of the step as plain text, for the speaker notes. */
	text: string[];
}

/** Most points on one slide, and the longest point before it is cut at a word. */
export const maxPoints = 4;
export const maxPointChars = 150;

/** Markdown and lesson components as plain text: a term keeps its words, a link its text. */
export function plain(markdown: string): string {
	return markdown
		.replace(/<Term\b[^>]*>([\s\S]*?)<\/Term>/g, '$1')
		.replace(/<[^>]+>/g, '')
		.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/\*\*([^*]+)\*\*/g, '$1')
		.replace(/(^|[\s(])[*_]([^*_\n]+)[*_](?=[\s).,;:!?]|$)/g, '$1$2')
		.replace(/\s+/g, ' ')
		.trim();
}

/** The first sentence (two when the first is only a short lead-in), cut at a word if long. */
export function firstSentence(text: string, max = maxPointChars): string {
	const ends = [...text.matchAll(/[.!?]["”’)]?(?=\s+["“(A-Z0-9])/g)].map(
		(m) => m.index! + m[0].length
	);
	let end = ends[0] ?? text.length;
	if (end < 40 && ends[1]) end = ends[1];
	const sentence = text.slice(0, end).trim();
	if (sentence.length <= max) return sentence;
	const cut = sentence.slice(0, max - 1);
	return `${cut.slice(0, cut.lastIndexOf(' ')).replace(/[,;:–-]+$/, '')}…`;
}

/** The Markdown between <Step id="…"> and its </Step>. */
export function stepSource(body: string, stepId: string): string {
	const open = body.indexOf(`<Step id="${stepId}">`);
	if (open < 0) return '';
	const start = open + `<Step id="${stepId}">`.length;
	const end = body.indexOf('</Step>', start);
	return body.slice(start, end < 0 ? undefined : end);
}

export function summariseStep(source: string): StepSummary {
	const cards: StepSummary['cards'] = [];
	for (const m of source.matchAll(/<(Reading|Video)\b[^>]*?\bid=["']([^"']+)["'][^>]*>/g))
		cards.push({ kind: m[1] === 'Reading' ? 'reading' : 'video', id: m[2] });
	const interactive = /<(SandwichExplainer|CaseStudy)\b/.test(source);
	let key: string | undefined;
	const withoutCallouts = source.replace(
		/<Callout\b([^>]*)>([\s\S]*?)<\/Callout>/g,
		(_all, attrs: string, inner: string) => {
			const text = plain(inner);
			if (!key && /kind=["']key["']/.test(attrs)) key = text;
			return `\n\n${text}\n\n`;
		}
	);
	const blocks = withoutCallouts
		// A list item is a paragraph of its own.
		.replace(/^\s*[-*] /gm, '\n\n')
		.split(/\n\s*\n/)
		.map(plain)
		.filter((p) => p.length > 0);
	const text = blocks;
	const points = blocks
		.filter((p) => p !== key && !/^Web sources?\b/.test(p) && /[a-z]/.test(p) && p.length > 30)
		.slice(0, key ? maxPoints - 1 : maxPoints)
		.map((p) => firstSentence(p));
	return { points, ...(key ? { key: firstSentence(key, 220) } : {}), cards, interactive, text };
}
