/**
 * The course's ipywidgets (cases, practice questions, the model explorer, the progress view) in JupyterLab.
 *
 * 1. A reopened notebook on a new kernel: JupyterLab's widget renderer shows the English "Error displaying
 *    widget: model not found". Every course widget stores a Dutch note beside its view (MIME type NOTE_MIME,
 *    written by veerkracht_lib/live.py), and this module shows that note instead, and a Dutch text while loading.
 * 2. Keyboard and screen readers (the widgets are built in Python and cannot set ARIA or focus themselves):
 *    - the options are a group labelled by the step's question (role=group, aria-labelledby);
 *    - elements with class vk-live become polite live regions (the feedback of a choice is announced);
 *    - after a choice, focus moves to the new step's first option (or to the ending) and it is scrolled into view;
 *    - auto-repeated keys, and Enter/Space right after focus moved to a new step, are ignored, so one key press
 *      can never answer two steps (the Python side also ignores clicks on buttons of an earlier step);
 *    - Shift+Tab from the cell below lands on the first option: a focus catcher at the end of the widget passes
 *      focus on to it (the widget's keyboard hint says so). It leaves the tab order while focus is inside.
 * The DOM is built from text only (textContent), never from HTML.
 */

import { JupyterFrontEnd, JupyterFrontEndPlugin } from '@jupyterlab/application';
import { INotebookTracker } from '@jupyterlab/notebook';
import { IRenderMimeRegistry } from '@jupyterlab/rendermime';
import { IRenderMime } from '@jupyterlab/rendermime-interfaces';

export const WIDGET_VIEW_MIME = 'application/vnd.jupyter.widget-view+json';
export const NOTE_MIME = 'application/vnd.veerkracht.widget-note.v1+json';
const ROOTS = '.veerkracht-case, .veerkracht-practice, .veerkracht-explorer, .veerkracht-progress';
const PATCHED = Symbol('veerkracht-widgets');
/** How long after a click or key press a new step still takes the focus (ms). */
const FOLLOW_MS = 15000;
/** Enter or Space this soon after focus moved to a new step is a repeat of the last press (ms). */
const GUARD_MS = 400;

interface INote {
  title: string;
  note: string;
  loading?: string;
}

interface IRootState {
  pendingSince: number;
  firstOption: Element | null;
  ending: Element | null;
  movedAt: number;
  blockedKeyUp: boolean;
}

const states = new WeakMap<HTMLElement, IRootState>();

function stateOf(root: HTMLElement): IRootState {
  let state = states.get(root);
  if (!state) {
    state = { pendingSince: 0, firstOption: null, ending: null, movedAt: 0, blockedKeyUp: false };
    states.set(root, state);
  }
  return state;
}

/** The Dutch note that stands in for a course widget whose model is gone. */
export function noteElement(note: INote): HTMLElement {
  const box = document.createElement('div');
  box.className = 'vk-widget-note';
  box.setAttribute('role', 'note');
  const title = document.createElement('p');
  const strong = document.createElement('strong');
  strong.textContent = note.title;
  title.append(strong);
  const text = document.createElement('p');
  text.textContent = note.note;
  box.append(title, text);
  return box;
}

function isModelError(node: HTMLElement): boolean {
  const text = node.textContent ?? '';
  return node.querySelector('.jupyter-widgets, .lm-Widget') === null && text.startsWith('Error displaying widget');
}

function visibleOption(root: HTMLElement): HTMLButtonElement | null {
  const buttons = root.querySelectorAll<HTMLButtonElement>('.vk-options .vk-option');
  for (const button of Array.from(buttons)) {
    if (!button.disabled && button.offsetParent !== null) {
      return button;
    }
  }
  return buttons.length ? buttons[0] : null;
}

function moveFocus(root: HTMLElement, target: HTMLElement): void {
  const state = stateOf(root);
  target.focus({ preventScroll: true });
  target.scrollIntoView({ block: 'center', inline: 'nearest' });
  state.movedAt = performance.now();
}

/** Make one course widget's DOM accessible; safe to call again after every change. */
export function enhance(root: HTMLElement): void {
  const state = stateOf(root);
  const label = root.querySelector<HTMLElement>('.vk-prompt-label');
  const options = root.querySelector<HTMLElement>('.vk-options');
  if (options) {
    options.setAttribute('role', 'group');
    if (label?.id) {
      options.setAttribute('aria-labelledby', label.id);
    } else {
      options.removeAttribute('aria-labelledby');
    }
  }
  root.querySelectorAll<HTMLElement>('.vk-live').forEach(live => {
    if (live.getAttribute('aria-live') !== 'polite') {
      live.setAttribute('role', 'status');
      live.setAttribute('aria-live', 'polite');
      live.setAttribute('aria-atomic', 'true');
    }
  });
  if (!options) {
    return;
  }
  // the focus catcher: last in the widget, so Shift+Tab from the cell below lands on it and passes on
  const hint = root.querySelector<HTMLElement>('[data-vk-first]');
  let catcher = root.querySelector<HTMLElement>(':scope > .vk-focus-catcher');
  if (!catcher && hint) {
    catcher = document.createElement('span');
    catcher.className = 'vk-focus-catcher';
    catcher.tabIndex = 0;
    catcher.setAttribute('role', 'button');
    catcher.addEventListener('focus', event => onCatcherFocus(root, event));
    root.addEventListener('focusin', event => {
      if (event.target !== catcher && catcher) {
        catcher.tabIndex = -1;
      }
    });
    root.addEventListener('focusout', event => {
      const next = event.relatedTarget as Node | null;
      if (catcher && (!next || !root.contains(next))) {
        catcher.tabIndex = 0;
      }
    });
    root.addEventListener('click', event => onActivate(root, event), true);
    root.addEventListener('keydown', event => onKeyDown(root, event), true);
    root.addEventListener('keyup', event => onKeyUp(root, event), true);
  }
  if (catcher) {
    catcher.setAttribute('aria-label', hint?.dataset.vkFirst ?? '');
    if (root.lastElementChild !== catcher) {
      root.append(catcher);
    }
  }
  // a new step (new option buttons) or the ending appeared: after a choice, focus follows it
  const first = visibleOption(root);
  const ending = root.querySelector<HTMLElement>('.vk-ending');
  const follow = state.pendingSince > 0 && performance.now() - state.pendingSince < FOLLOW_MS;
  if (first && first !== state.firstOption) {
    state.firstOption = first;
    if (follow && first.isConnected) {
      state.pendingSince = 0;
      moveFocus(root, first);
    }
  } else if (!first && ending && ending !== state.ending) {
    state.ending = ending;
    if (follow) {
      state.pendingSince = 0;
      moveFocus(root, ending);
    }
  }
  if (!first) {
    state.firstOption = null;
  }
  if (!ending) {
    state.ending = null;
  }
}

