/** monaco-yaml's language service, as a worker of this app's own (Vite bundles it apart). */
import 'monaco-yaml/yaml.worker.js';
