/**
 * veerkracht-answers: answer the course's graded questions by clicking.
 *
 * `toon_vraag("a1")` outputs the MIME type application/vnd.veerkracht.answer.v1+json. This plugin renders it
 * as the question plus a native, keyboard-usable control. A click writes one canonical answer line into the
 * notebook's answer cell (the code cell with metadata.nbgrader.grade_id == "antwoord_<qid>") through the
 * cell's shared model; nothing else in the cell changes. No kernel is involved: a saved notebook that is
 * reopened shows the answer that stands in its answer cell.
 */

import { JupyterFrontEnd, JupyterFrontEndPlugin } from '@jupyterlab/application';
import { ICellModel } from '@jupyterlab/cells';
import { INotebookTracker, Notebook, NotebookPanel } from '@jupyterlab/notebook';
import { IRenderMimeRegistry } from '@jupyterlab/rendermime';
import { IRenderMime } from '@jupyterlab/rendermime-interfaces';
import { Widget } from '@lumino/widgets';

import {
  AnswerValue,
  IBundle,
  MIME_TYPE,
  answerLine,
  answerSpan,
  emptyValue,
  fmt,
  isPerItem,
  moveStep,
  readAnswer,
  toggleCode
} from './answer';
import { widgetsPlugin } from './widgets';

let instances = 0;

type Attributes = { [name: string]: string | boolean | undefined };

function h(tag: string, attributes: Attributes = {}, ...children: (Node | string)[]): HTMLElement {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) {
      continue;
    }
    if (name === 'class') {
      node.className = String(value);
    } else {
      node.setAttribute(name, value === true ? '' : value);
    }
  }
  for (const child of children) {
    node.append(child);
  }
  return node;
}

/** Plain text with blank lines -> paragraphs, like render.paragraphs in Python. */
function paragraphs(text: string): HTMLElement[] {
  return text
    .split(/\n\s*\n/)
    .map(p => p.split(/\s+/).filter(Boolean).join(' '))
    .filter(Boolean)
    .map(p => h('p', {}, p));
}

export class AnswerControl extends Widget implements IRenderMime.IRenderer {
  private bundle: IBundle | null = null;
  private value: AnswerValue = null;
  private parsed = true;
  private cellFound = false;
  private cell: ICellModel | null = null;
  private readonly uid = `vk-answer-${++instances}`;
  private fieldset: HTMLFieldSetElement | null = null;
  private note: HTMLElement | null = null;
  private lineNode: HTMLElement | null = null;
  private lineExtra: HTMLElement | null = null;
  private live: HTMLElement | null = null;
  private controls: HTMLElement | null = null;
  private orderList: HTMLOListElement | null = null;
  private orderState: HTMLElement | null = null;
  private usedNode: HTMLElement | null = null;
  private liveTimer = 0;

  constructor(private readonly tracker: INotebookTracker) {
    super();
    this.addClass('vk-answer');
  }

  async renderModel(model: IRenderMime.IMimeModel): Promise<void> {
    this.bundle = model.data[MIME_TYPE] as unknown as IBundle;
    this.value = emptyValue(this.bundle);
    this.build();
    if (this.isAttached) {
      this.connectCell();
    }
  }

  dispose(): void {
    this.disconnectCell();
    window.clearTimeout(this.liveTimer);
    super.dispose();
  }

  protected onAfterAttach(): void {
    this.connectCell();
  }

  protected onBeforeDetach(): void {
    this.disconnectCell();
  }

  private t(key: string, values: { [key: string]: string | number } = {}): string {
    return fmt(this.bundle?.texts[key] ?? key, values);
  }

  // --- the notebook and its answer cell ------------------------------------------------------

  private notebook(): Notebook | null {
    const panel = this.tracker.find((p: NotebookPanel) => p.content.node.contains(this.node));
    if (panel) {
      return panel.content;
    }
    let widget: Widget | null = this.parent;
    while (widget && !(widget instanceof Notebook)) {
      widget = widget.parent;
    }
    return widget;
  }

