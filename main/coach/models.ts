/**
 * GGUF model files: the ones in the models folder (beside the database) and their header facts,
 * read with node-llama-cpp's `readGgufFileInfo` (header only, not the weights). A file that is not
 * GGUF, or is cut short, is listed with its problem instead of its facts.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export interface ModelFile {
  /** The file name, e.g. `Qwen3-1.7B-Q4_K_M.gguf`. */
  file: string;
  path: string;
  sizeBytes: number;
  /** `general.name` from the header, else the file name. */
  name: string;
  /** The quantisation from `general.file_type` (e.g. `MOSTLY_Q4_K_M`), or null when unreadable. */
  quantisation: string | null;
  architecture: string | null;
  /** Why the header could not be read (the file is then not loadable). */
  problem: string | null;
}

/** The models folder of a database file: `models/` beside it. */
export function modelsFolder(dbPath: string): string {
  return path.join(path.dirname(path.resolve(dbPath)), 'models');
}

/** Reads one file's header facts; never throws (a bad file gets `problem`). */
export async function describeModel(file: string): Promise<ModelFile> {
  const sizeBytes = statSync(file).size;
  const base = { file: path.basename(file), path: file, sizeBytes };
  try {
    const { readGgufFileInfo, GgufFileType } = await import('node-llama-cpp');
    const info = await readGgufFileInfo(file, { readTensorInfo: false });
    const general = info.metadata.general as { name?: string; architecture?: string; file_type?: number };
    const fileType = general.file_type;
    const quantisation = fileType === undefined ? null : ((GgufFileType as unknown as Record<number, string>)[fileType] ?? `type ${fileType}`);
    return { ...base, name: general.name ?? base.file, quantisation, architecture: general.architecture ?? null, problem: null };
  } catch (err) {
    return { ...base, name: base.file, quantisation: null, architecture: null, problem: `not a readable GGUF model: ${(err as Error).message}` };
  }
}

/** The `.gguf` files in `folder` (none when it does not exist), by name. */
export async function listModels(folder: string): Promise<ModelFile[]> {
  let names: string[];
  try {
    names = readdirSync(folder).filter((n) => n.toLowerCase().endsWith('.gguf')).sort();
  } catch {
    return [];
  }
  return Promise.all(names.map((n) => describeModel(path.join(folder, n))));
}
