/**
 * Adds a city to a deployment file (`npm run cluster -- add-city`): a new entry under `cities`
 * on ports no other process of the file uses, the file's comments and order kept, the result
 * checked against the schema before it is written. The next start registers the city's
 * namespace, makes its schema in the work store and its token key, and starts its processes.
 */
import { parseDocument, YAMLSeq } from 'yaml';
import { parseYamlText } from '../definitions/load-yaml';
import { DefinitionError } from '../definitions/problem';
import type { City, Deployment } from '../generated/deployment';
import { deploymentPorts, resolveDeployment } from './deployment';

export interface NewCity {
  name: string;
  organisation: string;
  services: string;
  workers?: number;
  apis?: number;
  retentionDays?: number;
}

/** The first port after every port the deployment uses, with `count` free ones from it. */
function portsAfterAll(deployment: Deployment, count: number): number {
  const used = deploymentPorts(resolveDeployment(deployment)).map(([, port]) => port);
  const taken = new Set(used);
  let first =
    Math.max(...deployment.cities.flatMap((c) => [c.front.port, c.apis.port + c.apis.count - 1])) + 1;
  while (Array.from({ length: count }, (_, i) => first + i).some((port) => taken.has(port))) first++;
  return first;
}

/** The text of the deployment file `text` with the city added; refused if its name is taken. */
export function addCity(text: string, source: string, city: NewCity): string {
  const parsed = parseYamlText<Deployment>(source, text, 'deployment');
  if (!parsed.data) throw new DefinitionError(parsed.problems);
  if (parsed.data.cities.some((c) => c.name === city.name))
    throw new Error(`${source} has a city named ${city.name} already`);
  const apis = city.apis ?? 1;
  const front = portsAfterAll(parsed.data, 1 + apis);
  const entry: City = {
    name: city.name,
    retentionDays: city.retentionDays ?? 30,
    organisation: city.organisation,
    services: city.services,
    workers: city.workers ?? 1,
    apis: { count: apis, port: front + 1 },
    front: { port: front },
  };
  const document = parseDocument(text);
  const cities = document.get('cities');
  if (!(cities instanceof YAMLSeq)) throw new Error(`${source}: cities is not a list`);
  const node = document.createNode(entry);
  node.commentBefore = ` Added by npm run cluster -- add-city ${city.name}.`;
  cities.add(node);
  const result = document.toString({ lineWidth: 100 });
  const checked = parseYamlText<Deployment>(source, result, 'deployment');
  if (!checked.data) throw new DefinitionError(checked.problems);
  return result;
}
