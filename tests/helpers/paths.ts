import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** `shared/` lies beside the checkout, on developer machines and on CI alike. */
export const sharedDir = path.resolve(repoRoot, '..', 'shared');
export const seedNotes = path.join(sharedDir, 'seeds', '000_27c1ab4a3650825c.txt');
