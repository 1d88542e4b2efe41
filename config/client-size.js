// How the browser's JavaScript is split into files. Left to itself the bundler makes one file per
// set of pages that share code: for a lesson page that was 17 scripts, and on a slow hospital
// network every request costs a round trip (request budget in bench/budgets.json). We group what
// every page (or every lesson page) loads first, and leave code loaded later to the bundler:
//   app        the Svelte runtime and SvelteKit client, with the course's progress state, status
//              rules and small content helpers, and the page shell (root layout, header, error
//              page): every page, since the layout shows the learner's progress
//   journeys   the learner's journal, plans and summaries: the journal and certificate pages
//   lesson     the blocks every lesson renders with its own code (island/blocks.js) and the island
//              wrappers: every lesson page, so moving to the next lesson fetches only its own body.
//              Island blocks (Quiz, Reading, Reflection, Video, …) each load on their own as the
//              learner nears one (components/lesson/island/)
// A lesson's body and anything only it uses (an explainer, a case study) stay in their own chunk.
// The machines (xstate, progress/engine.ts) and the code that reads stored progress
// (progress/session.ts) are dynamic imports: kept out of 'app' below, the bundler gives each its
// own lazy file, as it would with no groups at all.
import { fileURLToPath } from 'node:url';
import { parseSync } from 'vite';
import { inlineBlocks } from '../src/lib/components/lesson/island/blocks.js';

// Loaded on use, never with a page: the machines, the progress engine and the rules only they and
// the blocks apply (scoring, word counts, completion); reading, repairing,
// migrating and merging stored progress; the notices about damaged or full storage; quiz feedback and the video player's behaviour; the
// in-memory progress of the component gallery and presenter; asking to keep storage (persist.ts,
// from the data controls and the keep-a-copy note); caption timing (only the player
// uses it) and the lesson-body loader (only the lesson and presenter routes). 'app' would otherwise take them
// into the file every page loads.
const onUse =
	/src[\\/]lib[\\/](machines[\\/](\w+Machine|assessment|completion)\.ts|progress[\\/](engine|session|envelope|migrate|merge|reconcile|notice-strings|backups|persist|timed)\.ts|components[\\/]lesson[\\/](quiz[\\/]Feedback\.svelte|video[\\/](Embed\.svelte|player\.ts|media\.ts))|progress[\\/]memory\.svelte\.ts|content[\\/](vtt|lesson-bodies)\.ts)$/;

const inlineBlock = new RegExp(
	`src[\\\\/]lib[\\\\/](components[\\\\/]lesson[\\\\/]((${inlineBlocks.join('|')})\\.svelte|island[\\\\/]|video[\\\\/]embed\\.ts|context\\.ts)|content[\\\\/]lesson-bodies\\.ts)`
);
// Svelte's {@html} block: only lesson bodies use it in the browser (content/lesson-prose.js), so it
// comes with them rather than with the framework every page loads.
const htmlBlock =
	/node_modules[\\/]svelte[\\/]src[\\/]internal[\\/]client[\\/]dom[\\/]blocks[\\/]html\.js$/;

const framework = (/** @type {string} */ id) =>
	!htmlBlock.test(id) &&
	/node_modules[\\/](svelte|@sveltejs[\\/]kit|esm-env|devalue|clsx)[\\/]|vite[\\/]preload-helper|rolldown[\\/]runtime|^\0rolldown/.test(
		id
	);
const course = (/** @type {string} */ id) =>
	/src[\\/]lib[\\/](progress|machines|content)[\\/]/.test(id) && !onUse.test(id);
// What every page renders around its content: SvelteKit's root component, the root layout with the
// header parts it always shows, and the error page (the client loads it at start, to show errors
// even offline). In their own files they only import 'app' back, and the import lists cost more
// than they hold: 0.7 KB of every page's first-load JS (bench/budgets.json). In an LMS package the
// layout's launcher and the connection state come too.
const shell = (/** @type {string} */ id) =>
	/generated[\\/]root\.(svelte|js)$|src[\\/]routes[\\/]\+(layout|error)\.svelte$|src[\\/]lib[\\/](components[\\/](site[\\/]HeaderSearch|progress[\\/]CourseMeter)\.svelte|lms[\\/](launch|adapter|scorm|cmi5|dialects|find-api|cmi5-statements|lms-state\.svelte)\.ts)$/.test(
		id
	);

