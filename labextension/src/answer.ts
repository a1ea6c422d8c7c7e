/**
 * The answer line: read it from an answer cell, write it back in canonical form.
 *
 * Pure functions without imports, so tests can run this file under plain Node too. The canonical lines
 * must be byte-identical to `veerkracht_lib.answer_widget.answer_line` in Python:
 *   multilabel      antwoord_a1 = {"POL", "REK"}      (option order; nothing chosen: set())
 *   single          antwoord_a5 = "F"                 (nothing chosen: "")
 *   ordering        antwoord_a6 = ["C", "E", "A"]     (nothing chosen: [])
 *   classification  antwoord_a3 = {1: "K", 2: "?"}    (every item in item order, "?" when open;
 *   matching                                          int keys for item ids of digits, else quoted)
 */

export const MIME_TYPE = 'application/vnd.veerkracht.answer.v1+json';

export type QuestionType = 'multilabel' | 'single' | 'ordering' | 'classification' | 'matching';

export interface IOption {
  code: string;
  label: string;
}

export interface IItem {
  id: string;
  text: string;
}

/** The data of the MIME bundle, made by `answer_widget.answer_bundle` in Python. */
export interface IBundle {
  question: string;
  variable: string;
  type: QuestionType;
  title: string;
  prompt?: string;
  options: IOption[];
  items: IItem[];
  exclusive: string[];
  one_to_one: boolean;
  template: string;
  texts: { [key: string]: string };
}

/** What the control holds. multilabel: codes; single: a code or null; ordering: codes or null (not chosen
 * yet); classification and matching: item id -> code or null. */
export type AnswerValue = string[] | string | null | { [item: string]: string | null };

export const UNFILLED = '?';

export function isPerItem(type: QuestionType): boolean {
  return type === 'classification' || type === 'matching';
}

