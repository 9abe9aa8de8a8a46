/**
 * The SQL editor: CodeMirror 6 with SQLite highlighting, completion of table and column names from the open
 * database's schema, Ctrl/Cmd+Enter to run, and errors marked at their position.
 */
import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { SQLite, sql } from '@codemirror/lang-sql';
import { bracketMatching, defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { lintGutter, setDiagnostics } from '@codemirror/lint';
import { highlightSelectionMatches, searchKeymap } from '@codemirror/search';
import { Compartment, EditorState, Prec } from '@codemirror/state';
import { EditorView, drawSelection, highlightActiveLine, keymap, lineNumbers, placeholder } from '@codemirror/view';

export type SchemaMap = Record<string, string[]>;

export class SqlEditor {
  readonly view: EditorView;
  private readonly language = new Compartment();

  constructor(parent: HTMLElement, initial: string, onRun: () => void) {
    this.view = new EditorView({
      parent,
      state: EditorState.create({
        doc: initial,
        extensions: [
          lineNumbers(),
          history(),
          drawSelection(),
          highlightActiveLine(),
          bracketMatching(),
          closeBrackets(),
          highlightSelectionMatches(),
          autocompletion(),
          lintGutter(),
          syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
          placeholder('Write SQL here…'),
          this.language.of(sql({ dialect: SQLite, upperCaseKeywords: false })),
          Prec.highest(keymap.of([{ key: 'Mod-Enter', run: () => { onRun(); return true; } }])),
          keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...searchKeymap, ...historyKeymap,
            ...completionKeymap, indentWithTab]),
          EditorView.updateListener.of((u) => {
            if (u.docChanged) {
              this.clearError();
            }
          }),
        ],
      }),
    });
  }

  /** The selected text if there is a selection, else the whole script; with its offset in the document. */
  textToRun(): { text: string; offset: number } {
    const sel = this.view.state.selection.main;
    if (!sel.empty) {
      return { text: this.view.state.sliceDoc(sel.from, sel.to), offset: sel.from };
    }
    return { text: this.view.state.doc.toString(), offset: 0 };
  }

  setText(text: string): void {
    this.view.dispatch({ changes: { from: 0, to: this.view.state.doc.length, insert: text } });
  }

  /** Completion of table and column names follows the open database's schema. */
  setSchema(schema: SchemaMap): void {
    this.view.dispatch({
      effects: this.language.reconfigure(sql({ dialect: SQLite, schema, upperCaseKeywords: false })),
    });
  }

  /** Underlines the error at [from, to) (document offsets) and shows the message there. */
  markError(from: number, to: number, message: string): void {
    const len = this.view.state.doc.length;
    const a = Math.max(0, Math.min(from, len));
    const b = Math.max(a, Math.min(Math.max(to, a + 1), len));
    this.view.dispatch(setDiagnostics(this.view.state, [{ from: a, to: b, severity: 'error', message }]));
  }

  clearError(): void {
    this.view.dispatch(setDiagnostics(this.view.state, []));
  }
}