  private findCell(): ICellModel | null {
    const model = this.notebook()?.model;
    if (!model || !this.bundle) {
      return null;
    }
    for (const cell of model.cells) {
      const meta = cell.getMetadata('nbgrader') as { grade_id?: string } | undefined;
      if (cell.type === 'code' && meta?.grade_id === this.bundle.variable) {
        return cell;
      }
    }
    return null;
  }

  private connectCell(): void {
    const cell = this.findCell();
    if (cell !== this.cell) {
      this.disconnectCell();
      this.cell = cell;
      cell?.sharedModel.changed.connect(this.onCellChanged, this);
    }
    this.readCell();
  }

  private disconnectCell(): void {
    this.cell?.sharedModel.changed.disconnect(this.onCellChanged, this);
    this.cell = null;
  }

  private onCellChanged(_sender: unknown, change: { sourceChange?: unknown }): void {
    if (change.sourceChange) {
      this.readCell();
    }
  }

  /** Show what the answer cell holds now. */
  private readCell(): void {
    if (!this.bundle) {
      return;
    }
    this.cellFound = this.cell !== null && !this.cell.isDisposed;
    if (!this.cellFound) {
      this.value = emptyValue(this.bundle);
      this.parsed = true;
      this.update_(null);
      return;
    }
    const read = readAnswer(this.bundle, this.cell!.sharedModel.getSource());
    this.value = read.value;
    this.parsed = read.parsed;
    this.update_(read.line);
  }

  /** Write the answer line for `value` into the answer cell and say so. */
  private write(value: AnswerValue, before = ''): void {
    if (!this.bundle) {
      return;
    }
    if (!this.cell || this.cell.isDisposed) {
      this.connectCell();
    }
    const cell = this.cell;
    if (!cell) {
      this.update_(null);
      return;
    }
    const line = answerLine(this.bundle, value);
    const source = cell.sharedModel.getSource();
    const span = answerSpan(source, this.bundle.variable);
    this.value = value;
    this.parsed = true;
    if (source.slice(span.start, span.end) !== line) {
      cell.sharedModel.updateSource(span.start, span.end, line); // our own change: onCellChanged reads it back
    }
    this.update_(line);
    this.announce(`${before ? before + ' ' : ''}${this.t('announce', { line })}`);
  }

  private announce(message: string): void {
    const live = this.live;
    if (!live) {
      return;
    }
    live.textContent = '';
    window.clearTimeout(this.liveTimer);
    this.liveTimer = window.setTimeout(() => {
      live.textContent = message;
    }, 30);
  }

  // --- building the view ----------------------------------------------------------------------

