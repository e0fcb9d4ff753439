/**
 * Reading a request body under a byte limit: refused from `Content-Length` before a byte is
 * read, and counted while reading, so an oversized body is never buffered whole. Decoded as
 * strict UTF-8 (an invalid byte is an error, not a replacement character) and parsed as JSON.
 */
import type { IncomingMessage } from 'node:http';
import { StudioError } from '../contract/errors';

/** The default limit of an API body, bytes. */
export const BODY_LIMIT = 1024 * 1024;
/** The limit for operations that carry whole files (`largeBody`), bytes: 64 MB of file text plus JSON. */
export const FILE_BODY_LIMIT = 80 * 1024 * 1024;

const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

/** Reads the body; rejects with `too_large` past `limit` bytes. */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    return Promise.reject(new StudioError('too_large', `the request body is ${mb(declared)}; this operation takes at most ${mb(limit)}`));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        req.off('data', onData);
        req.pause();
        reject(new StudioError('too_large', `the request body is larger than ${mb(limit)}, the most this operation takes`));
      } else chunks.push(c);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', (err) => reject(new StudioError('invalid_input', `the request body could not be read (${err.message})`)));
    req.on('aborted', () => reject(new StudioError('cancelled', 'the client closed the request')));
  });
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Strict UTF-8 and JSON; an empty body is `{}`. Errors are `invalid_input` naming what is wrong. */
export function parseJsonBody(bytes: Buffer): unknown {
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    throw new StudioError('invalid_input', 'the request body is not valid UTF-8');
  }
  if (!text.trim()) return {};
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new StudioError('invalid_input', `the request body is not valid JSON: ${(err as Error).message.slice(0, 200)}`);
  }
}
