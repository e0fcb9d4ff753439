/** What the member-phone operations return (issue 11). Instants ISO-8601 UTC; loads kg. */
import type { AdherenceCounts, AdherenceStatus } from '../../engine/sync/adherence';

export interface PhoneSettingsView {
  enabled: boolean;
  /** Where phones reach the studio (LAN addresses when served on the LAN). */
  addresses: string[];
  /** SHA-256 fingerprint of the studio CA when HTTPS is on, else null. */
  caFingerprint: string | null;
}

export interface PairingCodeView {
  code: string;
  expiresAt: string;
  /** What the QR code holds: the member app's address with the code (and CA fingerprint). */
  url: string;
  /** The QR code as an SVG data URL. */
  qr: string;
  caFingerprint: string | null;
  https: boolean;
}

export interface DeviceView {
  id: number;
  name: string;
  createdAt: string;
  expiresAt: string;
  lastSeenAt: string | null;
  pendingOps: number;
  applied: number;
  rejected: number;
  revokedAt: string | null;
}

export interface RejectionView { opId: string; kind: string; reason: string; at: string; deviceName: string }

export interface MemberSyncView {
  memberId: number;
  devices: DeviceView[];
  rejections: RejectionView[];
  /** The newest change about the member; the page reloads its sets when it moves. */
  seq: number;
}

export interface LoggedSetView {
  logId: string;
  exerciseName: string;
  setNumber: number;
  loadKg: number;
  reps: number;
  rir: number | null;
  performedAt: string;
  note: string;
  sessionName: string | null;
  week: number | null;
  /** The prescription the set fulfils (null: logged off plan). */
  prescribed: { sets: number; repMin: number; repMax: number; loadKg: number | null; targetRir: number } | null;
}

export interface PrescriptionAdherenceView {
  prescriptionId: number;
  exerciseName: string;
  sessionName: string;
  week: number;
  status: AdherenceStatus;
  setsLogged: number;
  setsPlanned: number;
  repsVsPlan: number | null;
  loadRatio: number | null;
}

export interface LoggedSetsView {
  sets: LoggedSetView[];
  /** Per prescription of the plan sessions the member logged on a phone. */
  adherence: PrescriptionAdherenceView[];
  counts: AdherenceCounts;
}