const groups = [
	{
		// Framework and course in one file: every page loads both, and one file compresses better than
		// two that import each other by name (0.5 KB gzip less, and one request fewer). The price is
		// that a change to the course code changes this file too; the offline worker fetches it again.
		name: 'app',
		priority: 3,
		test: (/** @type {string} */ id) => framework(id) || course(id) || shell(id)
	},
	{
		name: 'journeys',
		priority: 1,
		// The learner's records (journal, plans, lesson summaries) that the home page, the journal and
		// the certificate share: one file rather than three small ones. Not the export/import checks,
		// which load when used. The backup slots (progress/backups.ts) come here too: the journal
		// extras back up with them, and on other pages they load only when a copy is made.
		test: /src[\\/]lib[\\/](journeys[\\/](?!transfer\.ts|device-transfer\.ts|summary\.ts|[^\\/]+\.server\.ts)[^\\/]+|progress[\\/]backups\.ts)$/
	},
	{
		name: 'lesson',
		priority: 1,
		// The inline blocks and the island wrappers. Island blocks (Quiz, Reading, …) are left out:
		// each loads in its own file as the learner nears it. video/embed.ts is here because the
		// lesson route imports it: that makes this file (and its styles, inlined) part of the route
		// itself rather than one more request after it. The lesson context and the body loader, which
		// the lesson and presenter routes share, come here for the same reason.
		test: (/** @type {string} */ id) =>
			inlineBlock.test(id) || htmlBlock.test(id) || id.includes('.island.svelte'),
		minShareCount: 2
	}
];

/** @returns {import('vite').Plugin} */
function clientChunks() {
	return {
		name: 'course:client-chunks',
		apply: 'build',
		// Runs after SvelteKit's config hook, which marks the server build with build.ssr.
		enforce: 'post',
		config(config) {
			if (config.build?.ssr) return;
			// scripts/measure-blocks.js measures what one component adds to a lesson page; with every
			// shared component in one 'lesson' file, any lesson would load all of them, so it builds
			// without that group.
			const chosen = process.env.LESSON_BLOCKS_UNGROUPED
				? groups.filter((g) => g.name !== 'lesson')
				: groups;
			return { build: { rollupOptions: { output: { codeSplitting: { groups: chosen } } } } };
		}
	};
}

const lessonFile = /[\\/]lessons[\\/][^\\/]+[\\/]index\.md$/;

/**
 * In the browser build only, drops a lesson's YAML frontmatter before mdsvex sees it. mdsvex turns it
 * into a `metadata` object destructured at module level, which no bundler can remove, so every lesson
 * body shipped its whole frontmatter (questions, answers, explanations) a second time: the page data
 * already carries it. The server build keeps it: the content index reads `metadata` there.
 * @returns {import('vite').Plugin}
 */
function stripClientFrontmatter() {
	return {
		name: 'course:strip-client-frontmatter',
		apply: 'build',
		enforce: 'pre',
		transform(code, id, options) {
			if (options?.ssr || !lessonFile.test(id)) return;
			const frontmatter = /^---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(code);
			if (!frontmatter) return;
			// Blank lines in its place keep line numbers (and so source maps) unchanged.
			const blank = frontmatter[0].replace(/[^\n]/g, '');
			return { code: blank + code.slice(frontmatter[0].length), map: null };
		}
	};
}

// SvelteKit's client reads Svelte through a namespace (`import * as svelte`, to tolerate older
// versions without some exports). The bundler then keeps every export of Svelte's entry and an
// object listing them: 0.5 KB of every page's JS. Named imports of exactly the members it reads keep
// only those. The members come from the parsed code (`svelte.x` and `const { x } = svelte`), and
// any other use of the namespace fails the build, so a member cannot be missed silently.
const kitClient =
	/node_modules[\\/]@sveltejs[\\/]kit[\\/]src[\\/]runtime[\\/]client[\\/]client\.js$/;
const svelteNamespace = "import * as svelte from 'svelte';";

/**
 * Calls `visit` with every node of `node` and its parent.
 * @param {any} node
 * @param {any} parent
 * @param {(node: any, parent: any) => void} visit
 */
function walk(node, parent, visit) {
	visit(node, parent);
	for (const value of Object.values(node)) {
		for (const child of Array.isArray(value) ? value : [value])
			if (child && typeof child.type === 'string') walk(child, node, visit);
	}
}

/**
 * The members of Svelte that `code` reads through its `svelte` namespace.
 * @param {string} code
 * @param {string} id
 * @returns {{ members: string[], unknown: number[] }} unknown: offsets of uses that are not reads
 */
export function svelteMembers(code, id) {
	const members = new Set();
	/** @type {number[]} */
	const unknown = [];
	walk(parseSync(id, code).program, null, (node, parent) => {
		if (node.type !== 'Identifier' || node.name !== 'svelte') return;
		const member = parent.type === 'MemberExpression' && !parent.computed;
		if (member && parent.property === node) return; // `x.svelte`
		if (parent.type === 'Property' && parent.key === node && !parent.shorthand) return;
		if (parent.type === 'ImportNamespaceSpecifier') return;
		if (member) members.add(parent.property.name);
		else if (
			parent.type === 'VariableDeclarator' &&
			parent.init === node &&
			parent.id.type === 'ObjectPattern' &&
			parent.id.properties.every(
				(/** @type {any} */ p) =>
					p.type === 'Property' && !p.computed && p.key.type === 'Identifier'
			)
		)
			for (const p of parent.id.properties) members.add(p.key.name);
		else unknown.push(node.start);
	});
	return { members: [...members].sort(), unknown };
}

