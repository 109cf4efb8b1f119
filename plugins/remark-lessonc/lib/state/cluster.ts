/**
 * The cluster a learner has built by following the lesson so far: objects of the default namespace
 * by resource type, and the manifest files the lesson has shown or written.
 *
 * After `kubectl apply -f` of a file the lesson never showed, objects of unknown names may exist
 * ("open"), and references are not checked; `kubectl delete TYPE --all` makes that type known again.
 */
export interface TrackedObject {
  /** Resource type in plural form (`pods`, `deployments`). */
  resource: string;
  name: string;
}

export interface ClusterState {
  objects: Map<string, Set<string>>;
  /** Some unknown objects were created: every type is open except those deleted with `--all` since. */
  unknownObjects: boolean;
  closedSinceUnknown: Set<string>;
  /** Manifest files by path: their objects, or `unknown` when the lesson never showed the content. */
  files: Map<string, TrackedObject[] | 'unknown'>;
}

export function emptyCluster(): ClusterState {
  return { objects: new Map(), unknownObjects: false, closedSinceUnknown: new Set(), files: new Map() };
}

export function createObject(state: ClusterState, object: TrackedObject): void {
  const names = state.objects.get(object.resource) ?? new Set<string>();
  names.add(object.name);
  state.objects.set(object.resource, names);
}

export function deleteObject(state: ClusterState, object: TrackedObject): void {
  state.objects.get(object.resource)?.delete(object.name);
}

export function deleteAll(state: ClusterState, resource: string): void {
  state.objects.set(resource, new Set());
  state.closedSinceUnknown.add(resource);
}

/** The lesson created objects it never showed (an unseen file): any type may now hold them. */
export function createUnknownObjects(state: ClusterState): void {
  state.unknownObjects = true;
  state.closedSinceUnknown.clear();
}

export function isKnown(state: ClusterState, object: TrackedObject): boolean {
  return state.objects.get(object.resource)?.has(object.name) === true;
}

/** Whether the lesson knows every object of this type, so a missing name is a real mistake. */
export function isClosed(state: ClusterState, resource: string): boolean {
  return !state.unknownObjects || state.closedSinceUnknown.has(resource);
}

export function existingNames(state: ClusterState, resource: string): string[] {
  return [...(state.objects.get(resource) ?? [])];
}
