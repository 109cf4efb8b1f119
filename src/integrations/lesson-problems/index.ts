/**
 * Shows a lesson's problems on its page in `astro dev`: a dev toolbar app lists each problem with its
 * line (the page itself shows a corrected lesson, so an author previewing it sees what is still wrong
 * here). The app asks for the problems of the page it is on; after a lesson is saved, the integration
 * sends that lesson's problems again.
 */
import path from 'node:path';
import type { AstroIntegration } from 'astro';
import { lessonFileForPage, lessonProblems } from './problems.ts';

export const appId = 'lessonc-problems';

export default function lessonProblemsIntegration(options: { lessonsDirectory?: string } = {}): AstroIntegration {
  const lessonsDirectory = path.resolve(options.lessonsDirectory ?? process.env.LESSONC_LESSONS_DIR ?? 'lessons');
  return {
    name: 'lessonc:problems',
    hooks: {
      'astro:config:setup': ({ addDevToolbarApp, command }) => {
        if (command !== 'dev') return;
        addDevToolbarApp({
          id: appId,
          name: 'lessonc',
          icon: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2"><path d="M4 4h16v16H4z"/><path d="M8 9h8M8 13h5"/><circle cx="17" cy="17" r="3" fill="currentColor"/></svg>',
          entrypoint: new URL('./toolbar-app.ts', import.meta.url),
        });
      },
      'astro:server:setup': ({ server, toolbar, logger }) => {
        const send = async (file: string) => {
          try {
            toolbar.send('lessonc:problems', await lessonProblems(lessonsDirectory, file));
          } catch (error) {
            logger.warn(`lessonc: cannot check ${file}: ${(error as Error).message}`);
          }
        };
        toolbar.on<{ pathname: string }>('lessonc:request', ({ pathname }) => {
          const file = lessonFileForPage(lessonsDirectory, pathname);
          if (file) void send(file);
          else toolbar.send('lessonc:problems', { lesson: null, file: null, problems: [] });
        });
        server.watcher.on('change', (file) => {
          if (file.startsWith(lessonsDirectory + path.sep) && /\.md$/i.test(file)) void send(file);
        });
      },
    },
  };
}
