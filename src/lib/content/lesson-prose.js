// A lesson body is a compiled Svelte component, so without this its prose would reach the browser
// twice on first load: as the prerendered HTML and again as template strings in the body's
// JavaScript, which hydration never reads (it adopts the HTML already on the page). In a production
// build this preprocessor (after mdsvex) replaces each long run of static markup with
// `{@html __prose(i)}` and moves the markup into a module of its own:
//   - the server renders it from there, so the HTML is as before;
//   - the browser's body module gets only a loader: while the page hydrates the run's HTML is
//     adopted as it stands, and before a body is rendered anew (client navigation, the presenter)
//     `loadProse()` fetches the runs, so a lesson's prose is downloaded as JavaScript only when it
//     is drawn by the browser.
// Runs keep components (Term, Step, islands) and anything with an expression out, so every block
// and its hydration work as before. A term's plain words become a string prop (termWordsAsText). Dev and tests compile bodies as they are (no runs, no loader).
import { parse } from 'svelte/compiler';

const lessonBody = /[\\/]lessons[\\/][^\\/]+[\\/]index\.md$/;
const virtualPrefix = 'virtual:lesson-prose?';
const stringsPrefix = 'virtual:lesson-prose-strings?';
/** Shorter runs cost more in the `{@html}` call than their markup saves. */
const minRunLength = 50;

// On globalThis because vite.config.ts (bundled by Vite) and svelte.config.js (imported by the
// Svelte plugin) each load their own copy of this file.
const globalStore = /** @type {Record<string, unknown>} */ (/** @type {unknown} */ (globalThis));

/**
 * What the preprocessor and the Vite plugin share: whether this is a production build, and the runs
 * of each lesson body by file (written by the preprocessor, read by the module loader).
 * @type {{ enabled: boolean, runsByFile: Map<string, string[]> }}
 */
const shared = /** @type {any} */ (
	globalStore.__lessonProse ??= { enabled: false, runsByFile: new Map() }
);

/** @param {any} node */
function isStatic(node) {
	if (node.type === 'Text' || node.type === 'Comment') return true;
	if (node.type !== 'RegularElement') return false;
	if (/^(script|style|textarea|select|pre)$/i.test(node.name)) return false;
	const plainAttributes = node.attributes.every(
		(/** @type {any} */ a) =>
			a.type === 'Attribute' &&
			(a.value === true ||
				(Array.isArray(a.value) && a.value.every((/** @type {any} */ v) => v.type === 'Text')))
	);
	return plainAttributes && node.fragment.nodes.every(isStatic);
}

const blank = (/** @type {any} */ node) => node.type === 'Text' && node.data.trim() === '';

/**
 * The source ranges of the static runs in a fragment, recursing into what is not static.
 * @param {any[]} nodes
 * @param {[number, number][]} out
 */
function collectRuns(nodes, out) {
	/** @type {any[]} */
	let run = [];
	const flush = () => {
		while (run.length && blank(run[0])) run.shift();
		while (run.length && blank(run[run.length - 1])) run.pop();
		if (run.length && run.some((n) => n.type === 'RegularElement' || !blank(n))) {
			const start = run[0].start;
			const end = run[run.length - 1].end;
			if (end - start >= minRunLength) out.push([start, end]);
		}
		run = [];
	};
	for (const node of nodes) {
		if (isStatic(node)) {
			run.push(node);
			continue;
		}
		flush();
		const children = node.fragment?.nodes;
		if (children && (node.type === 'RegularElement' || node.type === 'Component'))
			collectRuns(children, out);
	}
	flush();
}

/** Words a reader sees as they are: no markup, expression or entity to decode. */
const plainWords = /^[^<>{}&]+$/;

/**
 * `<Term id="x">words</Term>` → `<Term id="x" text={"words"} />`: the same term, but its words are a
 * string prop rather than a snippet, which costs the body's script a function per term.
 * @param {string} content
 */
