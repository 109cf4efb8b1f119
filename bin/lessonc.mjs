#!/usr/bin/env node
// The CLI is TypeScript run directly by Node's type stripping (Node 24 is pinned as a devDependency).
import { main } from '../cli/main.ts';

process.exitCode = await main(process.argv.slice(2));