/** Fill `{name}` placeholders of a Dutch text from the bundle. */
export function fmt(template: string, values: { [key: string]: string | number }): string {
  return template.replace(/\{([a-z_]+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole
  );
}

// --- writing ---------------------------------------------------------------------------------

export function quote(text: string): string {
  return '"' + text.replace(/\\/g, '\\\\').replace(/"/g, '\\"') + '"';
}

export function itemKey(id: string): string {
  return /^(0|[1-9][0-9]*)$/.test(id) ? id : quote(id);
}

function literal(bundle: IBundle, value: AnswerValue): string {
  switch (bundle.type) {
    case 'multilabel': {
      const chosen = new Set(Array.isArray(value) ? value : []);
      const codes = bundle.options.map(o => o.code).filter(c => chosen.has(c));
      return codes.length ? '{' + codes.map(quote).join(', ') + '}' : 'set()';
    }
    case 'single':
      return typeof value === 'string' && value ? quote(value) : '""';
    case 'ordering':
      return Array.isArray(value) && value.length ? '[' + value.map(quote).join(', ') + ']' : '[]';
    default: {
      const chosen = value && typeof value === 'object' && !Array.isArray(value) ? value : {};
      const pairs = bundle.items.map(item => `${itemKey(item.id)}: ${quote(chosen[item.id] || UNFILLED)}`);
      return '{' + pairs.join(', ') + '}';
    }
  }
}

/** The canonical answer line for a value of the control. */
export function answerLine(bundle: IBundle, value: AnswerValue): string {
  return `${bundle.variable} = ${literal(bundle, value)}`;
}

// --- reading: a small parser for the Python literals an answer line holds ----------------------

type PyValue =
  | { t: 'str'; v: string }
  | { t: 'int'; v: string }
  | { t: 'none' }
  | { t: 'set' | 'list' | 'tuple'; v: PyValue[] }
  | { t: 'dict'; v: [PyValue, PyValue][] };

class Parser {
  private pos = 0;
  constructor(private readonly text: string) {}

  parseAll(): PyValue {
    const value = this.value();
    this.space();
    if (this.pos < this.text.length) {
      throw new Error('trailing text');
    }
    return value;
  }

  private space(): void {
    for (;;) {
      const ch = this.text[this.pos];
      if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n') {
        this.pos++;
      } else if (ch === '#') {
        while (this.pos < this.text.length && this.text[this.pos] !== '\n') {
          this.pos++;
        }
      } else {
        return;
      }
    }
  }

  private peek(): string {
    this.space();
    return this.text[this.pos] ?? '';
  }

  private expect(ch: string): void {
    if (this.peek() !== ch) {
      throw new Error(`expected ${ch}`);
    }
    this.pos++;
  }

  private value(): PyValue {
    const ch = this.peek();
    if (ch === '"' || ch === "'") {
      return { t: 'str', v: this.string() };
    }
    if (/[0-9+-]/.test(ch)) {
      const match = /^[+-]?\s*[0-9]+/.exec(this.text.slice(this.pos));
      if (!match) {
        throw new Error('bad number');
      }
      this.pos += match[0].length;
      return { t: 'int', v: String(parseInt(match[0].replace(/\s/g, ''), 10)) };
    }
    if (ch === '[') {
      return { t: 'list', v: this.sequence('[', ']') };
    }
    if (ch === '(') {
      return { t: 'tuple', v: this.sequence('(', ')') };
    }
    if (ch === '{') {
      return this.braces();
    }
    const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.text.slice(this.pos));
    if (word) {
      this.pos += word[0].length;
      if (word[0] === 'None') {
        return { t: 'none' };
      }
      if (word[0] === 'set' || word[0] === 'frozenset') {
        this.expect('(');
        this.expect(')');
        return { t: 'set', v: [] };
      }
    }
    throw new Error('not a literal');
  }

  private string(): string {
    const close = this.text[this.pos++];
    let out = '';
    while (this.pos < this.text.length) {
      const ch = this.text[this.pos++];
      if (ch === close) {
        return out;
      }
      if (ch === '\n') {
        break;
      }
      if (ch === '\\') {
        const next = this.text[this.pos++] ?? '';
        out += next === 'n' ? '\n' : next === 't' ? '\t' : next;
      } else {
        out += ch;
      }
    }
    throw new Error('unclosed string');
  }

  private sequence(open: string, close: string): PyValue[] {
    this.expect(open);
    const items: PyValue[] = [];
    while (this.peek() !== close) {
      items.push(this.value());
      if (this.peek() === ',') {
        this.pos++;
      } else {
        break;
      }
    }
    this.expect(close);
    return items;
  }

  private braces(): PyValue {
    this.expect('{');
    if (this.peek() === '}') {
      this.pos++;
      return { t: 'dict', v: [] };
    }
    const first = this.value();
    if (this.peek() === ':') {
      const pairs: [PyValue, PyValue][] = [];
      let key = first;
      for (;;) {
        this.expect(':');
        pairs.push([key, this.value()]);
        if (this.peek() === ',') {
          this.pos++;
        }
        if (this.peek() === '}') {
          break;
        }
        key = this.value();
      }
      this.expect('}');
      return { t: 'dict', v: pairs };
    }
    const items = [first];
    while (this.peek() === ',') {
      this.pos++;
      if (this.peek() === '}') {
        break;
      }
      items.push(this.value());
    }
    this.expect('}');
    return { t: 'set', v: items };
  }
}

export function parsePython(text: string): PyValue | undefined {
  try {
    return new Parser(text).parseAll();
  } catch {
    return undefined;
  }
}

/** A code as the learner may type it: the code in any case, or the whole label. */
function codeFor(bundle: IBundle, raw: PyValue): string | undefined {
  if (raw.t !== 'str') {
    return undefined;
  }
  const text = raw.v.trim().toLowerCase();
  const hit = bundle.options.find(o => o.code.toLowerCase() === text || o.label.trim().toLowerCase() === text);
  return hit?.code;
}

function codesFor(bundle: IBundle, values: PyValue[]): string[] | undefined {
  const codes: string[] = [];
  for (const raw of values) {
    const code = codeFor(bundle, raw);
    if (code === undefined) {
      return undefined;
    }
    if (!codes.includes(code)) {
      codes.push(code);
    }
  }
  return codes;
}

/** The control's value for a parsed literal, or undefined when the control cannot show it. */
export function valueFromPython(bundle: IBundle, py: PyValue): AnswerValue | undefined {
  switch (bundle.type) {
    case 'multilabel':
      if (py.t === 'set' || py.t === 'list' || py.t === 'tuple') {
        return codesFor(bundle, py.v);
      }
      if (py.t === 'dict' && py.v.length === 0) {
        return [];
      }
      if (py.t === 'str') {
        return py.v.trim() ? codesFor(bundle, [py]) : [];
      }
      return undefined;
    case 'single':
      if (py.t === 'str') {
        return py.v.trim() ? codeFor(bundle, py) : null;
      }
      if ((py.t === 'list' || py.t === 'set' || py.t === 'tuple') && py.v.length === 1) {
        return codeFor(bundle, py.v[0]);
      }
      return undefined;
    case 'ordering': {
      if (py.t !== 'list' && py.t !== 'tuple') {
        return undefined;
      }
      if (py.v.length === 0) {
        return null;
      }
      const codes = codesFor(bundle, py.v);
      return codes && codes.length === py.v.length && codes.length === bundle.options.length ? codes : undefined;
    }
    default: {
      if (py.t !== 'dict') {
        return undefined;
      }
      const chosen: { [item: string]: string | null } = {};
      for (const item of bundle.items) {
        chosen[item.id] = null;
      }
      for (const [key, raw] of py.v) {
        if (key.t !== 'str' && key.t !== 'int') {
          return undefined;
        }
        const item = key.v.trim();
        if (!(item in chosen)) {
          return undefined;
        }
        if (raw.t === 'none' || (raw.t === 'str' && (raw.v.trim() === UNFILLED || raw.v.trim() === ''))) {
          chosen[item] = null;
          continue;
        }
        const code = codeFor(bundle, raw);
        if (code === undefined) {
          return undefined;
        }
        chosen[item] = code;
      }
      return chosen;
    }
  }
}

/** Where the answer stands in the cell's source: the first line that assigns the variable (in the course's
 * notebooks: the first line), through the end of its value when brackets carry it over more lines. */
export interface IAnswerSpan {
  start: number;
  end: number;
  text: string;
  found: boolean;
}

export function answerSpan(source: string, variable: string): IAnswerSpan {
  const assign = new RegExp(`^[ \\t]*${variable}[ \\t]*=(?!=)`);
  let start = 0;
  let found = false;
  for (let offset = 0; offset <= source.length; ) {
    const newline = source.indexOf('\n', offset);
    const lineEnd = newline < 0 ? source.length : newline;
    if (assign.test(source.slice(offset, lineEnd))) {
      start = offset;
      found = true;
      break;
    }
    if (newline < 0) {
      break;
    }
    offset = newline + 1;
  }
  const firstEnd = source.indexOf('\n', start) < 0 ? source.length : source.indexOf('\n', start);
  if (!found) {
    return { start: 0, end: source.indexOf('\n') < 0 ? source.length : source.indexOf('\n'), text: '', found };
  }
  // brackets open at the end of the first line: the value goes on; find where it closes
  let depth = 0;
  let quoteChar = '';
  for (let i = start; i < source.length; i++) {
    const ch = source[i];
    if (quoteChar) {
      if (ch === '\\') {
        i++;
      } else if (ch === quoteChar || ch === '\n') {
        quoteChar = '';
      }
    } else if (ch === '"' || ch === "'") {
      quoteChar = ch;
    } else if (ch === '#') {
      while (i + 1 < source.length && source[i + 1] !== '\n') {
        i++;
      }
    } else if ('([{'.includes(ch)) {
      depth++;
    } else if (')]}'.includes(ch)) {
      depth--;
    } else if (ch === '\n' && depth <= 0) {
      return { start, end: i, text: source.slice(start, i), found };
    }
  }
  const end = depth <= 0 ? source.length : firstEnd;
  return { start, end, text: source.slice(start, end), found };
}

export interface IReadAnswer {
  /** The value the control shows (empty when `parsed` is false). */
  value: AnswerValue;
  /** False when the cell holds something the control cannot show. */
  parsed: boolean;
  /** The answer line as it stands in the cell. */
  line: string;
}

export function emptyValue(bundle: IBundle): AnswerValue {
  switch (bundle.type) {
    case 'multilabel':
      return [];
    case 'single':
    case 'ordering':
      return null;
    default: {
      const chosen: { [item: string]: string | null } = {};
      for (const item of bundle.items) {
        chosen[item.id] = null;
      }
      return chosen;
    }
  }
}

export function readAnswer(bundle: IBundle, source: string): IReadAnswer {
  const span = answerSpan(source, bundle.variable);
  const empty = { value: emptyValue(bundle), parsed: false, line: span.text || source.slice(span.start, span.end) };
  if (!span.found) {
    return empty;
  }
  const equals = span.text.indexOf('=');
  const py = parsePython(span.text.slice(equals + 1));
  const value = py === undefined ? undefined : valueFromPython(bundle, py);
  return value === undefined ? empty : { value, parsed: true, line: span.text };
}

// --- changes the control makes ------------------------------------------------------------------

export interface IToggle {
  chosen: string[];
  /** 'others': an exclusive code switched the others off; 'exclusive': a code switched an exclusive one off */
  cleared: 'others' | 'exclusive' | null;
  clearedCode?: string;
}

export function toggleCode(bundle: IBundle, chosen: string[], code: string, on: boolean): IToggle {
  if (!on) {
    return { chosen: chosen.filter(c => c !== code), cleared: null };
  }
  if (bundle.exclusive.includes(code)) {
    const others = chosen.filter(c => c !== code);
    return { chosen: [code], cleared: others.length ? 'others' : null };
  }
  const exclusiveOn = chosen.find(c => bundle.exclusive.includes(c));
  const kept = chosen.filter(c => !bundle.exclusive.includes(c) && c !== code);
  return { chosen: [...kept, code], cleared: exclusiveOn ? 'exclusive' : null, clearedCode: exclusiveOn };
}

export function moveStep(order: string[], index: number, delta: number): string[] {
  const target = index + delta;
  if (target < 0 || target >= order.length) {
    return order;
  }
  const next = [...order];
  [next[index], next[target]] = [next[target], next[index]];
  return next;
}
