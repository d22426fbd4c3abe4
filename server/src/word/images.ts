// Images of a draft for the Word export: a local path (relative to the draft's folder) or a data:
// URI, read and measured (image-size), and scaled to fit the 版心. Web addresses are not fetched
// (no network at run time). What cannot be placed is a warning, and the alt text stands in.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { imageSize } from 'image-size';
import type { MessageRef } from '../engine/types.js';
import { exportRef } from './messages.js';

export type ImageType = 'png' | 'jpg' | 'gif' | 'bmp';

export interface LoadedImage {
  data: Uint8Array;
  type: ImageType;
  /** Pixels, as the file says. */
  width: number;
  height: number;
}

const MAX_BYTES = 20 * 1024 * 1024;
const TYPES: Record<string, ImageType> = { png: 'png', jpg: 'jpg', gif: 'gif', bmp: 'bmp' };

/** Reads an image of the draft; a reason (a message) when it cannot be placed. `baseDir`: the draft's folder (undefined: an unsaved document). */
export function loadImage(src: string, baseDir: string | undefined): LoadedImage | MessageRef {
  const shown = src.length > 80 ? `${src.slice(0, 77)}…` : src;
  let data: Uint8Array;
  if (/^data:/i.test(src)) {
    const m = /^data:image\/[a-z+]+;base64,([A-Za-z0-9+/=\s]*)$/i.exec(src);
    if (!m) return exportRef('imageUnsupported', { path: shown });
    data = Buffer.from(m[1], 'base64');
  } else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(src) && !/^file:/i.test(src)) {
    return exportRef('imageRemote', { path: shown });
  } else {
    let file: string;
    try {
      file = /^file:/i.test(src) ? fileURLToPath(src) : decodeURIComponent(src);
    } catch {
      file = src;
    }
    if (!path.isAbsolute(file)) {
      if (baseDir === undefined) return exportRef('imageNoFolder', { path: shown });
      file = path.join(baseDir, file);
    }
    try {
      const st = fs.statSync(file);
      if (!st.isFile()) return exportRef('imageMissing', { path: shown });
      if (st.size > MAX_BYTES) return exportRef('imageTooLarge', { path: shown, max: MAX_BYTES / 1024 / 1024 });
      data = fs.readFileSync(file);
    } catch {
      return exportRef('imageMissing', { path: shown });
    }
  }
  try {
    const size = imageSize(data);
    const type = size.type ? TYPES[size.type] : undefined;
    if (!type || !size.width || !size.height) return exportRef('imageUnsupported', { path: shown });
    return { data, type, width: size.width, height: size.height };
  } catch {
    return exportRef('imageUnsupported', { path: shown });
  }
}

/** The size to show an image at, in pixels at 96 per inch: its own, or scaled down to fit `maxWidth` × `maxHeight` twips. */
export function fitted(image: LoadedImage, maxWidthTwips: number, maxHeightTwips: number): { width: number; height: number } {
  const maxW = (maxWidthTwips / 1440) * 96;
  const maxH = (maxHeightTwips / 1440) * 96;
  const scale = Math.min(1, maxW / image.width, maxH / image.height);
  return { width: Math.max(1, Math.floor(image.width * scale)), height: Math.max(1, Math.floor(image.height * scale)) };
}
