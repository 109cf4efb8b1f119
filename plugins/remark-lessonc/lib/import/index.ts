/** `lessonc import`: plain instructor notes → lesson Markdown. */
export { importNotes, type ImportNotesOptions } from './notes.ts';
