/**
 * The dev toolbar app: a window listing the lesson's problems (line, severity, message, rule), and a
 * notification dot on the toolbar when there are any. Text only (`textContent`): messages quote the
 * lesson's own text.
 */
import { defineToolbarApp } from 'astro/toolbar';
import { translate, type Locale } from '../../../plugins/remark-lessonc/lib/i18n.ts';
import type { LessonProblems } from './problems.ts';

const styles = `
  h2 { font-size: 1.1em; margin: 0 0 .5em; }
  ol { list-style: none; margin: 0; padding: 0; max-height: 60vh; overflow: auto; }
  li { display: grid; grid-template-columns: 5.5em 5em 1fr; gap: .5em; padding: .35em 0; border-top: 1px solid rgba(255,255,255,.1); }
  .line { font-variant-numeric: tabular-nums; opacity: .8; }
  .error { color: #ff8a8a; } .warning { color: #ffd27a; } .info { color: #8ad4ff; }
  .rule { opacity: .6; font-family: monospace; }
`;

export default defineToolbarApp({
  init(canvas, app, server) {
    const locale: Locale = document.documentElement.lang.startsWith('en') ? 'en' : 'ko';
    const panel = document.createElement('astro-dev-toolbar-window');
    const style = document.createElement('style');
    style.textContent = styles;
    const heading = document.createElement('h2');
    heading.textContent = translate(locale, 'editor.toolbar.title');
    const list = document.createElement('ol');
    list.setAttribute('aria-label', translate(locale, 'editor.toolbar.title'));
    panel.append(style, heading, list);
    canvas.append(panel);

    const lessonOfPage = () => decodeURIComponent(location.pathname).split('/').filter(Boolean);
    server.on<LessonProblems | { lesson: null; problems: [] }>('lessonc:problems', (data) => {
      // The integration sends every saved lesson's problems; keep those of this page's lesson.
      if (data.lesson !== null && !lessonOfPage().join('/').endsWith(data.lesson)) return;
      heading.textContent = data.lesson ? `${translate(locale, 'editor.toolbar.title')} · ${data.file}` : translate(locale, 'editor.toolbar.title');
      list.replaceChildren(
        ...(data.problems.length === 0
          ? [Object.assign(document.createElement('li'), { textContent: translate(locale, 'editor.toolbar.none') })]
          : data.problems.map((problem) => {
              const item = document.createElement('li');
              const cells: [string, string][] = [
                ['line', translate(locale, 'editor.toolbar.line', { line: problem.line })],
                [problem.severity, problem.severity],
                ['message', problem.message],
              ];
              for (const [className, text] of cells) item.append(Object.assign(document.createElement('span'), { className, textContent: text }));
              item.lastElementChild!.append(' ', Object.assign(document.createElement('span'), { className: 'rule', textContent: problem.ruleId }));
              return item;
            })),
      );
      const worst = data.problems.some((p) => p.severity === 'error') ? 'error' : data.problems.some((p) => p.severity === 'warning') ? 'warning' : 'info';
      app.toggleNotification({ state: data.problems.length > 0, level: worst });
    });
    server.send('lessonc:request', { pathname: location.pathname });
  },
});
