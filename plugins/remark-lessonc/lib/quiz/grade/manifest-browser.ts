/**
 * The manifest grader with its data imported as modules instead of read from disk, so the same
 * validator runs in the browser: the quiz client loads this on the first check of a manifest question.
 */
import schemaData from '../../../data/k8s-schema-1.32.json' with { type: 'json' };
import officialImages from '../../../data/docker-official-images.json' with { type: 'json' };
import { registerSchemaData } from '../../k8s/schema.ts';
import { registerDockerOfficialImages } from '../../k8s/rules/image-name.ts';
import type { CompactSchema } from '../../k8s/schema-types.ts';

registerSchemaData('1.32', schemaData as unknown as CompactSchema);
registerDockerOfficialImages(officialImages.names);

export { gradeManifest } from './manifest.ts';
