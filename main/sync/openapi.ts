/**
 * The OpenAPI 3.1 document of the sync protocol, generated from the zod schemas that validate
 * it (zod 4's `z.toJSONSchema`), never written by hand. Served at `GET /sync/v1/openapi.json`.
 */
import { z } from 'zod';
import { OP_PAYLOADS, OpAck, PairRequest, PullRequest, PushRequest, PushResponse } from '../../engine/sync/ops';
import { PairResponse, PullResponse } from '../../engine/sync/pull';

const schema = (s: z.ZodType) => z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
const out = (s: z.ZodType) => z.toJSONSchema(s, { io: 'output', unrepresentable: 'any' }) as Record<string, unknown>;

const envelope = (value: Record<string, unknown>) => ({
  oneOf: [
    { type: 'object', properties: { ok: { const: true }, value }, required: ['ok', 'value'] },
    { $ref: '#/components/schemas/Error' },
  ],
});

function post(summary: string, body: z.ZodType, answer: z.ZodType, secured: boolean) {
  return {
    post: {
      summary,
      ...(secured ? { security: [{ deviceToken: [] }] } : {}),
      requestBody: { required: true, content: { 'application/json': { schema: schema(body) } } },
      responses: {
        200: { description: 'Done', content: { 'application/json': { schema: envelope(out(answer)) } } },
        400: { description: 'Malformed or invalid body (the reason names the field)' },
        401: { description: 'No, unknown, expired or revoked device token (or a bad pairing code)' },
        403: { description: 'Another origin, or phones are switched off in the studio\'s Settings' },
        413: { description: 'Body larger than 256 KB' },
        415: { description: 'Not application/json' },
      },
    },
  };
}

export function syncOpenApi(version: string): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: { title: 'Trainer Studio member sync', version: `1 (studio ${version})`, description: 'See the README, "Sync protocol".' },
    paths: {
      '/sync/v1/pair': post('Exchange a one-time pairing code (5 min) for a device token', PairRequest, PairResponse, false),
      '/sync/v1/push': post('Push a batch of operations; one ack per op (applied, duplicate or rejected with its reason)', PushRequest, PushResponse, true),
      '/sync/v1/pull': post('Pull what changed since the cursor (a cursor ahead of the studio gets a full resync)', PullRequest, PullResponse, true),
    },
    components: {
      securitySchemes: { deviceToken: { type: 'http', scheme: 'bearer', description: 'The device token from /sync/v1/pair' } },
      schemas: {
        Error: { type: 'object', properties: { ok: { const: false }, error: { type: 'object', properties: { reason: { type: 'string' }, message: { type: 'string' }, field: { type: 'string' } }, required: ['reason', 'message'] } }, required: ['ok', 'error'] },
        OpAck: out(OpAck),
        ...Object.fromEntries(Object.entries(OP_PAYLOADS).map(([kind, s]) => [`Op_${kind.replace('.', '_')}`, schema(s)])),
      },
    },
  };
}
