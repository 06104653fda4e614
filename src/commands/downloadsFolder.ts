/**
 * The user's Downloads folder, where an export's save dialog opens until the user has chosen a folder of their
 * own: never the open workspace (an exported history is the user's record, not part of a project, and a CSV
 * dropped in a repository shows as untracked). No `vscode` import.
 */
import { readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import * as path from 'node:path';

export interface SystemFolders {
  readonly home: string;
  readonly env: NodeJS.ProcessEnv;
  readonly platform: NodeJS.Platform;
}

const SYSTEM: () => SystemFolders = () => ({ home: homedir(), env: process.env, platform: process.platform });

function isFolder(candidate: string): boolean {
  try {
    return statSync(candidate).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The download folder that `xdg-user-dirs` names (`XDG_DOWNLOAD_DIR` in `$XDG_CONFIG_HOME/user-dirs.dirs`), which
 * is named in the desktop's language (`~/下载` on a Chinese desktop). Undefined when there is no such line, or
 * it points at the home folder itself (how xdg-user-dirs says "none").
 */
export function xdgDownloadFolder({ home, env }: SystemFolders): string | undefined {
  const config = env.XDG_CONFIG_HOME !== undefined && path.isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : path.join(home, '.config');
  let text: string;
  try {
    text = readFileSync(path.join(config, 'user-dirs.dirs'), 'utf8');
  } catch {
    return undefined;
  }
  const line = /^\s*XDG_DOWNLOAD_DIR\s*=\s*"([^"]*)"\s*$/m.exec(text);
  if (line === null) return undefined;
  const value = (line[1] ?? '').replace(/^\$HOME(?=\/|$)/, home);
  if (!path.isAbsolute(value)) return undefined;
  const folder = path.resolve(value);
  return folder === path.resolve(home) ? undefined : folder;
}

/** The Downloads folder when there is one (XDG's on Linux, else `~/Downloads`), else the home folder. */
export function downloadsOrHome(system: SystemFolders = SYSTEM()): string {
  const candidates = [...(system.platform === 'win32' || system.platform === 'darwin' ? [] : [xdgDownloadFolder(system)]), path.join(system.home, 'Downloads')];
  return candidates.find((candidate): candidate is string => candidate !== undefined && isFolder(candidate)) ?? system.home;
}
