/**
 * The governance settings the Settings → Master data pages edit together: the version in force as
 * loaded (or as the last save answered) and the edited document, shared by every page in a module
 * store, so that a change made on the Matching page and one made on Governed types are saved as one
 * version. Saving sends the whole document with the version it was based on (a save by someone else
 * since is refused, and the page says to reload); a refused document's errors are kept by path for
 * the inputs to show beside themselves.
 */
import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import type { CheckSettingsResponse, SettingsDocument, SettingsJob, SettingsResponse } from '../../../shared/contracts/settings';
import { apiError } from '../utils/approvals';
import { errorMessage } from '../utils/audit';
import { sameDocument } from '../utils/settingsDocument';
import { errorsByKey, settingsErrors, standingErrors, type SettingsError } from '../utils/settingsErrors';
import { forgetGovernedTypes } from './useGovernedTypes';

export const SETTINGS_URL = '/master-data/settings';

export interface SettingsState {
  status: 'idle' | 'loading' | 'ready' | 'failed';
  loadError: string | null;
  /** The version in force as last loaded or saved. */
  saved: SettingsResponse | null;
  /** The edited document (equal to `saved.data` when nothing is changed). */
  draft: SettingsDocument | null;
  /** What the server refused in the last check or save, and the document it refused. */
  errors: SettingsError[];
  checked: SettingsDocument | null;
  /** Set when a save was refused because someone saved since (409). */
  conflict: string | null;
  /** The governed type the pages show (shared, so that Matching opens on the type just edited). */
  selectedUid: string | null;
  /** The time of the version saved or restored here: jobs queued since are its work. */
  savedHere: string | null;
  /** Background work, newest first, as last answered (see useSettingsJobs, which polls it). */
  jobs: SettingsJob[];
}

let state: SettingsState = { status: 'idle', loadError: null, saved: null, draft: null, errors: [], checked: null, conflict: null, selectedUid: null, savedHere: null, jobs: [] };
const listeners = new Set<() => void>();
const setState = (patch: Partial<SettingsState>) => {
  state = { ...state, ...patch };
  listeners.forEach((listener) => listener());
};
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};
const snapshot = () => state;

/** The settings in force after a load or a save: the edits start over from them. */
const accept = (response: SettingsResponse, here = false) => {
  forgetGovernedTypes();
  setState({
    status: 'ready',
    loadError: null,
    saved: response,
    draft: response.data,
    errors: [],
    checked: null,
    conflict: null,
    jobs: response.meta.jobs,
    ...(here ? { savedHere: response.meta.savedAt } : {}),
  });
};

/** The jobs as the server last listed them (the poller's answer), for every page. */
export const updateJobs = (jobs: SettingsJob[]) => setState({ jobs });

/** `refused`: how many keys the server named ("2 settings"), when it named some. */
export type CheckResult = { ok: true; response: CheckSettingsResponse } | { ok: false; message: string; refused?: string };

const refusedCount = (errors: SettingsError[]) => (errors.length === 0 ? undefined : errors.length === 1 ? 'One setting was' : `${errors.length} settings were`);
export type SaveResult = { ok: true } | { ok: false; message: string; conflict?: boolean };

export const useSettings = () => {
  const current = useSyncExternalStore(subscribe, snapshot);
  const { get, put, post } = useFetchClient();

  const reload = useCallback(async () => {
    setState({ status: 'loading', loadError: null });
    try {
      const { data } = await get<SettingsResponse>(SETTINGS_URL);
      accept(data);
    } catch (e) {
      setState({ status: 'failed', loadError: errorMessage(e) });
    }
  }, [get]);

  useEffect(() => {
    if (state.status === 'idle') void reload();
  }, [reload]);

  /** Changes the edited document (`edit` returns the new one; see utils/settingsDocument). */
  const edit = useCallback((change: (document: SettingsDocument) => SettingsDocument) => {
    if (state.draft) setState({ draft: change(state.draft) });
  }, []);

  const discard = useCallback(() => state.saved && setState({ draft: state.saved.data, errors: [], checked: null, conflict: null }), []);
  const select = useCallback((uid: string | null) => setState({ selectedUid: uid }), []);

  /** What saving `document` would change; a refused document's errors are kept for the inputs. */
  const check = useCallback(
    async (document: SettingsDocument): Promise<CheckResult> => {
      try {
        const { data } = await post<CheckSettingsResponse>(`${SETTINGS_URL}/check`, { data: document });
        setState({ errors: [], checked: null });
        return { ok: true, response: data };
      } catch (e) {
        const errors = settingsErrors(e);
        setState({ errors, checked: document });
        return { ok: false, message: apiError(e).message, refused: refusedCount(errors) };
      }
    },
    [post],
  );

  /** Saves `document` as a new version, based on the version loaded. */
  const save = useCallback(
    async (document: SettingsDocument, reason: string): Promise<SaveResult> => {
      try {
        const { data } = await put<SettingsResponse>(SETTINGS_URL, { data: document, reason: reason.trim() || undefined, baseVersion: state.saved?.meta.version ?? 0 });
        accept(data, true);
        return { ok: true };
      } catch (e) {
        const error = apiError(e);
        if (error.name === 'SettingsConflictError') {
          setState({ conflict: error.message });
          return { ok: false, message: error.message, conflict: true };
        }
        setState({ errors: settingsErrors(e), checked: document });
        return { ok: false, message: error.message };
      }
    },
    [put],
  );

  /** Makes an earlier version the newest (a new version of its own). */
  const restore = useCallback(
    async (id: number, reason: string): Promise<SaveResult> => {
      try {
        const { data } = await post<SettingsResponse>(`${SETTINGS_URL}/versions/${id}/restore`, { reason: reason.trim() || undefined });
        accept(data, true);
        return { ok: true };
      } catch (e) {
        return { ok: false, message: apiError(e).message };
      }
    },
    [post],
  );

  const dirty = useMemo(() => Boolean(current.saved && current.draft && !sameDocument(current.saved.data, current.draft)), [current.saved, current.draft]);
  // Errors about what was edited since the check are dropped; the next check says again.
  const errors = useMemo(() => standingErrors(current.errors, current.checked, current.draft), [current.errors, current.checked, current.draft]);
  const errorMap = useMemo(() => errorsByKey(errors, current.draft ?? undefined), [errors, current.draft]);

  return { ...current, errors, dirty, errorMap, reload, edit, discard, select, check, save, restore };
};
