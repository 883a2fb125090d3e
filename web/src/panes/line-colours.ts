// The colour each source line gets, shared by the editor's gutter stripe and
// the bytecode pane's rows so the eye can match a line with its instructions.
// Neighbouring lines always differ; the hues are in line-colours.css.
import './line-colours.css';

const HUES = 8;

export function lineHueClass(line: number): string {
  return `line-hue-${line % HUES}`;
}
