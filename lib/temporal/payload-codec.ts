/**
 * The payload codec: every payload the project's clients and workers hand to Temporal (a
 * request's input with the applicant's name and national id, its status, the commands sent to
 * it, activity arguments and results) is encrypted with AES-256-GCM under the current key, and
 * the key's id travels in the payload's metadata, so payloads sealed under an older key still
 * open after a rotation as long as that key is kept. Payloads without the codec's encoding
 * (histories recorded before it, or while no key was configured) pass through as they are.
 * Without any key (a developer's machine) the codec encrypts nothing and Temporal's UI and CLI
 * read every payload.
 *
 * With a key, only the codec can make an encrypted payload, so a command that arrives
 * unencrypted did not come from the project's own clients: such a payload cannot carry the
 * `seal` that marks a command as theirs (see sealed-updates.ts), and the codec removes one it
 * claims.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Payload, PayloadCodec } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { SEAL_FIELD } from './seal';

/** The encoding of an encrypted payload; its data is nonce, ciphertext and tag. */
export const ENCRYPTED_ENCODING = 'binary/encrypted';
/** Which key encrypted a payload. */
export const KEY_ID_METADATA = 'encryption-key-id';

const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;

const text = (value: string) => new TextEncoder().encode(value);
const read = (bytes: Uint8Array | null | undefined) => (bytes ? new TextDecoder().decode(bytes) : undefined);

/** The keys payloads are encrypted with: the current one encrypts (none: nothing is), every one decrypts. */
export interface PayloadKeys {
  current: string | undefined;
  keys: ReadonlyMap<string, Uint8Array>;
}

export class PayloadKeyError extends Error {
  override name = 'PayloadKeyError';
}

export class EncryptionCodec implements PayloadCodec {
  private readonly current: { id: string; key: Uint8Array } | undefined;

  constructor(private readonly keys: PayloadKeys) {
    for (const [id, key] of keys.keys)
      if (key.length !== KEY_BYTES) throw new PayloadKeyError(`payload key '${id}' is not 32 bytes long`);
    if (keys.current === undefined) return;
    const key = keys.keys.get(keys.current);
    if (!key) throw new PayloadKeyError(`there is no payload key '${keys.current}' to encrypt with`);
    this.current = { id: keys.current, key };
  }

  /** True when payloads are encrypted (a key is configured). */
  get encrypts(): boolean {
    return this.current !== undefined;
  }

  encode(payloads: Payload[]): Promise<Payload[]> {
    const current = this.current;
    if (!current) return Promise.resolve(payloads);
    return new Promise((resolve) => resolve(payloads.map((payload) => encrypt(payload, current))));
  }

  decode(payloads: Payload[]): Promise<Payload[]> {
    // A payload that does not open rejects the promise: Temporal's callers handle rejections.
    return new Promise((resolve) => resolve(payloads.map((payload) => this.decrypt(payload))));
  }

  private decrypt(payload: Payload): Payload {
    if (read(payload.metadata?.encoding) !== ENCRYPTED_ENCODING)
      return this.current ? withoutSeal(payload) : payload;
    const id = read(payload.metadata?.[KEY_ID_METADATA]) ?? '';
    const key = this.keys.keys.get(id);
    if (!key)
      throw new PayloadKeyError(
        `payload encrypted with key '${id}', which is not configured (PISHKHAN_PAYLOAD_KEYS)`,
      );
    const data = Buffer.from(payload.data ?? new Uint8Array());
    if (data.length < NONCE_BYTES + TAG_BYTES) throw new PayloadKeyError('an encrypted payload is too short');
    const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, NONCE_BYTES));
    decipher.setAAD(text(id));
    decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
    const plain = Buffer.concat([
      decipher.update(data.subarray(NONCE_BYTES, data.length - TAG_BYTES)),
      decipher.final(),
    ]);
    return temporal.api.common.v1.Payload.decode(plain);
  }
}

function encrypt(payload: Payload, current: { id: string; key: Uint8Array }): Payload {
  const plain = temporal.api.common.v1.Payload.encode(payload).finish();
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', current.key, nonce);
  // The key id is authenticated with the data: a payload cannot be passed off under another key.
  cipher.setAAD(text(current.id));
  const sealed = Buffer.concat([nonce, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
  return {
    metadata: { encoding: text(ENCRYPTED_ENCODING), [KEY_ID_METADATA]: text(current.id) },
    data: sealed,
  };
}

/**
 * A payload that came unencrypted, with any seal it claims removed: only a payload the codec
 * encrypted may say a command came from the project's own clients. Payloads without a seal
 * (all of them but a forged command) come back untouched, byte for byte.
 */
function withoutSeal(payload: Payload): Payload {
  if (read(payload.metadata?.encoding) !== 'json/plain' || !payload.data) return payload;
  const json = read(payload.data) ?? '';
  if (!json.includes(`"${SEAL_FIELD}"`) && !json.includes('\\u')) return payload;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return payload;
  }
  if (!value || typeof value !== 'object' || !Object.hasOwn(value, SEAL_FIELD)) return payload;
  const { [SEAL_FIELD]: _claimed, ...rest } = value as Record<string, unknown>;
  return { ...payload, data: text(JSON.stringify(rest)) };
}
