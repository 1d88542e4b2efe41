// What SvelteKit's client needs of its root component, without Svelte's legacy mode. Kit's
// generated root.js wraps the (runes-mode) root with svelte/legacy's asClassComponent for its
// `new Root({ target, props, hydrate })` and `root.$set(props)`, all it uses. Importing
// svelte/legacy turns on legacy mode for the whole app, which keeps Svelte 4's code paths in every
// page's JS; config/client-size.js puts this in its place. The props behave as asClassComponent's:
// one signal per prop, and a prop given again on $set updates even when it is the same object.
import { flushSync, hydrate, mount, type Component } from 'svelte';

class Cell {
	current = $state.raw({ value: undefined as unknown });
}

interface RootOptions {
	target: Element;
	props?: Record<string, unknown>;
	hydrate?: boolean;
	transformError?: (error: unknown) => unknown;
}

type Props = Record<string | symbol, unknown>;

export function asClassComponent(component: Component<Props>) {
	return class {
		#props: Props;

		constructor({ target, props = {}, hydrate: hydrating, transformError }: RootOptions) {
			// The cells are the signals; the map of them is never read reactively.
			// eslint-disable-next-line svelte/prefer-svelte-reactivity
			const cells = new Map<string | symbol, Cell>();
			const cell = (key: string | symbol, value: unknown) => {
				let found = cells.get(key);
				if (!found) {
					found = new Cell();
					found.current = { value };
					cells.set(key, found);
				}
				return found;
			};
			this.#props = new Proxy<Props>(
				{ ...props },
				{
					get: (target, key) => cell(key, Reflect.get(target, key)).current.value,
					has: (target, key) => {
						void cell(key, Reflect.get(target, key)).current;
						return Reflect.has(target, key);
					},
					set: (target, key, value) => {
						cell(key, value).current = { value };
						return Reflect.set(target, key, value);
					}
				}
			);
			const options = { target, props: this.#props, intro: false, transformError };
			if (hydrating) hydrate(component, options);
			else mount(component, options);
			// As asClassComponent does outside async mode: the first render completes now.
			flushSync();
		}

		$set(next: Record<string, unknown>) {
			Object.assign(this.#props, next);
		}
	};
}
