/**
 * The learnt self-report bias in a trainer's words. Bias = reported − true RIR (types.ts):
 * positive means the member says they had more in reserve than they did.
 */

/** Posterior sd above this share of the prior sd means the data have not yet taught the bias. */
export const BIAS_LEARNT_SD_SHARE = 0.8;
/** A bias within this many reps counts as accurate. */
export const BIAS_ACCURATE_REPS = 0.3;

/** "tends to report 1.2 reps more in reserve than they have", or the accurate / not-yet sentence. */
export function biasSentence(meanReps: number, sd: number, priorSd: number): string {
  if (!(sd < BIAS_LEARNT_SD_SHARE * priorSd)) {
    return 'not enough failure or calibration sets yet to learn a bias';
  }
  if (Math.abs(meanReps) <= BIAS_ACCURATE_REPS) {
    return `reports their reps in reserve accurately (within ${BIAS_ACCURATE_REPS.toFixed(1)})`;
  }
  const size = Math.abs(meanReps).toFixed(1);
  const unit = size === '1.0' ? 'rep' : 'reps';
  return meanReps > 0
    ? `tends to report ${size} ${unit} more in reserve than they have`
    : `tends to report ${size} ${unit} fewer in reserve than they have`;
}
