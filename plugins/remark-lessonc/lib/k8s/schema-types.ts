/**
 * The compact Kubernetes schema format (data/k8s-schema-<version>.json), written by
 * scripts/gen-k8s-schema.ts and read by the validator.
 */

export type ScalarType = 'string' | 'integer' | 'number' | 'boolean';

/**
 * One value's schema. Objects are closed unless `add` (a map) or `open` (anything) says otherwise.
 * `ref` points at a named type; `d` is a one-sentence description; `def` a default kept only for
 * list-map keys (ContainerPort.protocol defaults to TCP when checking duplicate ports).
 */
export interface Shape {
  ref?: string;
  t?: 'object' | 'array' | ScalarType | 'int-or-string' | 'quantity' | 'any';
  /** Object properties. */
  p?: Record<string, Shape>;
  /** Required property names. */
  req?: string[];
  /** Map values (additionalProperties). */
  add?: Shape;
  /** Unknown fields allowed. */
  open?: boolean;
  /** Array items. */
  items?: Shape;
  /** x-kubernetes-list-map-keys of a list-map array. */
  keys?: string[];
  enum?: (string | number)[];
  fmt?: string;
  d?: string;
  def?: string | number | boolean;
}

export interface NamedType extends Shape {}

export interface CompactSchema {
  version: string;
  source: { documents: string[]; origin: string; lessonc: string };
  /** apiVersion -> kind -> named type. */
  gvk: Record<string, Record<string, string>>;
  types: Record<string, NamedType>;
}
