/* Generated from definitions/schemas/deployment.schema.json by scripts/generate-types.mjs.
 * Do not edit: change the schema and run `npm run generate`. */

/**
 * This interface was referenced by `Deployment`'s JSON-Schema
 * via the `definition` "Port".
 */
export type Port = number;

/**
 * The processes of one machine of a production-shaped deployment (deploy/cluster.yaml): PostgreSQL, the Temporal server, workers, API instances and the address in front of them.
 */
export interface Deployment {
  /**
   * Address every process listens on and reaches the others at.
   */
  host: string;
  /**
   * Where the deployment keeps its state: PostgreSQL's data, logs, secrets, published versions, audit trails. Relative to the repository.
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
    /**
     * Namespaces registered at start: one per city.
     *
     * @minItems 1
     */
    namespaces: {
      /**
       * lower-case letters, digits and hyphens, starting with a letter
       */
      name: string;
      /**
       * How long the history of an ended request is kept.
       */
      retentionDays: number;
    }[];
  };
  workers: {
    count: number;
  };
  apis: {
    count: number;
    /**
     * Port of the first instance; the next take the ports after it.
     */
    port: number;
  };
  front: {
    /**
     * The one address callers use, in front of the API instances.
     */
    port: number;
  };
  /**
   * Environment of every worker and API instance, by variable names in capitals. A value may name a variable of the deployment as ${NAME}.
   */
  env: {
    /**
     * This interface was referenced by `undefined`'s JSON-Schema definition
     * via the `patternProperty` "^[A-Z][A-Z0-9_]*$".
     */
    [k: string]: string;
  };
}
