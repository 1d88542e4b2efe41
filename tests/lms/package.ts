// The LMS packages for the end-to-end tests: built once (when missing or older than the sources)
// and read from the zip itself, as an LMS would.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { buildPackage } from '../../scripts/package.js';

const sources = [
	'src',
	'lessons',
	'static',
	'svelte.config.js',
	'vite.config.ts',
	'config',
	'scripts/package.js',
	'scripts/package-manifest.js'
];

function newest(path: string): number {
	if (!existsSync(path)) return 0;
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), 0);
}

/** The files of dist/coproduction-course-<target>.zip, by path. */
export function packageFiles(target: 'scorm12' | 'scorm2004' | 'cmi5'): Map<string, Uint8Array> {
	const zip = join('dist', `coproduction-course-${target}.zip`);
	if (!existsSync(zip) || statSync(zip).mtimeMs < Math.max(...sources.map(newest)))
		buildPackage(target, { quiet: true });
	return new Map(Object.entries(unzipSync(readFileSync(zip))));
}
