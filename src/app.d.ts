// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	/** False in LMS packages, which are built without the offline service worker (vite.config.ts). */
	const __SERVICE_WORKER__: boolean;

	namespace App {
		// interface Error {}
		// interface Locals {}
		// interface PageData {}
		// interface PageState {}
		// interface Platform {}
	}
}

export {};
