// Lesson authors write <Quiz />, <Video id="…" /> and friends in Markdown without import lines:
// this preprocessor adds an import for each lesson component a .md file actually uses, so a lesson
// only ships the components it needs.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isInline } from '../components/lesson/island/blocks.js';

const componentDir = fileURLToPath(new URL('../components/lesson/', import.meta.url));

// Blocks listed in island/blocks.js render inline with the lesson's own code; every other block is
// imported as `X.svelte?island` (components/lesson/island/), whose code loads as the learner nears it.

function lessonComponents() {
	return readdirSync(componentDir)
		.filter((f) => /^[A-Z]\w*\.svelte$/.test(f))
		.map((f) => f.replace(/\.svelte$/, ''));
}

/** @returns {import('svelte/compiler').PreprocessorGroup} */
export function lessonImports() {
	return {
		name: 'lesson-imports',
		markup({ content, filename }) {
			if (!filename?.endsWith('.md')) return;
			const used = lessonComponents().filter((name) => new RegExp(`<${name}[\\s/>]`).test(content));
			if (used.length === 0) return;
			const imports = used
				.map((name) => {
					const file = `$lib/components/lesson/${name}.svelte`;
					return `import ${name} from '${file}${isInline(name) ? '' : '?island'}';`;
				})
				.join('\n');
			const script = /<script(?![^>]*context=)(?![^>]*\bmodule\b)[^>]*>/.exec(content);
			if (script) {
				const at = script.index + script[0].length;
				return { code: `${content.slice(0, at)}\n${imports}\n${content.slice(at)}` };
			}
			// Keep the frontmatter first: mdsvex only reads it at the very start of the file.
			const frontmatter = /^---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(content);
			const at = frontmatter ? frontmatter[0].length : 0;
			return {
				code: `${content.slice(0, at)}<script>\n${imports}\n</script>\n${content.slice(at)}`
			};
		}
	};
}