function onCatcherFocus(root: HTMLElement, event: FocusEvent): void {
  const from = event.relatedTarget as Node | null;
  if (from && root.contains(from)) {
    return;
  }
  const target =
    visibleOption(root) ??
    root.querySelector<HTMLElement>('.vk-ending') ??
    root.querySelector<HTMLButtonElement>('.vk-restart:not([disabled])');
  if (target) {
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: 'center', inline: 'nearest' });
  }
}

function isOption(target: EventTarget | null): target is HTMLElement {
  return target instanceof HTMLElement && target.closest('.vk-option, .vk-restart') !== null;
}

function onActivate(root: HTMLElement, event: MouseEvent): void {
  if (isOption(event.target) && root.classList.contains('veerkracht-case')) {
    stateOf(root).pendingSince = performance.now();
  }
}

function onKeyDown(root: HTMLElement, event: KeyboardEvent): void {
  if (!isOption(event.target) || (event.key !== 'Enter' && event.key !== ' ')) {
    return;
  }
  const state = stateOf(root);
  const tooSoon = performance.now() - state.movedAt < GUARD_MS;
  if (event.repeat || tooSoon) {
    event.preventDefault();
    event.stopPropagation();
    state.blockedKeyUp = event.key === ' ';
  }
}

function onKeyUp(root: HTMLElement, event: KeyboardEvent): void {
  const state = stateOf(root);
  if (event.key === ' ' && state.blockedKeyUp) {
    state.blockedKeyUp = false;
    event.preventDefault();
    event.stopPropagation();
  }
}

/** Watch a rendered widget view: enhance its course widgets whenever their DOM changes. */
function watch(node: HTMLElement): void {
  let queued = false;
  const run = () => {
    queued = false;
    node.querySelectorAll<HTMLElement>(ROOTS).forEach(enhance);
  };
  const observer = new MutationObserver(() => {
    if (!queued) {
      queued = true;
      queueMicrotask(run);
    }
  });
  observer.observe(node, { childList: true, subtree: true });
  run();
}

type Renderer = IRenderMime.IRenderer & { [PATCHED]?: boolean };

/** Wrap a widget-view renderer: Dutch while loading, the Dutch note when the model is gone, accessible views. */
export function wrapRenderer(renderer: Renderer): Renderer {
  if (renderer[PATCHED]) {
    return renderer;
  }
  renderer[PATCHED] = true;
  const render = renderer.renderModel.bind(renderer);
  let watching = false;
  renderer.renderModel = async (model: IRenderMime.IMimeModel): Promise<void> => {
    const note = model.data[NOTE_MIME] as unknown as INote | undefined;
    const pending = render(model);
    const node = renderer.node;
    if (note?.loading && node.textContent === 'Loading widget...') {
      node.textContent = note.loading;
    }
    await pending;
    if (note && isModelError(node)) {
      node.replaceChildren(noteElement(note));
      return;
    }
    if (note?.loading && node.textContent === 'Loading widget...') {
      node.textContent = note.loading;
    }
    if (!watching) {
      watching = true;
      watch(node);
    }
  };
  return renderer;
}

/** Make every widget-view renderer this registry creates a wrapped one (idempotent). */
export function patchRegistry(registry: IRenderMimeRegistry): void {
  const patched = registry as IRenderMimeRegistry & { [PATCHED]?: boolean };
  if (patched[PATCHED]) {
    return;
  }
  patched[PATCHED] = true;
  const create = registry.createRenderer.bind(registry);
  registry.createRenderer = (mimeType: string): IRenderMime.IRenderer => {
    const renderer = create(mimeType);
    return mimeType === WIDGET_VIEW_MIME ? wrapRenderer(renderer) : renderer;
  };
}

export const widgetsPlugin: JupyterFrontEndPlugin<void> = {
  id: 'veerkracht-answers:widgets',
  description: 'De oefeningen van de cursus Veerkracht: een Nederlandse notitie als de kernel weg is, en toegankelijk.',
  autoStart: true,
  requires: [IRenderMimeRegistry, INotebookTracker],
  activate: (_app: JupyterFrontEnd, registry: IRenderMimeRegistry, tracker: INotebookTracker) => {
    patchRegistry(registry);
    tracker.forEach(panel => patchRegistry(panel.content.rendermime));
    tracker.widgetAdded.connect((_sender, panel) => patchRegistry(panel.content.rendermime));
  }
};
