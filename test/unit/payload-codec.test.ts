/**
 * The payload codec: what the project hands to Temporal is unreadable without the key, says
 * which key sealed it, still opens after the key rotates, and cannot be altered or passed off
 * under another key; without a configured key nothing is encrypted; an unencrypted command
 * cannot claim the seal of the API's clients.
 */
import { randomBytes } from 'node:crypto';
import type { Payload } from '@temporalio/common';
import { defaultPayloadConverter } from '@temporalio/common';
import { assertSafePayloadKeys, loadConfig, payloadKeys } from '../../lib/config';
import { EncryptionCodec, ENCRYPTED_ENCODING, KEY_ID_METADATA } from '../../lib/temporal/payload-codec';
import { SEAL_FIELD } from '../../lib/temporal/seal';

const key = () => randomBytes(32).toString('base64');
const keysEnv = (...ids: [string, string][]) => ids.map(([id, k]) => `${id}:${k}`).join(',');
const text = (bytes: Uint8Array | null | undefined) => new TextDecoder().decode(bytes ?? new Uint8Array());

const applicant = { applicant: { name: 'زهرا احمدی', nationalId: '0012345679' } };
const toPayload = (value: unknown): Payload => defaultPayloadConverter.toPayload(value);
const fromPayload = (payload: Payload | undefined): unknown =>
  defaultPayloadConverter.fromPayload(payload as Payload);

describe('payload encryption', () => {
  test('when a request input is encoded, then its personal data is not in what Temporal stores, and decoding gives it back', async () => {
    const codec = new EncryptionCodec(payloadKeys(keysEnv(['2025-a', key()])));
    const [encoded] = await codec.encode([toPayload(applicant)]);
    expect(text(encoded?.metadata?.encoding)).toBe(ENCRYPTED_ENCODING);
    expect(text(encoded?.metadata?.[KEY_ID_METADATA])).toBe('2025-a');
    const stored = Buffer.from(encoded?.data ?? new Uint8Array());
    expect(stored.includes(Buffer.from('0012345679'))).toBe(false);
    expect(stored.includes(Buffer.from('nationalId'))).toBe(false);
    expect(fromPayload((await codec.decode([encoded as Payload]))[0])).toEqual(applicant);
  });

  test('when the key rotates, then payloads of the old key still open, and new ones are sealed under the new key', async () => {
    const old = key();
    const before = new EncryptionCodec(payloadKeys(keysEnv(['k1', old])));
    const [sealedBefore] = await before.encode([toPayload(applicant)]);
    const after = new EncryptionCodec(payloadKeys(keysEnv(['k2', key()], ['k1', old])));
    const [sealedAfter] = await after.encode([toPayload(applicant)]);
    expect(text(sealedAfter?.metadata?.[KEY_ID_METADATA])).toBe('k2');
    const opened = await after.decode([sealedBefore as Payload, sealedAfter as Payload]);
    expect(opened.map(fromPayload)).toEqual([applicant, applicant]);

    const withoutOld = new EncryptionCodec(payloadKeys(keysEnv(['k2', key()])));
    await expect(withoutOld.decode([sealedBefore as Payload])).rejects.toThrow(/key 'k1'.*not configured/);
  });

  test('when an encrypted payload is altered or relabelled with another key id, then it does not open', async () => {
    const [a, b] = [key(), key()];
    const codec = new EncryptionCodec(payloadKeys(keysEnv(['a', a], ['b', b])));
    const [sealed] = (await codec.encode([toPayload(applicant)])) as [Payload];
    const flipped = Buffer.from(sealed.data as Uint8Array);
    flipped[20] = (flipped[20] ?? 0) ^ 1;
    await expect(codec.decode([{ ...sealed, data: flipped }])).rejects.toThrow();
    const relabelled = { ...sealed, metadata: { ...sealed.metadata, [KEY_ID_METADATA]: Buffer.from('b') } };
    await expect(codec.decode([relabelled])).rejects.toThrow();
  });

  test('when payloads were stored before encryption, then they pass through unchanged', async () => {
    const codec = new EncryptionCodec(payloadKeys(keysEnv(['k', key()])));
    const plain = toPayload(applicant);
    expect(await codec.decode([plain])).toEqual([plain]);
  });

  test('when an unencrypted command claims the seal of the API, then the seal is taken off; an encrypted one keeps it', async () => {
    const codec = new EncryptionCodec(payloadKeys(keysEnv(['k', key()])));
    const command = { taskId: '100000000008-1', by: 'office:forged', [SEAL_FIELD]: 'update-1' };
    expect(fromPayload((await codec.decode([toPayload(command)]))[0])).toEqual({
      taskId: '100000000008-1',
      by: 'office:forged',
    });
    // A key spelled with a JSON escape is the same key once parsed.
    const escaped = { ...toPayload({}), data: Buffer.from('{"se\\u0061l":"update-1","by":"x"}') };
    expect(fromPayload((await codec.decode([escaped]))[0])).toEqual({ by: 'x' });
    const sealed = await codec.encode([toPayload(command)]);
    expect(fromPayload((await codec.decode(sealed))[0])).toEqual(command);
  });

  test('when no key is configured, then nothing is encrypted and Temporal reads payloads as they are; production refuses that', async () => {
    const config = loadConfig({});
    const codec = new EncryptionCodec(config.payloads);
    expect(codec.encrypts).toBe(false);
    const plain = toPayload(applicant);
    expect(await codec.encode([plain])).toEqual([plain]);
    expect(await codec.decode([plain])).toEqual([plain]);
    expect(() => assertSafePayloadKeys(config.payloads, { NODE_ENV: 'production' })).toThrow(
      /PISHKHAN_PAYLOAD_KEYS must be set/,
    );
    expect(() =>
      assertSafePayloadKeys(payloadKeys(keysEnv(['k', key()])), { NODE_ENV: 'production' }),
    ).not.toThrow();
  });

  test('when PISHKHAN_PAYLOAD_KEYS is malformed, then the process says how to write it', () => {
    expect(() => payloadKeys('k:c2hvcnQ=')).toThrow(/32 bytes in base64.*'k' is not/);
    expect(() => payloadKeys('no-colon')).toThrow(/id:key pairs/);
    const k = key();
    expect(() => payloadKeys(keysEnv(['k', k], ['k', k]))).toThrow(/names key 'k' twice/);
  });
});
