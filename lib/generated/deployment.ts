/* Generated from definitions/schemas/deployment.schema.json by scripts/generate-types.mjs.
 * Do not edit: change the schema and run `npm run generate`. */

/**
 * This interface was referenced by `Deployment`'s JSON-Schema
 * via the `definition` "Port".
 */
export type Port = number;

/**
 * The processes of one machine of a production-shaped deployment (deploy/cluster.yaml): PostgreSQL, the Temporal server, and for each city its workers, API instances and the address in front of them.
 */
export interface Deployment {
  /**
   * Address every process listens on and reaches the others at.
   */
  host: string;
  /**
   * Where the deployment keeps its state: PostgreSQL's data, logs, secrets, workflow bundles, each city's published versions and keys. Relative to the repository.
   */
  dataDir: string;
  postgres: {
    port: Port;
    /**
     * postgresql.conf settings given to the server at its start, such as max_connections.
     */
    settings?: {
      [k: string]: string | number;
    };
  };
  temporal: {
    /**
     * gRPC port of the frontend; the other services take the ports up to 30 above it, and Temporal keeps its membership ports in a PostgreSQL smallint, so 32737 at most.
     */
    port: number;
    /**
     * History shards of the cluster: fixed when its database is created, never changed after.
     */
    historyShards: number;
  };
  /**
   * The municipalities this deployment serves, each a tenant: its own Temporal namespace, organisation and calendar, catalog, published versions, schema of the work store, token key, workers and API instances. The first is the one `npm run cluster -- token` signs for unless told otherwise.
   *
   * @minItems 1
   */
  cities: City[];
  /**
   * Environment of every worker and API instance of every city, by variable names in capitals. A value may name a variable of the deployment as ${NAME}.
   */
  env: {
    /**
     * This interface was referenced by `undefined`'s JSON-Schema definition
     * via the `patternProperty` "^[A-Z][A-Z0-9_]*$".
     */
    [k: string]: string;
  };
}
/**
 * This interface was referenced by `Deployment`'s JSON-Schema
 * via the `definition` "City".
 */
export interface City {
  /**
   * The city's id: its Temporal namespace, its schema in the work store's database (hyphens as underscores) and the folder of its state. Lower-case letters, digits and hyphens, starting with a letter.
   */
  name: string;
  /**
   * How long Temporal keeps the history of an ended request.
   */
  retentionDays: number;
  /**
   * The city's organisation folder (organisation.yaml, calendar.yaml), relative to the repository.
   */
  organisation: string;
  /**
   * The city's catalog folder (service definitions), relative to the repository.
   */
  services: string;
  /**
   * Worker processes of the city, all on its task queue, running one build.
   */
  workers: number;
  apis: {
    count: number;
    /**
     * Port of the first instance; the next take the ports after it.
     */
    port: number;
  };
  front: {
    /**
     * The city's one address, in front of its API instances.
     */
    port: number;
  };
  /**
   * Environment of this city's processes only, over the deployment's env.
   */
  env?: {
    /**
     * This interface was referenced by `undefined`'s JSON-Schema definition
     * via the `patternProperty` "^[A-Z][A-Z0-9_]*$".
     */
    [k: string]: string;
  };
}
