/**
 * Exports the population part of the RIR model to ONNX, built from TypeScript with `onnx-proto`,
 * so the same computation can run in onnxruntime (desktop now, member phones later).
 *
 * The graph (opset 17, IR version 8):
 *   inputs   features   float32 [N, F]   the exercise feature vectors, in `pop.featureNames` order
 *            load_ratio float32 [N, 1]   1RM / load
 *   outputs  mean_lnk        float32 [N, 1] = features · W + b
 *            reps_to_failure float32 [N, 1] = exp(mean_lnk) · (load_ratio − 1)
 * i.e. RTF = k · (1RM / load − 1) with ln k the population mean for the exercise (engine/rir/types.ts;
 * Epley's k = 30). `exerciseLnK` overrides are a per-exercise lookup and stay outside the graph:
 * a caller that wants them applies them to `mean_lnk` itself.
 *
 * The export is deterministic (no timestamps), so the same population gives the same bytes and
 * the same SHA-256. The feature names, version and training-sample count ride along as metadata.
 */
import onnxProto from 'onnx-proto';
import type { onnx as OnnxTypes } from 'onnx-proto';
import type { PopulationModel } from '../../engine/rir/types';

const { onnx } = onnxProto;

/** ONNX opset the graph is written for; onnxruntime-node 1.30 supports it. */
export const POPULATION_ONNX_OPSET = 17;
/** Graph input and output names, shared with the runner. */
export const POPULATION_ONNX_IO = {
  features: 'features',
  loadRatio: 'load_ratio',
  meanLnK: 'mean_lnk',
  repsToFailure: 'reps_to_failure',
} as const;

/** Thrown for a population that cannot be exported; `field` names the offending property. */
export class OnnxExportError extends Error {
  override readonly name = 'OnnxExportError';
  readonly reason = 'invalid_input' as const;
  constructor(readonly field: string, message: string) {
    super(`${field}: ${message}`);
  }
}

function checkPopulation(pop: PopulationModel): void {
  const f = pop.featureNames.length;
  if (f === 0) throw new OnnxExportError('featureNames', 'expected at least one feature');
  if (pop.weights.length !== f) {
    throw new OnnxExportError('weights', `expected ${f} weights (one per feature name), got ${pop.weights.length}`);
  }
  pop.weights.forEach((w, i) => {
    if (!Number.isFinite(w)) throw new OnnxExportError(`weights.${i}`, `expected a finite number, got ${w}`);
  });
  if (!Number.isFinite(pop.intercept)) throw new OnnxExportError('intercept', `expected a finite number, got ${pop.intercept}`);
}

function floatTensorType(dims: (number | string)[]): OnnxTypes.ITypeProto {
  return {
    tensorType: {
      elemType: onnx.TensorProto.DataType.FLOAT,
      shape: { dim: dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) },
    },
  };
}

function floatInitializer(name: string, dims: number[], values: number[]): OnnxTypes.ITensorProto {
  return { name, dims, dataType: onnx.TensorProto.DataType.FLOAT, floatData: values };
}

function node(opType: string, inputs: string[], output: string): OnnxTypes.INodeProto {
  return { opType, input: inputs, output: [output], name: `${opType.toLowerCase()}_${output}` };
}

/** Builds the ModelProto (exposed for inspection and tests). */
export function buildPopulationModelProto(pop: PopulationModel): OnnxTypes.IModelProto {
  checkPopulation(pop);
  const f = pop.featureNames.length;
  const io = POPULATION_ONNX_IO;
  const graph: OnnxTypes.IGraphProto = {
    name: 'rir_population',
    docString: 'mean_lnk = features · W + b; reps_to_failure = exp(mean_lnk) · (load_ratio − 1)',
    initializer: [
      floatInitializer('W', [f, 1], pop.weights),
      floatInitializer('b', [1], [pop.intercept]),
      floatInitializer('one', [1], [1]),
    ],
    node: [
      node('MatMul', [io.features, 'W'], 'linear'),
      node('Add', ['linear', 'b'], io.meanLnK),
      node('Exp', [io.meanLnK], 'k'),
      node('Sub', [io.loadRatio, 'one'], 'ratio_minus_one'),
      node('Mul', ['k', 'ratio_minus_one'], io.repsToFailure),
    ],
    input: [
      { name: io.features, type: floatTensorType(['N', f]) },
      { name: io.loadRatio, type: floatTensorType(['N', 1]) },
    ],
    output: [
      { name: io.meanLnK, type: floatTensorType(['N', 1]) },
      { name: io.repsToFailure, type: floatTensorType(['N', 1]) },
    ],
  };
  return {
    irVersion: 8,
    opsetImport: [{ domain: '', version: POPULATION_ONNX_OPSET }],
    producerName: 'trainer-studio',
    producerVersion: '1',
    docString: `RIR population model ${pop.version}`,
    graph,
    metadataProps: [
      { key: 'population_version', value: pop.version },
      { key: 'feature_names', value: JSON.stringify(pop.featureNames) },
      { key: 'training_samples', value: String(pop.trainingSamples) },
    ],
  };
}

/** The population part as ONNX bytes (see the module docstring for the graph). */
export function exportPopulationOnnx(pop: PopulationModel): Uint8Array {
  const proto = onnx.ModelProto.fromObject(buildPopulationModelProto(pop));
  return onnx.ModelProto.encode(proto).finish();
}
