/**
 * The Monaco editor as the definition editor needs it: the editor core with its features
 * (edcore.main, without Monaco's other languages), YAML's highlighting, and the workers (Monaco's
 * own, and monaco-yaml's language service). Only the editor imports this, so none of it loads
 * before the editor page opens.
 */
import 'monaco-editor/esm/vs/editor/edcore.main.js';
import * as monaco from 'monaco-editor/esm/vs/editor/editor.api.js';
import 'monaco-editor/esm/vs/basic-languages/yaml/yaml.contribution.js';
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker.js?worker';
import YamlWorker from './yaml.worker.ts?worker';

self.MonacoEnvironment = {
  getWorker(_moduleId: string, label: string) {
    return label === 'yaml' ? new YamlWorker() : new EditorWorker();
  },
};

export { monaco };
