// The one list of lesson blocks that render with the lesson's own code. Step holds every other
// block, and Term and Callout sit in the prose; every other block in components/lesson/ is an island
// (README.md here): its code loads as the learner nears it. Read by the import preprocessor
// (content/lesson-imports.js), the chunk config (config/client-size.js) and scripts/measure-blocks.js.

/** Blocks compiled into the lesson page's own code. */
export const inlineBlocks = /** @type {const} */ (['Step', 'Term', 'Callout']);

const blockFile = /[\\/]components[\\/]lesson[\\/]([A-Z]\w*)\.svelte$/;

/** The block a file is, by its name (`Quiz` for …/components/lesson/Quiz.svelte), if it is one. */
export function blockName(/** @type {string} */ filename) {
	return blockFile.exec(filename)?.[1];
}

/** Whether a block renders inline with the lesson rather than as an island. */
export function isInline(/** @type {string} */ name) {
	return /** @type {readonly string[]} */ (inlineBlocks).includes(name);
}

/** Whether a file is a lesson block that loads as an island. */
export function isIsland(/** @type {string} */ filename) {
	const name = blockName(filename);
	return name !== undefined && !isInline(name);
}