export function termWordsAsText(content) {
	const ast = parse(content, { modern: true });
	/** @type {{ start: number, end: number, code: string }[]} */
	const edits = [];
	/** @param {any[]} nodes */
	const visit = (nodes) => {
		for (const node of nodes) {
			const kids = node.fragment?.nodes ?? [];
			const only = kids.length === 1 ? kids[0] : undefined;
			if (
				node.type === 'Component' &&
				node.name === 'Term' &&
				only?.type === 'Text' &&
				plainWords.test(only.data) &&
				!node.attributes.some((/** @type {any} */ a) => a.name === 'text')
			) {
				const open = content.slice(node.start, only.start).replace(/>$/, '');
				edits.push({
					start: node.start,
					end: node.end,
					code: `${open} text={${JSON.stringify(only.data)}} />`
				});
			} else visit(kids);
		}
	};
	visit(ast.fragment.nodes);
	for (const edit of edits.reverse())
		content = content.slice(0, edit.start) + edit.code + content.slice(edit.end);
	return content;
}

/**
 * The lesson body with its runs replaced, and the runs' markup; undefined when it has none.
 * @param {string} content mdsvex's output
 * @param {string} filename
 */
export function extractProse(content, filename) {
	const ast = parse(content, { modern: true });
	/** @type {[number, number][]} */
	const ranges = [];
	collectRuns(ast.fragment.nodes, ranges);
	if (ranges.length === 0) return undefined;
	const runs = ranges.map(([start, end]) => content.slice(start, end));
	let code = '';
	let at = 0;
	ranges.forEach(([start, end], i) => {
		code += `${content.slice(at, start)}{@html __prose(${i})}`;
		at = end;
	});
	code += content.slice(at);
	const source = JSON.stringify(virtualPrefix + filename);
	const imports =
		`import { prose as __prose, loadProse as __loadProse } from ${source};\n` +
		`export const loadProse = __loadProse;\n`;
	const moduleScript = /<script[^>]*(context=["']module["']|\bmodule\b)[^>]*>/.exec(code);
	code = moduleScript
		? `${code.slice(0, moduleScript.index + moduleScript[0].length)}\n${imports}${code.slice(moduleScript.index + moduleScript[0].length)}`
		: `<script module>\n${imports}</script>\n${code}`;
	return { code, runs };
}

/** @returns {import('svelte/compiler').PreprocessorGroup} */
export function lessonProse() {
	return {
		name: 'lesson-prose',
		markup({ content, filename }) {
			if (!filename?.endsWith('.md')) return;
			// Markdown compiles in runes mode (svelte.config.js), where the module script is
			// `<script module>`; mdsvex writes the legacy form.
			const body = content.replace(/<script context=["']module["']>/, '<script module>');
			if (!lessonBody.test(filename)) return { code: body };
			const extracted = shared.enabled ? extractProse(termWordsAsText(body), filename) : undefined;
			if (!extracted) return { code: body };
			shared.runsByFile.set(filename, extracted.runs);
			return { code: extracted.code };
		}
	};
}

/** @returns {import('vite').Plugin} */
export function lessonProseModules() {
	return {
		name: 'course:lesson-prose',
		enforce: 'pre',
		configResolved(config) {
			shared.enabled = config.command === 'build' && !process.env.VITEST;
		},
		resolveId(source) {
			if (source.startsWith(virtualPrefix) || source.startsWith(stringsPrefix))
				return `\0${source}`;
		},
		load(id, options) {
			if (!id.startsWith('\0virtual:lesson-prose')) return;
			const strings = id.startsWith(`\0${stringsPrefix}`);
			const file = id.slice((strings ? stringsPrefix : virtualPrefix).length + 1);
			const runs = shared.runsByFile.get(file);
			if (!runs) this.error(`lesson-prose: no runs recorded for ${file}`);
			if (strings) return `export default ${JSON.stringify(runs)};`;
			if (options?.ssr)
				return (
					`const runs = ${JSON.stringify(runs)};\n` +
					`export const prose = (i) => runs[i];\n` +
					`export async function loadProse() {}\n`
				);
			// Any non-empty value makes `{@html}` adopt the prerendered run while hydrating.
			return (
				`let runs;\n` +
				`export const prose = (i) => (runs ? runs[i] : ' ');\n` +
				`export async function loadProse() {\n` +
				`\truns ??= (await import(${JSON.stringify(stringsPrefix + file)})).default;\n` +
				`}\n`
			);
		}
	};
}
