/**
 * The definition's YAML in Monaco, left to right whatever the page's language: monaco-yaml checks
 * it against the service JSON Schema as it is typed (completion, hover docs, inline errors), the
 * organisation's ids are completed with their titles, and the server's problems are marked on
 * their lines. `reveal` moves the cursor to a line, for the problems listed beside the editor.
 */
import { useEffect, useImperativeHandle, useRef, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { configureMonacoYaml } from 'monaco-yaml';
import type { DefinitionProblem, Directory } from '../../shared/api/oversight-types';
import { useFormat } from '../../shared/format';
import { monaco } from './monaco';
import { organisationSuggestions } from './organisation-completion';

export interface EditorHandle {
  reveal: (line: number, column: number) => void;
}

const MODEL_URI = 'file:///draft.service.yaml';
const SCHEMA_URI = 'https://pishkhan.local/schemas/service.schema.json';

let configured: { schema: object } | undefined;
let completion: monaco.IDisposable | undefined;

function configure(schema: object): void {
  if (configured?.schema === schema) return;
  configured = { schema };
  configureMonacoYaml(monaco, {
    enableSchemaRequest: false,
    hover: true,
    completion: true,
    validate: true,
    schemas: [{ fileMatch: ['**/*.service.yaml'], uri: SCHEMA_URI, schema }],
  });
}

export default function YamlEditor(props: {
  value: string;
  onChange: (text: string) => void;
  schema: object;
  directory: Directory | undefined;
  problems: DefinitionProblem[];
  label: string;
  handle: Ref<EditorHandle>;
}) {
  const { t } = useTranslation();
  const { title } = useFormat();
  const element = useRef<HTMLDivElement>(null);
  const editor = useRef<monaco.editor.IStandaloneCodeEditor>(undefined);
  const onChange = useRef(props.onChange);
  useEffect(() => {
    onChange.current = props.onChange;
  });

  useEffect(() => {
    if (!element.current) return;
    configure(props.schema);
    const uri = monaco.Uri.parse(MODEL_URI);
    monaco.editor.getModel(uri)?.dispose();
    const model = monaco.editor.createModel(props.value, 'yaml', uri);
    const instance = monaco.editor.create(element.current, {
      model,
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 14,
      tabSize: 2,
      scrollBeyondLastLine: false,
      quickSuggestions: { other: true, comments: false, strings: true },
      ariaLabel: props.label,
    });
    editor.current = instance;
    const subscription = model.onDidChangeContent(() => onChange.current(model.getValue()));
    return () => {
      subscription.dispose();
      instance.dispose();
      model.dispose();
    };
    // The editor is made once; later values come from its own typing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // The organisation's ids, with their titles in the reader's language.
  useEffect(() => {
    const directory = props.directory;
    if (!directory) return;
    completion?.dispose();
    completion = monaco.languages.registerCompletionItemProvider('yaml', {
      triggerCharacters: [' ', ',', '['],
      provideCompletionItems(model, position) {
        const line = model.getLineContent(position.lineNumber);
        const prefix = line.slice(0, position.column - 1);
        const word = model.getWordUntilPosition(position);
        const range = new monaco.Range(
          position.lineNumber,
          word.startColumn,
          position.lineNumber,
          word.endColumn,
        );
        const suggestions = organisationSuggestions(prefix, line, directory).map((s) => {
          const name = typeof s.title === 'string' ? t(s.title) : title(s.title);
          return {
            label: { label: s.id, description: name },
            kind: monaco.languages.CompletionItemKind.Value,
            insertText: s.id,
            detail: t(`design.completion.${s.kind}`),
            documentation: name,
            range,
            sortText: `0-${s.id}`,
          };
        });
        return { suggestions };
      },
    });
    return () => completion?.dispose();
  }, [props.directory, t, title]);

  // The server's problems, marked where they are.
  useEffect(() => {
    const model = editor.current?.getModel();
    if (!model) return;
    monaco.editor.setModelMarkers(
      model,
      'pishkhan',
      props.problems.map((p) => ({
        severity: monaco.MarkerSeverity.Error,
        message: p.message,
        source: p.rule,
        startLineNumber: Math.max(1, p.line),
        startColumn: Math.max(1, p.column),
        endLineNumber: Math.max(1, p.line),
        endColumn: model.getLineMaxColumn(Math.min(model.getLineCount(), Math.max(1, p.line))),
      })),
    );
  }, [props.problems]);

  useImperativeHandle(props.handle, () => ({
    reveal(line, column) {
      const instance = editor.current;
      if (!instance) return;
      instance.revealLineInCenter(line);
      instance.setPosition({ lineNumber: line, column: Math.max(1, column) });
      instance.focus();
    },
  }));

  return <div ref={element} className="yaml-editor" dir="ltr" lang="en" data-editor />;
}

/** Replaces the editor's whole text (a template, a version to start from), as one undoable edit. */
export function setEditorText(text: string): void {
  const model = monaco.editor.getModel(monaco.Uri.parse(MODEL_URI));
  if (model && model.getValue() !== text) model.setValue(text);
}
