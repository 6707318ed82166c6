/**
 * Bytes of one TCP direction waiting for a whole unit of an inner protocol (an HTTP head, a WebSocket frame, a
 * HEP3 packet), with the frames they came from. Consumed from the front; the last frame stays with leftover bytes.
 */
export class FrameBuffer {
  data: Buffer = Buffer.alloc(0);
  frames: number[] = [];

  append(data: Buffer, frame: number): void {
    this.data = this.data.length === 0 ? Buffer.from(data) : Buffer.concat([this.data, data]);
    if (this.frames[this.frames.length - 1] !== frame) this.frames.push(frame);
  }

  /** Drops the first `from` bytes. */
  take(from: number): void {
    this.data = from >= this.data.length ? Buffer.alloc(0) : Buffer.from(this.data.subarray(from));
    const last = this.frames[this.frames.length - 1];
    this.frames = this.data.length > 0 && last !== undefined ? [last] : [];
  }

  clear(): void {
    this.data = Buffer.alloc(0);
    this.frames = [];
  }
}
