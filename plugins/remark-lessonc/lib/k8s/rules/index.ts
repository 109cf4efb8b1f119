/** All rules the Kubernetes walker calls, in the order their diagnostics are reported for one node. */
import type { K8sRule } from './rule.ts';
import { typeRule } from './type.ts';
import { enumRule } from './enum.ts';
import { unknownFieldRule } from './unknown-field.ts';
import { requiredRule } from './required.ts';
import { duplicateKeyRule } from './duplicate-key.ts';
import { splitListItemRule } from './split-list-item.ts';
import { dnsNameRule } from './dns-name.ts';
import { labelRule } from './label.ts';
import { imageNameRule } from './image-name.ts';

export type { K8sRule } from './rule.ts';

export const k8sRules: K8sRule[] = [typeRule, enumRule, unknownFieldRule, splitListItemRule, duplicateKeyRule, requiredRule, dnsNameRule, labelRule, imageNameRule];
