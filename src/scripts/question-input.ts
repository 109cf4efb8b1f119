import type { Question } from '../../plugins/remark-lessonc/lib/quiz/schema.ts';
import { renderChoiceInput } from '../../plugins/remark-lessonc/lib/quiz/types/choice.ts';
import { renderCommandInput } from '../../plugins/remark-lessonc/lib/quiz/types/command.ts';
import { renderManifestInput } from '../../plugins/remark-lessonc/lib/quiz/types/manifest.ts';
import type { QuestionInput, Translate } from '../../plugins/remark-lessonc/lib/quiz/types/input.ts';
import { renderTextInput } from '../../plugins/remark-lessonc/lib/quiz/types/text.ts';

/** Dispatches to the question type's own input renderer (the counterpart of `checkAnswer`). */
export function renderQuestionInput(question: Question, t: Translate): QuestionInput {
  switch (question.type) {
    case 'command':
      return renderCommandInput(question, t);
    case 'text':
      return renderTextInput(question, t);
    case 'choice':
      return renderChoiceInput(question, t);
    case 'manifest':
      return renderManifestInput(question, t);
  }
}