/**
 * A build step that replaces one import line of one browser module. When the line is gone (a new
 * SvelteKit), the build warns and the module is left as it is: correct, only larger.
 * @param {string} name
 * @param {RegExp} file
 * @param {string} line
 * @param {(code: string, id: string, fail: (message: string) => never) => string} replacement
 * @returns {import('vite').Plugin}
 */
function replaceImport(name, file, line, replacement) {
	return {
		name: `course:${name}`,
		apply: 'build',
		enforce: 'pre',
		transform(code, id, options) {
			if (options?.ssr || !file.test(id)) return;
			if (!code.includes(line)) {
				this.warn(`${name}: "${line}" is no longer in ${id}; the pages may be larger`);
				return;
			}
			const fail = (/** @type {string} */ message) => this.error(`${name}: ${message}`);
			return { code: code.replace(line, replacement(code, id, fail)), map: null };
		}
	};
}

const kitNamedImports = () =>
	replaceImport('kit-named-imports', kitClient, svelteNamespace, (code, id, fail) => {
		const { members, unknown } = svelteMembers(code, id);
		if (unknown.length)
			fail(
				`SvelteKit's client uses its Svelte namespace in a way config/client-size.js cannot ` +
					`read (at offset ${unknown.join(', ')})`
			);
		const imports = members.map((name) => `${name} as __svelte_${name}`).join(', ');
		const object = members.map((name) => `${name}: __svelte_${name}`).join(', ');
		return `import { ${imports} } from 'svelte'; const svelte = { ${object} };`;
	});

// Kit's generated root.js imports asClassComponent from svelte/legacy, which turns on Svelte's
// legacy mode in every page; src/kit-root.svelte.ts does what Kit needs of it without (its note
// says how).
const kitRootWithoutLegacy = () =>
	replaceImport(
		'kit-root-without-legacy',
		/[\\/]generated[\\/]root\.js$/,
		"import { asClassComponent } from 'svelte/legacy';",
		() =>
			`import { asClassComponent } from ${JSON.stringify(fileURLToPath(new URL('../src/kit-root.svelte.ts', import.meta.url)))};`
	);

// Vite wraps every dynamic import in a helper that first loads the chunk's styles and, with module
// preloading on, its imports (0.65 KB of every page's JS, for CSP nonces, modulepreload detection and
// both kinds of preload). Module preloading is off (vite.config.ts), so only stylesheets remain:
// this helper adds each one once, waits for it, and reports a failure as Vite's does (a
// cancelable `vite:preloadError` event on window, then the error), so a chunk never runs unstyled.
const preloadHelper = '\0vite/preload-helper.js';
const stylesFirst = `const loading = {};
const failed = (error) => {
	const event = new Event('vite:preloadError', { cancelable: true });
	event.payload = error;
	window.dispatchEvent(event);
	if (!event.defaultPrevented) throw error;
};
const stylesheet = (href) =>
	[...document.getElementsByTagName('link')].some((l) => l.rel === 'stylesheet' && l.href === href)
		? undefined
		: (loading[href] ??= new Promise((resolve, reject) => {
				const link = document.createElement('link');
				link.rel = 'stylesheet';
				link.crossOrigin = '';
				link.href = href;
				link.onload = resolve;
				link.onerror = () => {
					link.remove(); // so that a later try loads it again
					reject(new Error('Unable to preload CSS for ' + href));
				};
				document.head.appendChild(link);
			}).finally(() => delete loading[href]));
export const __vitePreload = (load, deps, importerUrl) =>
	Promise.allSettled(
		(deps ?? [])
			.map((dep) => new URL(dep, importerUrl))
			.filter((url) => url.pathname.endsWith('.css'))
			.map((url) => stylesheet(url.href))
	).then((results) => {
		for (const result of results) if (result.status === 'rejected') failed(result.reason);
		return load().catch(failed);
	});`;

/** @returns {import('vite').Plugin} */
function stylesFirstPreload() {
	return {
		name: 'course:styles-first-preload',
		apply: 'build',
		enforce: 'pre',
		configResolved(config) {
			if (config.build.modulePreload !== false)
				throw new Error(
					'config/client-size.js: its preload helper loads only stylesheets, so build.modulePreload must be false'
				);
		},
		load(id) {
			if (id === preloadHelper) return stylesFirst;
		}
	};
}

/** The build settings that keep the browser's share small; see bench/budgets.json. */
export function clientSize() {
	return [
		stripClientFrontmatter(),
		kitNamedImports(),
		kitRootWithoutLegacy(),
		stylesFirstPreload(),
		clientChunks()
	];
}
