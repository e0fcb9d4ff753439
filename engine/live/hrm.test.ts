import { describe, expect, it } from 'vitest';
import { parseHeartRateMeasurement, parseHeartRateMeasurementBase64 } from './hrm';

const bytes = (...b: number[]) => Uint8Array.from(b);

describe('the 0x2A37 Heart Rate Measurement parser', () => {
  it('reads a uint8 heart rate with no contact feature', () => {
    expect(parseHeartRateMeasurement(bytes(0x00, 72))).toEqual({ bpm: 72, sensorContact: 'not_supported', energyExpendedKj: null, rrIntervalsS: [] });
  });

  it('reads a uint16 heart rate little-endian', () => {
    // 0x0101 = 257 would be out of any human range, but the parser only decodes; 0x00B4 = 180.
    expect(parseHeartRateMeasurement(bytes(0x01, 0xb4, 0x00)).bpm).toBe(180);
    expect(parseHeartRateMeasurement(bytes(0x01, 0x01, 0x01)).bpm).toBe(257);
  });

  it('reads the sensor contact bits', () => {
    expect(parseHeartRateMeasurement(bytes(0x02, 60)).sensorContact).toBe('not_supported');
    expect(parseHeartRateMeasurement(bytes(0x04, 60)).sensorContact).toBe('no_contact');
    expect(parseHeartRateMeasurement(bytes(0x06, 60)).sensorContact).toBe('contact');
  });

  it('reads energy expended and several RR intervals in 1/1024 s', () => {
    // flags: uint8, contact detected, energy, RR → 0x1E; bpm 150; energy 0x0123 = 291 kJ; RR 410, 1024, 0x0300 = 768
    const m = parseHeartRateMeasurement(bytes(0x1e, 150, 0x23, 0x01, 0x9a, 0x01, 0x00, 0x04, 0x00, 0x03));
    expect(m).toEqual({ bpm: 150, sensorContact: 'contact', energyExpendedKj: 291, rrIntervalsS: [410 / 1024, 1, 0.75] });
  });

  it('reads RR intervals after a uint16 heart rate without energy (a Polar H10 style frame)', () => {
    const m = parseHeartRateMeasurement(bytes(0x11, 0x40, 0x00, 0x00, 0x04));
    expect(m.bpm).toBe(64);
    expect(m.energyExpendedKj).toBeNull();
    expect(m.rrIntervalsS).toEqual([1]);
  });

  it('refuses empty and truncated buffers with a clear message', () => {
    expect(() => parseHeartRateMeasurement(bytes())).toThrow(/flags byte/);
    expect(() => parseHeartRateMeasurement(bytes(0x00))).toThrow(/uint8 heart rate/);
    expect(() => parseHeartRateMeasurement(bytes(0x01, 0x50))).toThrow(/uint16 heart rate needs bytes 1–2, but the buffer has 2/);
    expect(() => parseHeartRateMeasurement(bytes(0x08, 70, 0x01))).toThrow(/energy expended/);
    expect(() => parseHeartRateMeasurement(bytes(0x10, 70))).toThrow(/no interval follows/);
    expect(() => parseHeartRateMeasurement(bytes(0x10, 70, 0x00, 0x04, 0x01))).toThrow(/not a whole number/);
  });

  it('refuses a zero heart rate, naming the field', () => {
    try {
      parseHeartRateMeasurement(bytes(0x00, 0));
      expect.unreachable();
    } catch (err) {
      expect((err as { field: string }).field).toBe('bytes');
    }
  });

  it('decodes base64 and refuses text that is not', () => {
    expect(parseHeartRateMeasurementBase64(Buffer.from([0x1e, 150, 0x23, 0x01, 0x9a, 0x01]).toString('base64')).rrIntervalsS).toEqual([410 / 1024]);
    expect(parseHeartRateMeasurementBase64('AEg=').bpm).toBe(72);
    expect(() => parseHeartRateMeasurementBase64('not base64!')).toThrow(/not base64/);
    expect(() => parseHeartRateMeasurementBase64('')).toThrow(/not base64/);
  });
});
