import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeLesson, type LessonAnalysis } from '../../plugins/remark-lessonc/index.ts';

/**
 * The analysis of each open lesson at its current version, worked out once however many requests
 * (diagnostics, code actions, hover, completion) ask about that version.
 */
export class LessonAnalyses {
  private readonly cache = new Map<string, { version: number; analysis: LessonAnalysis }>();

  of(document: TextDocument): LessonAnalysis {
    const cached = this.cache.get(document.uri);
    if (cached && cached.version === document.version) return cached.analysis;
    const analysis = analyzeLesson(document.getText());
    this.cache.set(document.uri, { version: document.version, analysis });
    return analysis;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }
}

/** The Kubernetes version the lesson is checked against (its frontmatter's `kubernetes`). */
export function kubernetesVersion(analysis: LessonAnalysis): string {
  return analysis.frontmatter?.kubernetes ?? '1.32';
}
