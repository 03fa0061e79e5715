/**
 * The field of a command that says it came through the project's own clients: it holds the id
 * of the update that carries it, encrypted with the command (see sealed-updates.ts). Shared by
 * the clients, the codec and the workflows' validators; imports nothing, so workflows may use it.
 */
export const SEAL_FIELD = 'seal';
