/**
 * The Bluetooth LE Heart Rate Measurement characteristic (GATT service 0x180D "Heart Rate",
 * characteristic 0x2A37), as a strap or a bridge sends it. Layout (Bluetooth SIG, Heart Rate
 * Service 1.0 and the GATT Specification Supplement, "Heart Rate Measurement"), little-endian:
 *
 * | byte(s) | field                                                                         |
 * | ------- | ----------------------------------------------------------------------------- |
 * | 0       | flags: bit 0 value format (0 uint8, 1 uint16); bits 1–2 sensor contact status; |
 * |         | bit 3 energy expended present; bit 4 RR intervals present; bits 5–7 reserved   |
 * | 1 or 1–2| heart rate, bpm (uint8 or uint16 by bit 0)                                     |
 * | +2      | energy expended, kJ (uint16), when bit 3 is set                                |
 * | +2 × n  | RR intervals, each uint16 in 1/1024 s, when bit 4 is set (one or more)         |
 *
 * Sensor contact (bits 1–2): 0 or 1 = the feature is not supported; 2 = supported, no contact
 * detected; 3 = supported and contact detected.
 */
import { LiveInputError } from './errors';

/** BLE Heart Rate service and its measurement characteristic (16-bit SIG-assigned UUIDs). */
export const HEART_RATE_SERVICE = 0x180d;
export const HEART_RATE_MEASUREMENT = 0x2a37;

export type SensorContact = 'not_supported' | 'no_contact' | 'contact';

/** One decoded Heart Rate Measurement. */
export interface HeartRateMeasurement {
  /** Heart rate, beats per minute. */
  bpm: number;
  sensorContact: SensorContact;
  /** Energy expended since the sensor's last reset, kJ; null when the flag is not set. */
  energyExpendedKj: number | null;
  /** RR intervals in seconds (raw value / 1024), oldest first; empty when the flag is not set. */
  rrIntervalsS: number[];
}

const FLAG_UINT16 = 0x01;
const FLAG_CONTACT_SUPPORTED = 0x04;
const FLAG_CONTACT_DETECTED = 0x02;
const FLAG_ENERGY = 0x08;
const FLAG_RR = 0x10;

function need(bytes: Uint8Array, offset: number, size: number, what: string): void {
  if (offset + size > bytes.length) {
    throw new LiveInputError('bytes', `truncated Heart Rate Measurement: ${what} needs bytes ${String(offset)}–${String(offset + size - 1)}, but the buffer has ${String(bytes.length)} byte(s)`);
  }
}

function uint16(bytes: Uint8Array, offset: number): number {
  return bytes[offset]! | (bytes[offset + 1]! << 8);
}

/**
 * Decodes one 0x2A37 value.
 * @throws LiveInputError (field `bytes`) when the buffer is empty or shorter than its flags
 *   announce, when the RR list has an odd number of bytes or is announced but empty, or when the
 *   heart rate is 0 (a strap without a reading).
 */
export function parseHeartRateMeasurement(bytes: Uint8Array): HeartRateMeasurement {
  need(bytes, 0, 1, 'the flags byte');
  const flags = bytes[0]!;
  let offset = 1;
  let bpm: number;
  if (flags & FLAG_UINT16) {
    need(bytes, offset, 2, 'the uint16 heart rate');
    bpm = uint16(bytes, offset);
    offset += 2;
  } else {
    need(bytes, offset, 1, 'the uint8 heart rate');
    bpm = bytes[offset]!;
    offset += 1;
  }
  if (bpm === 0) throw new LiveInputError('bytes', 'the heart rate is 0 bpm: the sensor has no reading');
  const sensorContact: SensorContact = !(flags & FLAG_CONTACT_SUPPORTED) ? 'not_supported' : flags & FLAG_CONTACT_DETECTED ? 'contact' : 'no_contact';
  let energyExpendedKj: number | null = null;
  if (flags & FLAG_ENERGY) {
    need(bytes, offset, 2, 'the energy expended');
    energyExpendedKj = uint16(bytes, offset);
    offset += 2;
  }
  const rrIntervalsS: number[] = [];
  if (flags & FLAG_RR) {
    const rest = bytes.length - offset;
    if (rest === 0) throw new LiveInputError('bytes', 'truncated Heart Rate Measurement: the RR-interval flag is set but no interval follows');
    if (rest % 2 !== 0) throw new LiveInputError('bytes', `malformed Heart Rate Measurement: ${String(rest)} byte(s) of RR intervals is not a whole number of uint16 values`);
    for (; offset < bytes.length; offset += 2) rrIntervalsS.push(uint16(bytes, offset) / 1024);
  }
  return { bpm, sensorContact, energyExpendedKj, rrIntervalsS };
}

/** Decodes a base64-encoded 0x2A37 value (as a source sends it in JSON). @throws LiveInputError on bad base64 or bytes. */
export function parseHeartRateMeasurementBase64(text: string): HeartRateMeasurement {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0 || text.length === 0) {
    throw new LiveInputError('bytes', 'not base64: send the raw 0x2A37 bytes base64-encoded');
  }
  return parseHeartRateMeasurement(base64ToBytes(text));
}

function base64ToBytes(text: string): Uint8Array {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const clean = text.replace(/=+$/, '');
  const out: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const ch of clean) {
    buffer = (buffer << 6) | alphabet.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push((buffer >> bits) & 0xff);
    }
  }
  return Uint8Array.from(out);
}
