/**
 * Test fixture generator: writes a tiny random-weight llama model as a GGUF v3 file (about 0.5 MB:
 * 64 dimensions, 2 layers, 4 heads, an SPM tokenizer of byte tokens plus a few pieces (so nearly every character is a token: use a context of 4096 when the tools are offered), F32 tensors
 * aligned to 32 bytes). Its text is gibberish, but loading, streaming, grammars and cancelling run
 * through node-llama-cpp for real. Weights are generated from a seed at test time, never committed.
 *
 * Format: github.com/ggml-org/ggml docs/gguf.md (magic "GGUF", version 3, tensor and KV counts as
 * u64, KV pairs, tensor infos, padding to `general.alignment`, tensor data).
 */
import { writeFileSync } from 'node:fs';

const T = { U32: 4, I32: 5, F32: 6, STRING: 8, ARRAY: 9 } as const;
type Kv = [key: string, type: 'u32' | 'f32' | 'string', value: number | string] | [key: string, type: 'strings' | 'f32s' | 'i32s', value: Array<string | number>];

class Writer {
  private chunks: Buffer[] = [];
  size = 0;
  push(b: Buffer) { this.chunks.push(b); this.size += b.length; }
  u32(v: number) { const b = Buffer.alloc(4); b.writeUInt32LE(v); this.push(b); }
  i32(v: number) { const b = Buffer.alloc(4); b.writeInt32LE(v); this.push(b); }
  u64(v: number) { const b = Buffer.alloc(8); b.writeBigUInt64LE(BigInt(v)); this.push(b); }
  f32(v: number) { const b = Buffer.alloc(4); b.writeFloatLE(v); this.push(b); }
  str(s: string) { const b = Buffer.from(s, 'utf8'); this.u64(b.length); this.push(b); }
  pad(align: number) { const n = (align - (this.size % align)) % align; if (n) this.push(Buffer.alloc(n)); }
  buffer() { return Buffer.concat(this.chunks); }
}

