// Debian's Chromium, never a downloaded browser, and the flags it needs here (see stack.md): headless
// as root, and no background networking, which would flood a closed network with refused connections.
// One place for the end-to-end tests (playwright.config.ts), the benchmark and the measuring scripts.
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const chromiumArgs = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];