  private build(): void {
    const b = this.bundle!;
    this.node.replaceChildren();
    const legend = h('legend', { class: 'vk-legend' }, this.t(`legend_${b.type}`));
    this.controls = h('div', { class: 'vk-controls' });
    this.fieldset = h(
      'fieldset',
      { class: 'vk-fieldset' },
      legend,
      h('p', { class: 'vk-how' }, this.t('how'))
    ) as HTMLFieldSetElement;
    for (const code of b.exclusive) {
      this.fieldset.append(h('p', { class: 'vk-how' }, this.t('exclusive_note', { code })));
    }
    if (b.type === 'matching' && b.one_to_one) {
      this.fieldset.append(h('p', { class: 'vk-how' }, this.t('item_one_to_one')));
    }
    this.fieldset.append(this.controls);
    if (b.type === 'multilabel' || b.type === 'single') {
      this.buildChoices(b.type === 'multilabel');
    } else if (b.type === 'ordering') {
      this.buildOrdering();
    } else {
      this.buildItems();
    }
    this.note = h('p', { class: 'vk-note', hidden: true });
    this.lineNode = h('code', { class: 'vk-line' });
    this.lineExtra = h('span', { class: 'vk-line-extra' });
    this.live = h('div', { class: 'vk-sr-only', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
    this.node.append(
      h('h3', { class: 'vk-title' }, `${b.question}. ${b.title}`),
      h('div', { class: 'vk-prompt' }, ...paragraphs(b.prompt ?? '')),
      this.note,
      this.fieldset,
      h('p', { class: 'vk-current' }, this.t('current'), ' ', this.lineNode, ' ', this.lineExtra),
      h('p', { class: 'vk-run-hint' }, this.t('run_hint')),
      this.live
    );
    this.update_(null);
  }

  private optionLabel(code: string, label: string): HTMLElement[] {
    return [h('span', { class: 'vk-code' }, code), h('span', { class: 'vk-label' }, label)];
  }

  private buildChoices(multi: boolean): void {
    const b = this.bundle!;
    const list = h('div', { class: 'vk-choices' });
    b.options.forEach((option, n) => {
      const id = `${this.uid}-o${n}`;
      const input = h('input', {
        type: multi ? 'checkbox' : 'radio',
        id,
        name: `${this.uid}-choice`,
        value: option.code
      }) as HTMLInputElement;
      input.addEventListener('change', () => (multi ? this.onCheck(input) : this.onRadio(input)));
      list.append(
        h('div', { class: 'vk-choice' }, input, h('label', { for: id }, ...this.optionLabel(option.code, option.label)))
      );
    });
    this.controls!.append(list);
    if (!multi) {
      const clear = h('button', { type: 'button', class: 'vk-button vk-clear' }, this.t('single_clear'));
      clear.addEventListener('click', () => this.write(null));
      this.controls!.append(h('div', { class: 'vk-actions' }, clear));
    }
  }

  private onCheck(input: HTMLInputElement): void {
    const b = this.bundle!;
    const chosen = Array.isArray(this.value) ? this.value : [];
    const result = toggleCode(b, chosen, input.value, input.checked);
    let before = '';
    if (result.cleared === 'others') {
      before = this.t('exclusive_cleared', { code: input.value });
    } else if (result.cleared === 'exclusive') {
      before = this.t('exclusive_removed', { code: result.clearedCode ?? '' });
    }
    this.write(result.chosen, before);
  }

  private onRadio(input: HTMLInputElement): void {
    if (input.checked) {
      this.write(input.value);
    }
  }

  private buildOrdering(): void {
    this.orderList = h('ol', { class: 'vk-order', 'aria-label': this.t('order_list') }) as HTMLOListElement;
    for (const option of this.bundle!.options) {
      const up = h(
        'button',
        { type: 'button', class: 'vk-button vk-up', 'aria-label': this.t('order_up_label', { code: option.code }) },
        h('span', { 'aria-hidden': 'true' }, '▲ '),
        this.t('order_up')
      );
      const down = h(
        'button',
        { type: 'button', class: 'vk-button vk-down', 'aria-label': this.t('order_down_label', { code: option.code }) },
        h('span', { 'aria-hidden': 'true' }, '▼ '),
        this.t('order_down')
      );
      up.addEventListener('click', () => this.onMove(option.code, -1, 'vk-up'));
      down.addEventListener('click', () => this.onMove(option.code, 1, 'vk-down'));
      this.orderList.append(
        h(
          'li',
          { class: 'vk-step', 'data-code': option.code },
          h('span', { class: 'vk-step-text' }, ...this.optionLabel(option.code, option.label)),
          h('span', { class: 'vk-step-buttons' }, up, down)
        )
      );
    }
    const confirm = h('button', { type: 'button', class: 'vk-button vk-confirm' }, this.t('order_confirm'));
    confirm.addEventListener('click', () => this.write(this.currentOrder()));
    const reset = h('button', { type: 'button', class: 'vk-button vk-reset' }, this.t('order_reset'));
    reset.addEventListener('click', () => this.write(null, this.t('order_reset_done')));
    this.orderState = h('p', { class: 'vk-order-state' });
    this.controls!.append(this.orderList, this.orderState, h('div', { class: 'vk-actions' }, confirm, reset));
  }

  private currentOrder(): string[] {
    return Array.isArray(this.value) && this.value.length ? [...this.value] : this.bundle!.options.map(o => o.code);
  }

  private onMove(code: string, delta: number, buttonClass: string): void {
    const order = this.currentOrder();
    const index = order.indexOf(code);
    const next = moveStep(order, index, delta);
    const n = order.length;
    if (next === order) {
      // at the edge: nothing moves, but it still becomes the answer if it was not yet
      const edge = this.t(delta < 0 ? 'order_at_top' : 'order_at_bottom', { code });
      if (this.value === null) {
        this.write(order, edge);
      } else {
        this.announce(edge);
      }
    } else {
      this.write(next, this.t('order_position', { code, pos: next.indexOf(code) + 1, n }));
    }
    // focus stays on the moved step's same button
    const button = this.orderList?.querySelector<HTMLButtonElement>(`li[data-code="${code}"] .${buttonClass}`);
    button?.focus();
  }

  private buildItems(): void {
    const b = this.bundle!;
    if (b.type === 'matching') {
      const list = h('dl', { class: 'vk-options-list' });
      for (const option of b.options) {
        list.append(h('dt', {}, option.code), h('dd', {}, option.label));
      }
      this.controls!.append(h('p', { class: 'vk-options-title' }, this.t('options_title')), list);
    }
    const items = h('div', { class: 'vk-items' });
    b.items.forEach((item, n) => {
      const id = `${this.uid}-i${n}`;
      const select = h('select', { id, class: 'vk-select', 'data-item': item.id }) as HTMLSelectElement;
      select.append(h('option', { value: '' }, this.t('item_choose')));
      for (const option of b.options) {
        select.append(h('option', { value: option.code }, `${option.code}: ${option.label}`));
      }
      select.addEventListener('change', () => this.onSelect(item.id, select.value));
      items.append(
        h(
          'div',
          { class: 'vk-item' },
          h(
            'label',
            { for: id, class: 'vk-item-label' },
            h('span', { class: 'vk-code' }, this.t('item_label', { item: item.id })),
            h('span', { class: 'vk-label' }, item.text)
          ),
          select
        )
      );
    });
    this.usedNode = h('p', { class: 'vk-used' });
    this.controls!.append(items, this.usedNode);
  }

  private onSelect(item: string, code: string): void {
    const chosen = { ...(this.value as { [item: string]: string | null }) };
    chosen[item] = code || null;
    this.write(chosen);
  }

  // --- showing the state ------------------------------------------------------------------------

  private update_(line: string | null): void {
    const b = this.bundle;
    if (!b || !this.fieldset || !this.note || !this.lineNode || !this.lineExtra) {
      return;
    }
    this.fieldset.disabled = !this.cellFound;
    let noteText = '';
    if (!this.cellFound) {
      noteText = this.t('no_cell', { template: b.template });
    } else if (!this.parsed) {
      noteText = this.t('not_parsed');
    }
    this.note.textContent = noteText;
    this.note.hidden = !noteText;
    const shown = line ?? answerLine(b, this.value);
    this.lineNode.textContent = this.cellFound ? shown : b.template;
    const empty = answerLine(b, emptyValue(b));
    this.lineExtra.textContent = this.cellFound && this.parsed && shown === empty ? this.t('nothing_yet') : '';
    if (b.type === 'multilabel' || b.type === 'single') {
      const chosen = Array.isArray(this.value) ? this.value : [this.value];
      this.controls?.querySelectorAll<HTMLInputElement>('input').forEach(input => {
        input.checked = chosen.includes(input.value);
      });
    } else if (b.type === 'ordering') {
      this.showOrder();
    } else if (isPerItem(b.type)) {
      this.showItems();
    }
  }

  private showOrder(): void {
    const list = this.orderList;
    if (!list || !this.orderState) {
      return;
    }
    const order = this.currentOrder();
    const focused = document.activeElement;
    order.forEach((code, index) => {
      const li = list.querySelector<HTMLElement>(`li[data-code="${code}"]`);
      if (!li) {
        return;
      }
      if (list.children[index] !== li) {
        list.insertBefore(li, list.children[index] ?? null);
      }
      li.querySelector('.vk-up')?.setAttribute('aria-disabled', String(index === 0));
      li.querySelector('.vk-down')?.setAttribute('aria-disabled', String(index === order.length - 1));
    });
    if (focused instanceof HTMLElement && list.contains(focused) && document.activeElement !== focused) {
      focused.focus();
    }
    const chosen = Array.isArray(this.value) && this.value.length > 0;
    this.orderState.textContent = this.t(chosen ? 'order_chosen' : 'order_not_chosen');
    this.orderState.classList.toggle('vk-pending', !chosen);
  }

  private showItems(): void {
    const b = this.bundle!;
    const chosen = (this.value ?? {}) as { [item: string]: string | null };
    const usedBy: { [code: string]: string[] } = {};
    for (const item of b.items) {
      const code = chosen[item.id];
      if (code) {
        (usedBy[code] = usedBy[code] ?? []).push(item.id);
      }
    }
    this.controls?.querySelectorAll<HTMLSelectElement>('select').forEach(select => {
      const item = select.dataset.item ?? '';
      select.value = chosen[item] ?? '';
      if (!b.one_to_one) {
        return;
      }
      for (const option of Array.from(select.options)) {
        const label = b.options.find(o => o.code === option.value);
        if (!label) {
          continue;
        }
        const others = (usedBy[option.value] ?? []).filter(i => i !== item);
        // the marker goes right after the code: a closed select cuts long labels off at the end
        const used = others.length ? ` (${this.t('item_used_by', { items: others.join(', ') })})` : '';
        option.textContent = `${label.code}${used}: ${label.label}`;
      }
    });
    if (!this.usedNode) {
      return;
    }
    const parts: string[] = [];
    if (b.one_to_one) {
      const unused = b.options.map(o => o.code).filter(c => !usedBy[c]);
      parts.push(unused.length ? this.t('item_unused', { codes: unused.join(', ') }) : this.t('item_all_used'));
      for (const [code, items] of Object.entries(usedBy)) {
        if (items.length > 1) {
          parts.push(this.t('item_twice', { code, items: items.join(', ') }));
        }
      }
    }
    this.usedNode.textContent = parts.join(' ');
    this.usedNode.hidden = parts.length === 0;
    this.usedNode.classList.toggle('vk-warning', parts.length > 1);
  }
}

/** Add the renderer to a registry unless it is there already. */
function register(registry: IRenderMimeRegistry, tracker: INotebookTracker): void {
  if (registry.getFactory(MIME_TYPE)) {
    return;
  }
  registry.addFactory(
    {
      safe: true, // builds its DOM from text only; never injects HTML
      mimeTypes: [MIME_TYPE],
      defaultRank: 0,
      createRenderer: () => new AnswerControl(tracker)
    },
    0
  );
}

const plugin: JupyterFrontEndPlugin<void> = {
  id: 'veerkracht-answers:plugin',
  description: 'Beantwoord de vragen van de cursus Veerkracht door te klikken.',
  autoStart: true,
  requires: [IRenderMimeRegistry, INotebookTracker],
  activate: (_app: JupyterFrontEnd, registry: IRenderMimeRegistry, tracker: INotebookTracker) => {
    register(registry, tracker);
    // notebooks clone the registry when they open: cover any that opened before this plugin started
    tracker.forEach(panel => register(panel.content.rendermime, tracker));
    tracker.widgetAdded.connect((_sender, panel) => register(panel.content.rendermime, tracker));
  }
};

export default [plugin, widgetsPlugin];
