// Which LMS package this build is (set by scripts/package.js), or undefined for the web app.
// A build-time constant: in the web app every LMS branch is dropped from the bundle.
export type PackageTarget = 'scorm12' | 'scorm2004' | 'cmi5';

export const packageTarget = import.meta.env.VITE_PACKAGE_TARGET as PackageTarget | undefined;

/** Where "Start a live session" goes in a package: a configured live server, or nowhere. */
export const liveOrigin: string | undefined = import.meta.env.VITE_LIVE_ORIGIN || undefined;
