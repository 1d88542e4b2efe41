/// <reference types="vite/client" />

interface ImportMetaEnv {
	/** Set by scripts/package.js: which LMS package is being built. */
	readonly VITE_PACKAGE_TARGET?: 'scorm12' | 'scorm2004' | 'cmi5';
	/** PUBLIC_LIVE_ORIGIN at package time: the live-session server a package links to. */
	readonly VITE_LIVE_ORIGIN?: string;
}
