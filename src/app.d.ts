// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	/** False in LMS packages, which are built without the offline service worker (vite.config.ts). */
	const __SERVICE_WORKER__: boolean;
	/** The LMS package being built ('scorm12', 'scorm2004', 'cmi5'), or '' for the web app. */
	const __PACKAGE_TARGET__: string;
	/** PUBLIC_LIVE_ORIGIN at package time: the live-session server a package links to, or ''. */
	const __LIVE_ORIGIN__: string;

	namespace App {
		// interface Error {}
		// interface Locals {}
		// interface PageData {}
		// interface PageState {}
		// interface Platform {}
	}
}

export {};
