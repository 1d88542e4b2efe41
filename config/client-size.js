// How the browser's JavaScript is split into files. Left to itself the bundler makes one file per
// set of pages that share code: for a lesson page that was 17 scripts, and on a slow hospital
// network every request costs a round trip (request budget in bench/budgets.json). We group by what
// loads together instead:
//   framework  the Svelte runtime and SvelteKit client: every page
//   engine     xstate and the machines: loaded on the learner's first interaction (progress/engine.ts),
//              never on first load; it must stay out of the eager groups below or it loads at once
//   persistence  decoding, migrating and merging stored progress: loaded when something is stored
//              or the learner first acts, not on a first visit
//   course     progress state, status rules and small content helpers: every page, since the
//              layout shows the learner's progress
//   journeys   the learner's journal, plans and summaries: the home, journal and certificate pages
//   lesson     the blocks every lesson renders with its own code (Step, Term, Callout) and the island
//              wrappers: every lesson page, so moving to the next lesson fetches only its own body.
//              Island blocks (Quiz, Reading, Reflection, Video, …) each load on their own as the
//              learner nears one (components/lesson/island/)
// A lesson's body and anything only it uses (an explainer, a case study) stay in their own chunk.

// Reading, repairing, migrating and merging stored progress (progress/session.ts and what only it
// uses): loaded when there is stored progress or the learner first saves something, so a first visit
// does not fetch it (progress.svelte.ts).
const persistence = /src[\\/]lib[\\/]progress[\\/](session|envelope|migrate|merge|reconcile)\.ts$/;

// Lesson-block code loaded on use (quiz feedback, the video player and its behaviour) and the
// in-memory progress of the component gallery and presenter: never in what every page loads.
const onUse =
	/src[\\/]lib[\\/](components[\\/]lesson[\\/](quiz[\\/]Feedback\.svelte|video[\\/](Embed\.svelte|player\.ts|media\.ts))|progress[\\/]memory\.svelte\.ts)$/;

const groups = [
	{
		name: 'framework',
		priority: 3,
		test: /node_modules[\\/](svelte|@sveltejs[\\/]kit|esm-env|devalue|clsx)[\\/]|vite[\\/]preload-helper|rolldown[\\/]runtime|^\0rolldown/
	},
	{
		name: 'engine',
		// Below 'course', so the rules and helpers the machines share with eager code are taken by
		// 'course' first and not pulled into this lazy chunk as the machines' dependencies.
		priority: 1.5,
		test: /node_modules[\\/]xstate[\\/]|src[\\/]lib[\\/]machines[\\/]\w+Machine\.ts|src[\\/]lib[\\/]progress[\\/]engine\.ts/
	},
	{
		name: 'persistence',
		// Below 'course' for the same reason as 'engine': a group also takes its modules' dependencies,
		// and the status rules these share with eager code must stay in 'course'.
		priority: 1.8,
		test: persistence
	},
	{
		name: 'course',
		priority: 2,
		test: (/** @type {string} */ id) =>
			/src[\\/]lib[\\/](progress|machines|content)[\\/](?!\w+Machine\.ts|engine\.ts)/.test(id) &&
			!persistence.test(id) &&
			!onUse.test(id)
	},
	{
		name: 'journeys',
		priority: 1,
		// The learner's records (journal, plans, lesson summaries) that the home page, the journal and
		// the certificate share: one file rather than three small ones. Not the export/import checks,
		// which load when used.
		test: /src[\\/]lib[\\/]journeys[\\/](?!transfer\.ts|[^\\/]+\.server\.ts)[^\\/]+$/
	},
	{
		name: 'lesson',
		priority: 1,
		// The blocks that render with the lesson's own code and the island wrappers. Island blocks
		// (Quiz, Reading, …) are left out: each loads in its own file as the learner nears it.
		// video/embed.ts is here because the lesson route imports it: that makes this file (and its
		// styles, inlined) part of the route itself rather than one more request after it.
		test: /src[\\/]lib[\\/]components[\\/]lesson[\\/]((Step|Term|Callout)\.svelte|island[\\/]|video[\\/]embed\.ts)|^\0island:/,
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

/** The build settings that keep the browser's share small; see bench/budgets.json. */
export function clientSize() {
	return [stripClientFrontmatter(), clientChunks()];
}
