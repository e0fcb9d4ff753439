import { EngineInputError } from '../errors';

/** Bad input to the live class monitor: a malformed 0x2A37 buffer, a bad zone band or setting (the field is named). */
export class LiveInputError extends EngineInputError {}