/** mulberry32: a small seeded PRNG, so the same seed writes the same file. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface TinyModelOptions { seed?: number; name?: string; embedding?: number; layers?: number; heads?: number; contextLength?: number }

/** Writes the model to `file`; returns its size in bytes. */
export function writeTinyLlamaGguf(file: string, o: TinyModelOptions = {}): number {
  const nEmbd = o.embedding ?? 64, nLayer = o.layers ?? 2, nHead = o.heads ?? 4, nFf = nEmbd * 2;
  const random = rng(o.seed ?? 42);
  const tokens = ['<unk>', '<s>', '</s>'];
  const types = [2, 3, 3];
  for (let i = 0; i < 256; i++) { tokens.push(`<0x${i.toString(16).toUpperCase().padStart(2, '0')}>`); types.push(6); }
  const pieces = ['▁', ...'abcdefghijklmnopqrstuvwxyz'.split(''), ...'etaoinsrhl'.split('').map((c) => `▁${c}`), '{', '}', '"', ':', ',', '▁the', '▁and'];
  for (const p of pieces) { tokens.push(p); types.push(1); }
  const nVocab = tokens.length;
  const scores = tokens.map((_, i) => (types[i] === 1 ? -i / 100 : 0));

  const kvs: Kv[] = [
    ['general.architecture', 'string', 'llama'],
    ['general.name', 'string', o.name ?? 'tiny-random-llama'],
    ['general.alignment', 'u32', 32],
    ['general.file_type', 'u32', 0],
    ['llama.context_length', 'u32', o.contextLength ?? 8192],
    ['llama.embedding_length', 'u32', nEmbd],
    ['llama.block_count', 'u32', nLayer],
    ['llama.feed_forward_length', 'u32', nFf],
    ['llama.attention.head_count', 'u32', nHead],
    ['llama.attention.head_count_kv', 'u32', nHead],
    ['llama.attention.layer_norm_rms_epsilon', 'f32', 1e-5],
    ['llama.rope.dimension_count', 'u32', nEmbd / nHead],
    ['llama.vocab_size', 'u32', nVocab],
    ['tokenizer.ggml.model', 'string', 'llama'],
    ['tokenizer.ggml.tokens', 'strings', tokens],
    ['tokenizer.ggml.scores', 'f32s', scores],
    ['tokenizer.ggml.token_type', 'i32s', types],
    ['tokenizer.ggml.unknown_token_id', 'u32', 0],
    ['tokenizer.ggml.bos_token_id', 'u32', 1],
    ['tokenizer.ggml.eos_token_id', 'u32', 2],
  ];
  const tensors: Array<{ name: string; dims: number[]; fill: 'random' | 'ones' }> = [
    { name: 'token_embd.weight', dims: [nEmbd, nVocab], fill: 'random' },
    { name: 'output_norm.weight', dims: [nEmbd], fill: 'ones' },
    { name: 'output.weight', dims: [nEmbd, nVocab], fill: 'random' },
  ];
  for (let l = 0; l < nLayer; l++) {
    const b = `blk.${l}.`;
    tensors.push(
      { name: `${b}attn_norm.weight`, dims: [nEmbd], fill: 'ones' },
      { name: `${b}attn_q.weight`, dims: [nEmbd, nEmbd], fill: 'random' },
      { name: `${b}attn_k.weight`, dims: [nEmbd, nEmbd], fill: 'random' },
      { name: `${b}attn_v.weight`, dims: [nEmbd, nEmbd], fill: 'random' },
      { name: `${b}attn_output.weight`, dims: [nEmbd, nEmbd], fill: 'random' },
      { name: `${b}ffn_norm.weight`, dims: [nEmbd], fill: 'ones' },
      { name: `${b}ffn_gate.weight`, dims: [nEmbd, nFf], fill: 'random' },
      { name: `${b}ffn_down.weight`, dims: [nFf, nEmbd], fill: 'random' },
      { name: `${b}ffn_up.weight`, dims: [nEmbd, nFf], fill: 'random' },
    );
  }

  const w = new Writer();
  w.push(Buffer.from('GGUF', 'ascii'));
  w.u32(3);
  w.u64(tensors.length);
  w.u64(kvs.length);
  for (const [key, type, value] of kvs) {
    w.str(key);
    if (type === 'u32') { w.u32(T.U32); w.u32(value as number); }
    else if (type === 'f32') { w.u32(T.F32); w.f32(value as number); }
    else if (type === 'string') { w.u32(T.STRING); w.str(value as string); }
    else {
      const arr = value as Array<string | number>;
      w.u32(T.ARRAY);
      w.u32(type === 'strings' ? T.STRING : type === 'f32s' ? T.F32 : T.I32);
      w.u64(arr.length);
      for (const v of arr) type === 'strings' ? w.str(v as string) : type === 'f32s' ? w.f32(v as number) : w.i32(v as number);
    }
  }
  let offset = 0;
  const sizes = tensors.map((t) => t.dims.reduce((a, b) => a * b, 1) * 4);
  tensors.forEach((t, i) => {
    w.str(t.name);
    w.u32(t.dims.length);
    for (const d of t.dims) w.u64(d);
    w.u32(0); // GGML_TYPE_F32
    w.u64(offset);
    offset += Math.ceil(sizes[i]! / 32) * 32;
  });
  w.pad(32);
  tensors.forEach((t, i) => {
    const n = sizes[i]! / 4;
    const data = Buffer.alloc(Math.ceil(sizes[i]! / 32) * 32);
    for (let k = 0; k < n; k++) data.writeFloatLE(t.fill === 'ones' ? 1 : (random() * 2 - 1) * 0.08, k * 4);
    w.push(data);
  });
  const out = w.buffer();
  writeFileSync(file, out);
  return out.length;
}
