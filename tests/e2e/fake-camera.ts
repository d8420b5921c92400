// A camera for browser journeys: Chromium plays a Y4M video file as its webcam (--use-file-for-fake-video-capture).
// The video shows each given QR code for a while, with blank frames between, and Chromium loops it.
import { writeFileSync } from "node:fs";
import QRCode from "qrcode";

const W = 320;
const H = 240;
const FPS = 10;
const BLACK = 16;
const WHITE = 235;

/** The Y plane of a frame showing one QR code in the middle (or a blank white frame for null). */
function frame(text: string | null) {
  const y = Buffer.alloc(W * H, WHITE);
  if (text !== null) {
    const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
    const cell = Math.floor((H - 40) / (modules.size + 8));
    const left = Math.floor((W - cell * modules.size) / 2);
    const top = Math.floor((H - cell * modules.size) / 2);
    for (let r = 0; r < modules.size; r++)
      for (let c = 0; c < modules.size; c++)
        if (modules.get(r, c))
          for (let dy = 0; dy < cell; dy++) y.fill(BLACK, (top + r * cell + dy) * W + left + c * cell, (top + r * cell + dy) * W + left + (c + 1) * cell);
  }
  // 4:2:0 chroma planes, neutral grey.
  return Buffer.concat([Buffer.from("FRAME\n"), y, Buffer.alloc((W / 2) * (H / 2) * 2, 128)]);
}

/** Writes a video that shows each text as a QR code for `seconds`, then a blank second. */
export function writeQrVideo(file: string, texts: string[], seconds = 2) {
  const parts = [Buffer.from(`YUV4MPEG2 W${W} H${H} F${FPS}:1 Ip A1:1 C420jpeg\n`)];
  for (const text of texts) {
    const shown = frame(text);
    for (let i = 0; i < seconds * FPS; i++) parts.push(shown);
    const blank = frame(null);
    for (let i = 0; i < FPS; i++) parts.push(blank);
  }
  writeFileSync(file, Buffer.concat(parts));
}
